#!/usr/bin/env python3
"""What each output format costs: for every format narrate writes (and the usual resampled
rates), the time to write a book whose segments are all in the cache (so only mixing,
mastering, resampling and encoding are timed), the file size per hour of audio, and, with
ffmpeg, the integrated loudness and true peak of the file.

The baseline, timed in the same run because these machines are noisy, is the 22,050 Hz WAV:
every other format is also given as a multiple of its time.

usage: Benchmarks/formats.py TEXT [--characters N] [--no-build]
(TEXT: a story, e.g. ../shared/corpus/pdnc-dev/AlicesAdventuresInWonderland/text.txt; by
default its first 40,000 characters)
"""
import argparse, json, shutil, subprocess, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NARRATE = ROOT / ".build/release/narrate"
OUTPUTS = [
    ("book.wav", []), ("book.flac", []), ("book.ogg", []), ("book.opus", []), ("book.mp3", []),
    ("book-44100.wav", ["--sample-rate", "44100"]), ("book-44100.flac", ["--sample-rate", "44100"]),
    ("book-44100.mp3", ["--sample-rate", "44100"]), ("book-48000.opus", ["--sample-rate", "48000"]),
]


def duration(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return float(json.loads(out)["format"]["duration"])


def loudness(path):
    out = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
                         capture_output=True, text=True).stderr.splitlines()[-12:]
    value = lambda key: next(line.split()[1] for line in out if line.strip().startswith(key))
    return f"{value('I:')} LUFS, {value('Peak:')} dBTP"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("text")
    parser.add_argument("--characters", type=int, default=40_000)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib"], cwd=ROOT, check=True)
    have_ffmpeg = shutil.which("ffmpeg") is not None
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        story = folder / "story.txt"
        story.write_text(Path(args.text).read_text(encoding="utf-8")[: args.characters], encoding="utf-8")
        cache = folder / "cache"

        def render(name, extra):
            start = time.monotonic()
            subprocess.run([str(NARRATE), "render", str(story), "-o", str(folder / name), "--cache", str(cache)] + extra,
                           check=True, capture_output=True)
            return time.monotonic() - start

        render("warm-up.wav", [])  # fills the cache
        rows = []
        baseline = None
        for name, extra in OUTPUTS:
            seconds = render(name, extra)
            baseline = baseline or seconds
            size = (folder / name).stat().st_size
            hours = (duration(folder / name) if have_ffmpeg else 0) / 3600 or None
            rows.append((name, " ".join(extra), seconds, seconds / baseline, size, hours,
                         loudness(folder / name) if have_ffmpeg else "(no ffmpeg)"))
        print(f"{args.characters} characters of {args.text}; every segment from the cache")
        print(f"{'file':18} {'option':22} {'time s':>7} {'× WAV':>6} {'s per audio h':>14} {'MB per audio h':>15}  loudness, true peak")
        for name, extra, seconds, ratio, size, hours, loud in rows:
            per_hour = f"{seconds / hours:14.1f}" if hours else f"{'?':>14}"
            size_per_hour = f"{size / 1e6 / hours:15.1f}" if hours else f"{'?':>15}"
            print(f"{name:18} {extra:22} {seconds:7.2f} {ratio:6.1f} {per_hour} {size_per_hour}  {loud}")


if __name__ == "__main__":
    main()

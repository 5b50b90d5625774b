#!/usr/bin/env python3
"""Casting benchmark: on each novel of a corpus folder, the automatic cast (characters found by
narrate, every voice chosen by it) is heard by `narrate cast --check`: each voice says the same
passage, its median pitch and spectral centroid are measured, and every speaker is compared with
the narrator and every pair who exchange at least --min-exchanges lines with each other.
Target (issue 10): no pair under 8 % apart in pitch and 15 % in brightness.

With --from-lines it measures what a render says instead: each speaker's first lines in the
book, rendered by `narrate preview --speaker NAME --lines 8`, pitch and centroid measured here
(numpy), pairs from the script's exchanges (one speaker right after another within two
paragraphs), as `narrate cast --check` counts them.

usage: Benchmarks/cast-distinctness.py CORPUS_FOLDER [--min-exchanges 10] [--from-lines] [--no-build]
(CORPUS_FOLDER: e.g. ../shared/corpus/pdnc-dev, one folder per novel holding text.txt)
"""
import argparse, json, re, subprocess, sys, tempfile, time, wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NARRATE = ROOT / ".build/release/narrate"

parser = argparse.ArgumentParser()
parser.add_argument("corpus")
parser.add_argument("--min-exchanges", type=int, default=10)
parser.add_argument("--no-build", action="store_true")
parser.add_argument("--from-lines", action="store_true")
args = parser.parse_args()
if not args.no_build:
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "narrate"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)



def measure(path):
    """Median pitch (normalised autocorrelation, 60-400 Hz) and spectral centroid of a WAV."""
    import numpy as np
    with wave.open(str(path)) as w:
        rate = w.getframerate()
        x = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(float)
    frame, hop, min_lag, max_lag = rate // 25, rate // 50, rate // 400, rate // 60
    pitches = []
    for start in range(0, len(x) - frame - max_lag, hop):
        window = x[start:start + frame + max_lag]
        energy = window[:frame] @ window[:frame]
        if energy / frame < 500 * 500:
            continue
        products = np.correlate(window, window[:frame], "valid")[min_lag:max_lag + 1]
        squares = np.cumsum(np.concatenate([[0], window * window]))
        shifted = squares[np.arange(min_lag, max_lag + 1) + frame] - squares[np.arange(min_lag, max_lag + 1)]
        correlation = products / np.sqrt(energy * shifted + 1e-9)
        best = int(np.argmax(correlation))
        if correlation[best] > 0.6:
            pitches.append(rate / (min_lag + best))
    size, weighted, total = 1024, 0.0, 0.0
    hann = np.hanning(size)
    for start in range(0, len(x) - size, size // 2):
        segment = x[start:start + size] * hann
        energy = segment @ segment
        if energy / size < 300 * 300:
            continue
        magnitude = np.abs(np.fft.rfft(segment))[1:]
        frequencies = np.fft.rfftfreq(size, 1 / rate)[1:]
        weighted += (frequencies @ magnitude) / magnitude.sum() * energy
        total += energy
    return (float(np.median(pitches)) if len(pitches) > 2 else None), (weighted / total if total else None)


def from_lines(novel, folder):
    """(speakers, pairs, alike pairs) measured from each speaker's rendered lines."""
    text = str((novel / "text.txt").resolve())
    script = json.loads(subprocess.run([str(NARRATE), "script", text, "--format", "json"], cwd=folder, capture_output=True, text=True, check=True).stdout)
    lines, exchanges, previous = {}, {}, None
    for segment in script["segments"]:
        if segment["kind"] != "dialogue":
            continue
        lines[segment["speaker"]] = lines.get(segment["speaker"], 0) + 1
        if previous and previous["speaker"] != segment["speaker"] and segment["paragraph"] - previous["paragraph"] <= 2:
            pair = tuple(sorted([previous["speaker"], segment["speaker"]]))
            exchanges[pair] = exchanges.get(pair, 0) + 1
        previous = segment
    pairs = [pair for pair, count in exchanges.items() if count >= args.min_exchanges and "Narrator" not in pair]
    speakers = [name for name in lines if name != "Narrator"]
    pairs += [("Narrator", name) for name in speakers]
    measured = {}
    for name in {name for pair in pairs for name in pair}:
        out = Path(folder) / "speaker.wav"
        result = subprocess.run([str(NARRATE), "preview", text, "--speaker", name, "--lines", "8", "-o", str(out)], cwd=folder, capture_output=True, text=True)
        measured[name] = measure(out) if result.returncode == 0 else (None, None)
    alike = []
    for a, b in pairs:
        (pa, ca), (pb, cb) = measured[a], measured[b]
        if None in (ca, cb):
            continue
        pitch = abs(pa - pb) / min(pa, pb) if pa and pb else 1
        brightness = abs(ca - cb) / min(ca, cb)
        if pitch < 0.08 and brightness < 0.15:
            alike.append((f"{a} and {b}", f"{pitch:.0%}", f"{brightness:.0%}"))
    return len(speakers), len(pairs) - len(speakers), alike


total_checked = total_alike = 0
print(f"{'novel':28} {'speakers':>8} {'pairs':>6} {'alike':>6} {'closest pair (pitch, brightness apart)':40} time")
for novel in sorted(p for p in Path(args.corpus).iterdir() if (p / "text.txt").exists()):
    with tempfile.TemporaryDirectory() as folder:  # no Voices/ here: the cast is all automatic
        started = time.perf_counter()
        if args.from_lines:
            speakers, pairs, alike = from_lines(novel, folder)
            total_checked += speakers + pairs
            total_alike += len(alike)
            closest = "; ".join(f"{a[0]} ({a[1]}, {a[2]})" for a in alike[:2])
            print(f"{novel.name:28} {speakers:>8} {pairs:>6} {len(alike):>6} {closest[:40]:40} {time.perf_counter() - started:.1f} s")
            continue
        result = subprocess.run([str(NARRATE), "cast", str((novel / "text.txt").resolve()), "--check", "--min-exchanges", str(args.min_exchanges)],
                                cwd=folder, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
    if result.returncode != 0:
        print(f"{novel.name:28} failed: {result.stderr.strip()}")
        continue
    counts = re.search(r"checked (\d+) speakers? against the narrator and (\d+) pairs?", result.stdout)
    speakers, pairs = int(counts.group(1)), int(counts.group(2))
    alike = re.findall(r"^  (.+) \((\d+) (?:lines|exchanges)\): pitch (.+?) apart, brightness (.+)$", result.stdout, re.M)
    total_checked += speakers + pairs
    total_alike += len(alike)
    closest = "; ".join(f"{a[0]} ({a[2]}, {a[3]})" for a in alike[:2])
    print(f"{novel.name:28} {speakers:>8} {pairs:>6} {len(alike):>6} {closest[:40]:40} {elapsed:.1f} s")
print(f"all: {total_checked} comparisons, {total_alike} sound alike")

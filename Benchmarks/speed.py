#!/usr/bin/env python3
"""Speed and memory benchmark for rendering: runs the release `narrate` and, as the baseline in
the same invocation, the `espeak-ng` program speaking the same text in one voice to a WAV.

- render: the whole text; narrate's wall time, its real-time factor (seconds of audio made per
  second) and its ratio to the baseline; peak memory (RSS) of narrate.
- preview: one paragraph of the text (`--paragraph N`), against espeak-ng speaking that
  paragraph alone.

usage: Benchmarks/speed.py TEXT [TEXT ...] [--paragraph N] [--repeat K] [--no-build]
(the baseline needs the espeak-ng program: apt-get install espeak-ng)
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NARRATE = ROOT / ".build/release/narrate"


def timed(cmd, stdin_text=None):
    """Wall time, peak RSS (KiB) and standard output of one process."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin_text else subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.PIPE, text=True)
        if stdin_text:
            proc.stdin.write(stdin_text)
            proc.stdin.close()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        if status != 0:
            sys.exit(f"failed: {' '.join(map(str, cmd))}: {proc.stderr.read().strip()}")
        out.seek(0)
        return elapsed, usage.ru_maxrss, out.read().decode()


def duration(report):
    """Seconds of audio, from narrate's own report: `(N samples at R Hz)`."""
    match = re.search(r"\((\d+) samples at (\d+) Hz[,)]", report)
    return int(match.group(1)) / int(match.group(2))


def best(runs):
    return min(runs, key=lambda r: r[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", nargs="+")
    parser.add_argument("--paragraph", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the fastest counts")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "narrate"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    espeak = shutil.which("espeak-ng")
    work = Path(tempfile.mkdtemp(prefix="narrate-speed-"))
    print(f"{'text':34} {'job':8} {'narrate s':>9} {'audio s':>8} {'x realtime':>10} {'espeak s':>8} {'x espeak':>8} {'RSS MB':>7}")
    for text in args.texts:
        name = Path(text).name if Path(text).name != "text.txt" else Path(text).parent.name
        out = work / "out.wav"
        narrate = best([timed([NARRATE, "render", text, "-o", out]) for _ in range(args.repeat)])
        audio = duration(narrate[2])
        base = best([timed([espeak, "-w", work / "base.wav", "-f", text]) for _ in range(args.repeat)]) if espeak else None
        ratio = f"{narrate[0] / base[0]:8.2f}" if base else f"{'-':>8}"
        print(f"{name:34} {'render':8} {narrate[0]:9.3f} {audio:8.1f} {audio / narrate[0]:10.0f} {base[0] if base else 0:8.3f} {ratio} {narrate[1] / 1024:7.1f}")

        preview = best([timed([NARRATE, "preview", text, "--paragraph", str(args.paragraph), "-o", out]) for _ in range(args.repeat)])
        audio = duration(preview[2])
        paragraph = subprocess.run([NARRATE, "script", text, "--format", "json"], capture_output=True, text=True).stdout
        segments = [s["text"] for s in json.loads(paragraph)["segments"] if s["paragraph"] == args.paragraph - 1]
        base = best([timed([espeak, "-w", work / "base.wav", "--stdin"], " ".join(segments)) for _ in range(args.repeat)]) if espeak else None
        ratio = f"{preview[0] / base[0]:8.2f}" if base else f"{'-':>8}"
        print(f"{'':34} {'preview':8} {preview[0]:9.3f} {audio:8.1f} {audio / preview[0]:10.0f} {base[0] if base else 0:8.3f} {ratio} {preview[1] / 1024:7.1f}")
    shutil.rmtree(work)
    print("\nx realtime: seconds of audio per second of wall time; x espeak: narrate's time over the")
    print("espeak-ng program's on the same text in one voice (narrate also builds the script, casts,")
    print("levels loudness and mixes); RSS MB: narrate's peak resident memory.")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compares the script builder's speed and memory between narrate builds, on one corpus novel
with its gold cast: each build's `narrate script` runs in turn, RUNS times, so the machine's
noise falls on all of them alike; printed: median CPU seconds (user + system), the fastest run,
peak resident memory, and each build's median over the first build's.

    python3 Benchmarks/compare-builds.py ../shared/corpus/pdnc-dev/Emma OLD/narrate NEW/narrate [--runs 12]
"""
import argparse, os, statistics, subprocess, sys, tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution as bench  # noqa: E402  (the cast as narrate reads it)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("novel", help="a corpus novel's folder (text.txt, cast.yaml)")
    parser.add_argument("builds", nargs="+", help="narrate executables; the first is the baseline")
    parser.add_argument("--runs", type=int, default=12)
    args = parser.parse_args()
    novel = Path(args.novel)
    times = {build: [] for build in args.builds}
    memory = {build: 0 for build in args.builds}
    with tempfile.TemporaryDirectory() as folder:
        cast = bench.cast_for_narrate(novel, folder)
        for _ in range(args.runs):
            for build in args.builds:
                process = subprocess.Popen([build, "script", str(novel / "text.txt"), "--cast", str(cast), "--format", "json"],
                                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                _, status, usage = os.wait4(process.pid, 0)
                if status != 0:
                    sys.exit(f"{build} failed on {novel.name}: {process.stderr.read().decode().strip()}")
                times[build].append(usage.ru_utime + usage.ru_stime)
                memory[build] = max(memory[build], usage.ru_maxrss)
    baseline = statistics.median(times[args.builds[0]])
    for build in args.builds:
        median = statistics.median(times[build])
        print(f"{build:40} median CPU {median:.3f} s  fastest {min(times[build]):.3f} s  peak RSS {memory[build] / 1024:.0f} MB"
              f"  x baseline {median / baseline:.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Casting benchmark: on each novel of a corpus folder, the automatic cast (characters found by
narrate, every voice chosen by it) is heard by `narrate cast --check`: each voice says the same
passage, its median pitch and spectral centroid are measured, and every speaker is compared with
the narrator and every pair who exchange at least --min-exchanges lines with each other.
Target (issue 10): no pair under 8 % apart in pitch and 15 % in brightness.

usage: Benchmarks/cast-distinctness.py CORPUS_FOLDER [--min-exchanges 10] [--no-build]
(CORPUS_FOLDER: e.g. ../shared/corpus/pdnc-dev, one folder per novel holding text.txt)
"""
import argparse, re, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NARRATE = ROOT / ".build/release/narrate"

parser = argparse.ArgumentParser()
parser.add_argument("corpus")
parser.add_argument("--min-exchanges", type=int, default=10)
parser.add_argument("--no-build", action="store_true")
args = parser.parse_args()
if not args.no_build:
    subprocess.run(["swift", "build", "-c", "release", "--product", "narrate"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)

total_checked = total_alike = 0
print(f"{'novel':28} {'speakers':>8} {'pairs':>6} {'alike':>6} {'closest pair (pitch, brightness apart)':40} time")
for novel in sorted(p for p in Path(args.corpus).iterdir() if (p / "text.txt").exists()):
    with tempfile.TemporaryDirectory() as folder:  # no Voices/ here: the cast is all automatic
        started = time.perf_counter()
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

#!/usr/bin/env python3
"""Chapter headings found by `narrate script`, against reference lists made by reading the nine
development novels (`Benchmarks/chapter-lines.json`: the line of every chapter, part, book and
volume heading). A found chapter is right when it starts on a reference line.

usage: Benchmarks/chapters.py CORPUS/pdnc-dev [--no-build]
"""
import argparse, json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NARRATE = ROOT / ".build/release/narrate"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib"], cwd=ROOT, check=True)
    reference = json.loads((ROOT / "Benchmarks/chapter-lines.json").read_text())
    reference.pop("about")
    total_found = total_right = total_reference = 0
    print(f"{'novel':30} {'reference':>9} {'found':>6} {'right':>6} {'recall':>7} {'precision':>9}")
    for novel, lines in reference.items():
        path = Path(args.corpus) / novel / "text.txt"
        text = path.read_text(encoding="utf-8-sig")
        script = json.loads(subprocess.run([str(NARRATE), "script", str(path), "--format", "json"],
                                           capture_output=True, text=True, check=True).stdout)
        # Offsets count code points, as Python's str does.
        line_starts = [0] + [index + 1 for index, character in enumerate(text) if character == "\n"]
        def line_of(offset):
            low, high = 0, len(line_starts) - 1
            while low < high:
                middle = (low + high + 1) // 2
                if line_starts[middle] <= offset: low = middle
                else: high = middle - 1
            return low + 1
        found = [line_of(chapter["start"]) for chapter in script["chapters"]]
        right = len(set(found) & set(lines))
        total_found += len(found); total_right += right; total_reference += len(lines)
        recall = right / len(lines) if lines else 1
        precision = right / len(found) if found else 1
        print(f"{novel:30} {len(lines):9} {len(found):6} {right:6} {recall:7.3f} {precision:9.3f}")
        missed = sorted(set(lines) - set(found)); extra = sorted(set(found) - set(lines))
        if missed: print(f"{'':30} missed lines {missed}")
        if extra: print(f"{'':30} extra lines {extra}")
    print(f"{'all nine':30} {total_reference:9} {total_found:6} {total_right:6} {total_right / total_reference:7.3f} {total_right / max(1, total_found):9.3f}")
    print("targets: recall ≥ 0.98, precision ≥ 0.98")


if __name__ == "__main__":
    main()

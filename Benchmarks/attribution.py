#!/usr/bin/env python3
"""Attribution benchmark: runs the release `narrate script --format json` on every novel of a
corpus folder (one folder per novel: text.txt, quotes.jsonl, cast.yaml, meta.json) and scores it
as the corpus README defines: detection precision/recall/F1 (one-to-one matching at IoU >= 0.5)
and attribution accuracy (overall, explicit, other), with the gold cast and without a cast.

Speed and memory are measured against a baseline run in the same invocation: a quote toggle on
the double quote mark, reset at blank lines, in Python (also scored for detection).

usage: Benchmarks/attribution.py CORPUS_DIR [--narrate PATH] [--only NAME] [--no-build]
"""
import argparse, json, os, re, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_cast(path):
    """name -> set of lowercased names and aliases, read with a tiny YAML subset reader so the
    benchmark needs nothing beyond Python."""
    names, current = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if s.startswith("- name:"):
            current = s.split(":", 1)[1].strip().strip('"')
            names[current] = {current.lower()}
        elif s.startswith("aliases:") and current:
            inner = s.split(":", 1)[1].strip().strip("[]")
            for a in inner.split('",'):
                a = a.strip().strip('"').strip()
                if a:
                    names[current].add(a.lower())
    return names


def match(gold, predicted):
    """One-to-one matching of gold spans and predicted dialogue segments, IoU >= 0.5. Both lists
    are sorted by start; overlapping candidates are near each other, so a sweep suffices."""
    pairs, used, j0 = {}, set(), 0
    for gi, g in enumerate(gold):
        while j0 < len(predicted) and predicted[j0]["end"] <= g["start"]:
            j0 += 1
        best, best_iou = None, 0.5
        j = j0
        while j < len(predicted) and predicted[j]["start"] < g["end"]:
            p = predicted[j]
            inter = min(g["end"], p["end"]) - max(g["start"], p["start"])
            union = max(g["end"], p["end"]) - min(g["start"], p["start"])
            iou = inter / union if union else 0
            if j not in used and iou >= best_iou:
                best, best_iou = j, iou
            j += 1
        if best is not None:
            used.add(best)
            pairs[gi] = best
    return pairs


def score(novel, segments):
    gold = [json.loads(l) for l in (novel / "quotes.jsonl").read_text().splitlines() if l.strip()]
    gold.sort(key=lambda q: q["start"])
    cast = load_cast(novel / "cast.yaml")
    meta = json.loads((novel / "meta.json").read_text())
    narrator_character = meta.get("narrator_character")
    predicted = sorted((s for s in segments if s["kind"] == "dialogue"), key=lambda s: s["start"])
    pairs = match(gold, predicted)
    result = {"gold": len(gold), "predicted": len(predicted), "matched": len(pairs),
              "correct": 0, "scored": 0, "explicit_correct": 0, "explicit": 0}
    for gi, g in enumerate(gold):
        speaker = g["speaker"]
        if speaker in ("_unknowable", "_group"):
            continue
        if speaker == "_narr":
            accepted = {"narrator"}
        else:
            accepted = set(cast.get(speaker, {speaker.lower()}))
            if speaker == narrator_character:
                accepted.add("narrator")
        ok = False
        if gi in pairs:
            said = predicted[pairs[gi]]["speaker"].lower()
            ok = said in accepted
            result.setdefault("calibration", []).append((predicted[pairs[gi]].get("confidence", 1.0), predicted[pairs[gi]].get("method", ""), ok))
        result["scored"] += 1
        result["correct"] += ok
        if g["type"] == "Explicit":
            result["explicit"] += 1
            result["explicit_correct"] += ok
    return result


def toggle_baseline(text):
    """The reference detector: a toggle on '"' that resets at blank lines."""
    segments, open_at = [], None
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            if open_at is None:
                open_at = i
            else:
                s, e = open_at + 1, i
                while s < e and text[s].isspace(): s += 1
                while e > s and text[e - 1].isspace(): e -= 1
                segments.append({"kind": "dialogue", "start": s, "end": e, "speaker": ""})
                open_at = None
        elif c == "\n" and text.startswith("\n", i + 1 if text[i + 1:i + 2] != "\r" else i + 2):
            open_at = None
        i += 1
    return segments


# narrate refuses a character called "Narrator" (its lines could not be told from the narrator's);
# a gold cast may have one (a storyteller who talks with the characters). It goes to narrate as
# "Narrator (character)", which the text still names as "Narrator", and is scored as the gold's.
RESERVED, STAND_IN = "Narrator", "Narrator (character)"


def cast_for_narrate(novel, folder):
    def stand_in(value):
        return f'"{STAND_IN}"' if value.strip().strip('"') == RESERVED else value

    lines = []
    for line in (novel / "cast.yaml").read_text(encoding="utf-8").split("\n"):
        key, _, value = line.partition(":")
        if key.strip() == "- name" and stand_in(value) != value:
            line = f"{key}: {stand_in(value)}"
        elif key.strip() == "aliases" and value.strip().startswith("["):
            items = value.strip()[1:-1].split(",")
            line = f"{key}: [{', '.join(stand_in(item).strip() for item in items)}]"
        lines.append(line)
    path = Path(folder) / "cast.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def run_narrate(narrate, novel, with_cast):
    cmd = [str(narrate), "script", str(novel / "text.txt"), "--format", "json"]
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        if with_cast:
            cmd += ["--cast", str(cast_for_narrate(novel, folder))]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd="/")
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if status != 0:
            sys.exit(f"narrate failed on {novel.name}: {err.read().decode().strip()}")
        segments = json.loads(out.read())["segments"]
        for segment in segments:
            if segment["speaker"] == STAND_IN:
                segment["speaker"] = RESERVED
        return segments, elapsed, usage.ru_maxrss


def ratio(a, b):
    return a / b if b else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--narrate", default=str(ROOT / ".build/release/narrate"))
    parser.add_argument("--only", help="score one novel (folder name)")
    parser.add_argument("--no-build", action="store_true", help="do not run swift build -c release first")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "narrate"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    novels = sorted(p for p in Path(args.corpus).resolve().iterdir() if (p / "quotes.jsonl").exists())
    if args.only:
        novels = [p for p in novels if p.name == args.only]
    settings = [("gold cast", True), ("no cast", False)]
    totals = {name: {} for name, _ in settings}
    totals["toggle baseline"] = {}
    peak_rss = {name: 0 for name, _ in settings}
    header = f"{'novel':30} {'setting':10} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'expl':>6} {'other':>6} {'time s':>7} {'x base':>7} {'RSS MB':>7}"
    print(header)
    print("-" * len(header))

    def add(total, r):
        for k, v in r.items():
            total[k] = total.get(k, [] if isinstance(v, list) else 0) + v

    def line(name, setting, r, elapsed=None, base=None, rss=None):
        p, rc = ratio(r["matched"], r["predicted"]), ratio(r["matched"], r["gold"])
        f1 = 2 * p * rc / (p + rc) if p + rc else 0
        acc = ratio(r["correct"], r["scored"])
        ex = ratio(r["explicit_correct"], r["explicit"])
        other = ratio(r["correct"] - r["explicit_correct"], r["scored"] - r["explicit"])
        timing = f"{elapsed:7.3f} {ratio(elapsed, base):7.1f} {rss / 1024:7.1f}" if elapsed is not None else ""
        accs = f"{acc:6.4f} {ex:6.4f} {other:6.4f}" if setting != "toggle" else f"{'':6} {'':6} {'':6}"
        print(f"{name:30} {setting:10} {p:6.4f} {rc:6.4f} {f1:6.4f} {accs} {timing}")

    unstable = []
    for novel in novels:
        text = (novel / "text.txt").read_text(encoding="utf-8")
        started = time.perf_counter()
        baseline_segments = toggle_baseline(text)
        baseline_time = time.perf_counter() - started
        r = score(novel, baseline_segments)
        add(totals["toggle baseline"], r)
        line(novel.name, "toggle", r)
        for name, with_cast in settings:
            segments, elapsed, rss = run_narrate(args.narrate, novel, with_cast)
            # The same text and cast must give the same script on every run.
            if run_narrate(args.narrate, novel, with_cast)[0] != segments:
                unstable.append(f"{novel.name} ({name})")
            r = score(novel, segments)
            r["time"], r["base"] = elapsed, baseline_time
            peak_rss[name] = max(peak_rss[name], rss)
            add(totals[name], r)
            line("", "cast" if with_cast else "no cast", r, elapsed, baseline_time, rss)
    print("-" * len(header))
    line("ALL NOVELS", "toggle", totals["toggle baseline"])
    for name, with_cast in settings:
        t = totals[name]
        line("", "cast" if with_cast else "no cast", t, t["time"], t["base"], peak_rss[name])
    # Calibration: does a line's confidence say how likely it is to be right?
    bands = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    calibration = totals["gold cast"].get("calibration", [])
    doubtful_below = 0.7  # ScriptFormatter.doubtful: narrate marks these lines ?
    print(f"\nconfidence (gold cast)   lines   share right   (narrate marks lines below {doubtful_below:.2f} with ?)")
    for low, high in bands:
        inside = [ok for confidence, _, ok in calibration if low <= confidence < high]
        if inside:
            print(f"  {low:.2f}–{min(high, 1.0):.2f}             {len(inside):6}   {sum(inside) / len(inside):6.3f}")
    doubtful = [ok for confidence, _, ok in calibration if confidence < doubtful_below]
    wrong = [ok for _, _, ok in calibration if not ok]
    if wrong:
        print(f"  marked ?: {len(doubtful)} lines ({len(doubtful) / len(calibration):.1%}), holding {sum(1 for ok in doubtful if not ok) / len(wrong):.1%} of the wrong ones")
    print(f"\nsame script on a second run: {'yes, every novel and setting' if not unstable else 'NO: ' + ', '.join(unstable)}")
    print("\nP/R/F1: quotation detection; acc: attribution accuracy (expl: Explicit spans, other: the rest);")
    print("time s: narrate script (release) wall time; x base: that time over the Python toggle baseline's;")
    print("RSS MB: narrate's peak resident memory (per novel; in the totals, the largest).")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fits the weights narrate's pronoun and description resolver gives its evidence, and says
whether they beat the shipped ones on novels they never saw.

    python3 Benchmarks/fit-resolver.py ../shared/corpus/pdnc-dev ../shared/corpus/pdnc-train [--write FILE]

For every novel (with its gold cast) narrate dumps each pronoun or description tag decision:
every candidate speaker and its evidence features. A conditional log-linear model (softmax over
the candidates of one decision, L2-regularised) is fitted to choose the gold speaker. Reported:
- leave-one-novel-out: each novel scored by narrate running with weights fitted on the others;
- development → training: weights fitted on the first corpus only, scored on the second;
both over all spans, next to the shipped weights in the same run. --write saves the weights
fitted on everything, as narrate's --resolver-weights reads them.
"""
import argparse, json, subprocess, sys, tempfile
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution as bench  # noqa: E402  (scoring, cast stand-ins: one definition of the metric)

FEATURES = ["mentioned-rank", "subject-rank", "spoke-rank", "addressed-by-name", "in-the-exchange", "last-subject",
            "subject-in-this-paragraph", "alternation-expects", "other-sex", "named-in-the-quotation",
            "spoke-last-not-named-since", "most-prominent-of-sex", "mention-closeness", "speech-closeness",
            "named-in-this-paragraph"]
SHIPPED = [1, 1.5, 1, 10, 1, 2.5, 4, 4.5, -3, -2, -3, 1.5, 0, 0, 0]


def narrate(binary, novel, folder, extra):
    cast = bench.cast_for_narrate(novel, folder)
    cmd = [str(binary), "script", str(novel / "text.txt"), "--cast", str(cast), "--format", "json"] + extra
    result = subprocess.run(cmd, capture_output=True, cwd="/")
    if result.returncode != 0:
        sys.exit(f"narrate failed on {novel.name}: {result.stderr.decode().strip()}")
    segments = json.loads(result.stdout)["segments"]
    for segment in segments:
        if segment["speaker"] == bench.STAND_IN:
            segment["speaker"] = bench.RESERVED
    return segments


def decisions(binary, novel):
    """The novel's resolver decisions whose gold speaker is among the candidates: (features, gold index)."""
    folder = tempfile.mkdtemp()
    dump = Path(folder) / "evidence.jsonl"
    narrate(binary, novel, folder, ["--dump-evidence", str(dump)])
    gold = [json.loads(l) for l in (novel / "quotes.jsonl").read_text().splitlines() if l.strip()]
    cast = bench.load_cast(novel / "cast.yaml")
    by_start = {}
    for quote in gold:
        by_start.setdefault(quote["start"], quote)
    result = []
    for line in dump.read_text().splitlines():
        record = json.loads(line)
        quote = by_start.get(record["start"])
        if quote is None or quote["speaker"] in ("_unknowable", "_group"):
            continue
        accepted = {"narrator"} if quote["speaker"] == "_narr" else cast.get(quote["speaker"], {quote["speaker"].lower()})
        names = [c["name"] for c in record["candidates"]]
        hits = [i for i, name in enumerate(names) if name.lower() in accepted or (name == bench.STAND_IN and "narrator" in accepted)]
        if len(hits) == 1 and len(names) > 1:
            result.append((np.array([c["features"] for c in record["candidates"]], dtype=float), hits[0]))
    return result


STRENGTH, PRIOR = 0.05, np.zeros(len(SHIPPED))


def fit(samples):
    """Maximum-likelihood weights of a softmax over each decision's candidates, L2 toward the prior."""
    strength = STRENGTH
    def loss(w):
        total, gradient = strength * (w - PRIOR) @ (w - PRIOR), 2 * strength * (w - PRIOR)
        for features, gold in samples:
            scores = features @ w
            scores -= scores.max()
            p = np.exp(scores)
            p /= p.sum()
            total -= np.log(p[gold] + 1e-12)
            gradient -= features[gold] - p @ features
        return total / len(samples), gradient / len(samples)
    return minimize(loss, np.array(SHIPPED, dtype=float), jac=True, method="L-BFGS-B").x


def accuracy(binary, novels, weights):
    """Spans right, spans scored over the novels, narrate running with these weights."""
    folder = tempfile.mkdtemp()
    path = Path(folder) / "weights.json"
    path.write_text(json.dumps({"features": FEATURES, "weights": list(map(float, weights))}))
    right = scored = 0
    for novel in novels:
        result = bench.score(novel, narrate(binary, novel, folder, ["--resolver-weights", str(path)]))
        right += result["correct"]
        scored += result["scored"]
    return right, scored


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("development")
    parser.add_argument("training")
    parser.add_argument("--narrate", default=str(bench.ROOT / ".build/release/narrate"))
    parser.add_argument("--write", help="save the weights fitted on all novels here")
    parser.add_argument("--strength", type=float, default=0.05, help="L2 regularisation strength")
    parser.add_argument("--prior", choices=["zero", "shipped"], default="zero", help="what the weights are pulled toward")
    args = parser.parse_args()
    global STRENGTH, PRIOR
    STRENGTH = args.strength
    PRIOR = np.array(SHIPPED, dtype=float) if args.prior == "shipped" else np.zeros(len(SHIPPED))
    subprocess.run(["swift", "build", "-c", "release", "--product", "narrate"], cwd=bench.ROOT, check=True, capture_output=True)
    sets = {name: sorted(p for p in Path(folder).resolve().iterdir() if (p / "quotes.jsonl").exists())
            for name, folder in (("development", args.development), ("training", args.training))}
    novels = sets["development"] + sets["training"]
    samples = {novel.name: decisions(args.narrate, novel) for novel in novels}
    print(f"{sum(len(s) for s in samples.values())} resolver decisions with the gold speaker among the candidates, {len(novels)} novels")

    shipped_right = shipped_scored = held_right = held_scored = 0
    for novel in novels:
        weights = fit([x for name, s in samples.items() if name != novel.name for x in s])
        right, scored = accuracy(args.narrate, [novel], weights)
        base_right, _ = accuracy(args.narrate, [novel], SHIPPED)
        held_right += right; held_scored += scored; shipped_right += base_right; shipped_scored += scored
        print(f"  {novel.name:32} left out: fitted {right / scored:.4f}   shipped {base_right / scored:.4f}")
    print(f"leave-one-novel-out, all spans: fitted {held_right / held_scored:.4f}   shipped {shipped_right / shipped_scored:.4f}")

    development_weights = fit([x for novel in sets["development"] for x in samples[novel.name]])
    right, scored = accuracy(args.narrate, sets["training"], development_weights)
    base_right, _ = accuracy(args.narrate, sets["training"], SHIPPED)
    dev_right, dev_scored = accuracy(args.narrate, sets["development"], development_weights)
    print(f"fitted on development only: development {dev_right / dev_scored:.4f}, training {right / scored:.4f} (shipped weights on training: {base_right / scored:.4f})")

    everything = fit([x for s in samples.values() for x in s])
    print("weights fitted on all novels:")
    for name, value, shipped in zip(FEATURES, everything, SHIPPED):
        print(f"  {name:28} {value:7.2f}   (shipped {shipped})")
    if args.write:
        Path(args.write).write_text(json.dumps({"features": FEATURES, "weights": [round(float(v), 3) for v in everything]}, indent=1) + "\n")


if __name__ == "__main__":
    main()

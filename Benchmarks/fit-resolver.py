#!/usr/bin/env python3
"""Fits the weights narrate's pronoun and description resolver (or, with --turns, its ranker of
untagged lines) gives its evidence, and says whether they beat the shipped ones on novels they
never saw.

    python3 Benchmarks/fit-resolver.py ../shared/corpus/pdnc-dev ../shared/corpus/pdnc-train [--turns] [--write FILE]

For every novel (with its gold cast) narrate dumps each pronoun or description tag decision
(with --turns: each untagged line's decision):
every candidate speaker and its evidence features. A conditional log-linear model (softmax over
the candidates of one decision, L2-regularised) is fitted to choose the gold speaker. Reported:
- leave-one-novel-out: each novel scored by narrate running with weights fitted on the others;
- development → training: weights fitted on the first corpus only, scored on the second;
both over all spans, next to the shipped weights in the same run. --write saves the weights
fitted on everything, as narrate's --resolver-weights reads them; with --turns, --write-swift
FILE writes them as the Swift source narrate ships (`FittedTurnWeights.swift`). With --turns,
"fitted" lets the ranker choose the speaker (`--rank-untagged`; with --margin M, only where its
choice is M more probable than the rules'); "shipped" is narrate as it ships.
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
KIND, OPTION = "pronoun", "--resolver-weights"
# The untagged-line ranker's features, as `TurnWeights.features` lists them.
TURN_FEATURES = ["alternation-expects", "spoke-two-lines-back", "spoke-the-line-before", "speaks-the-reply", "in-the-exchange",
                 "addressed-in-the-line-before", "called-by-the-reply", "addressed-in-the-reply", "addressed-in-this-line",
                 "named-in-this-line", "named-before-in-paragraph", "named-after-in-paragraph", "only-one-named-in-paragraph",
                 "acts-after-a-finished-line", "last-subject", "subject-closeness", "mention-closeness", "speech-closeness", "mentioned-rank", "spoke-rank",
                 "sex-the-line-before-called", "reported-just-before", "share-of-tagged-lines", "is-the-narrator", "sex-unknown",
                 "sex-of-he-or-she-before", "sex-of-he-or-she-after", "sex-of-he-or-she-in-the-narration-before",
                 "alternation-between-two", "alternation-after-a-question", "second-latest-speaker", "uses-these-words-of-address", "talks-like-this-line",
                 "rule-paragraph-mention", "rule-vocative", "rule-turn-taking", "rule-nearest"]
TURN_START = [4, 1, -4, -3, 1, 5, 3, 2, -6, -2, 2.5, 1.5, 1, -1, 1, 0.5, 1, 0.5, 0.5, 0.5, 2, -1, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 2]


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
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "evidence.jsonl"
        narrate(binary, novel, folder, ["--dump-evidence", str(dump)] + DUMP_EXTRA)
        records = dump.read_text().splitlines()
    gold = [json.loads(l) for l in (novel / "quotes.jsonl").read_text().splitlines() if l.strip()]
    cast = bench.load_cast(novel / "cast.yaml")
    narrator_character = json.loads((novel / "meta.json").read_text()).get("narrator_character")
    by_start = {}
    for quote in gold:
        by_start.setdefault(quote["start"], quote)
    result = []
    for line in records:
        record = json.loads(line)
        if record.get("kind", "pronoun") != KIND:
            continue
        quote = by_start.get(record["start"])
        if quote is None or quote["speaker"] in ("_unknowable", "_group"):
            continue
        accepted = {"narrator"} if quote["speaker"] == "_narr" else set(cast.get(quote["speaker"], {quote["speaker"].lower()}))
        if quote["speaker"] == narrator_character:
            accepted.add("narrator")  # a first-person novel: narrate calls its teller Narrator
        names = [c["name"] for c in record["candidates"]]
        hits = [i for i, name in enumerate(names) if name.lower() in accepted or (name == bench.STAND_IN and "narrator" in accepted)]
        if len(hits) == 1 and len(names) > 1:
            result.append((np.array([c["features"] for c in record["candidates"]], dtype=float), hits[0]))
    return result


STRENGTH, PRIOR, DUMP_EXTRA, EXTRA, MARGIN = 0.05, np.zeros(len(SHIPPED)), [], [], None


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
    """Spans right, spans scored over the novels, narrate running with these weights (None: as shipped)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "weights.json"
        options = []
        if weights is not None:
            path.write_text(json.dumps({"features": FEATURES, "weights": list(map(float, weights))}))
            options = [OPTION, str(path)] + ((["--ranker-margin", str(MARGIN)] if MARGIN is not None else ["--rank-untagged"]) if KIND == "turn" else [])
        right = scored = 0
        for novel in novels:
            result = bench.score(novel, narrate(binary, novel, folder, options))
            right += result["correct"]
            scored += result["scored"]
    return right, scored


def swift_source(weights):
    values = ", ".join(f"{float(v):.3f}" for v in weights)
    return f"""// Generated by Benchmarks/fit-resolver.py --turns --write-swift; do not edit by hand.
// The untagged-line ranker's weights, fitted on the 19 corpus novels, in `TurnWeights.features` order.
extension TurnWeights {{
    static let fitted = TurnWeights(values: [{values}])
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("development")
    parser.add_argument("training")
    parser.add_argument("--narrate", default=str(bench.ROOT / ".build/release/narrate"))
    parser.add_argument("--turns", action="store_true", help="fit the untagged-line ranker instead of the pronoun resolver")
    parser.add_argument("--start", help="with --turns: weights (JSON) narrate ranks with while the evidence is collected")
    parser.add_argument("--write", help="save the weights fitted on all novels here (JSON)")
    parser.add_argument("--write-swift", help="with --turns: save them as the Swift source narrate ships")
    parser.add_argument("--margin", type=float, help="with --turns: the fitted ranker overrides the rules only when its choice is this much more probable than theirs")
    parser.add_argument("--strength", type=float, default=0.05, help="L2 regularisation strength")
    parser.add_argument("--prior", choices=["zero", "shipped"], default="zero", help="what the weights are pulled toward")
    args = parser.parse_args()
    global STRENGTH, PRIOR, FEATURES, SHIPPED, KIND, OPTION, DUMP_EXTRA, MARGIN
    MARGIN = args.margin
    if args.turns:
        FEATURES, SHIPPED, KIND, OPTION = TURN_FEATURES, TURN_START, "turn", "--turn-weights"
        if args.start:
            start = json.loads(Path(args.start).read_text())
            assert start["features"] == FEATURES, "the start weights' features differ from this script's"
            SHIPPED = start["weights"]
            DUMP_EXTRA = [OPTION, str(Path(args.start).resolve())]
    STRENGTH = args.strength
    PRIOR = np.array(SHIPPED, dtype=float) if args.prior == "shipped" else np.zeros(len(SHIPPED))
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "narrate"], cwd=bench.ROOT, check=True, capture_output=True)
    sets = {name: sorted(p for p in Path(folder).resolve().iterdir() if (p / "quotes.jsonl").exists())
            for name, folder in (("development", args.development), ("training", args.training))}
    novels = sets["development"] + sets["training"]
    samples = {novel.name: decisions(args.narrate, novel) for novel in novels}
    print(f"{sum(len(s) for s in samples.values())} {KIND} decisions with the gold speaker among the candidates, {len(novels)} novels")

    shipped_right = shipped_scored = held_right = held_scored = 0
    for novel in novels:
        weights = fit([x for name, s in samples.items() if name != novel.name for x in s])
        right, scored = accuracy(args.narrate, [novel], weights)
        base_right, _ = accuracy(args.narrate, [novel], None)
        held_right += right; held_scored += scored; shipped_right += base_right; shipped_scored += scored
        print(f"  {novel.name:32} left out: fitted {right / scored:.4f}   shipped {base_right / scored:.4f}")
    print(f"leave-one-novel-out, all spans: fitted {held_right / held_scored:.4f}   shipped {shipped_right / shipped_scored:.4f}")

    development_weights = fit([x for novel in sets["development"] for x in samples[novel.name]])
    right, scored = accuracy(args.narrate, sets["training"], development_weights)
    base_right, _ = accuracy(args.narrate, sets["training"], None)
    dev_right, dev_scored = accuracy(args.narrate, sets["development"], development_weights)
    print(f"fitted on development only: development {dev_right / dev_scored:.4f}, training {right / scored:.4f} (shipped on training: {base_right / scored:.4f})")

    everything = fit([x for s in samples.values() for x in s])
    print("weights fitted on all novels:")
    for name, value, start in zip(FEATURES, everything, SHIPPED):
        print(f"  {name:28} {value:7.2f}   (start {start})")
    if args.write:
        Path(args.write).write_text(json.dumps({"features": FEATURES, "weights": [round(float(v), 3) for v in everything]}, indent=1) + "\n")
    if args.write_swift:
        Path(args.write_swift).write_text(swift_source(everything))


if __name__ == "__main__":
    main()

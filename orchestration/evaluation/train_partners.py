"""Train the partner-city model on labelled articles: which candidate cities the gold calls partners.

usage: python -m orchestration.evaluation.train_partners CORPUS_DIR GOLD_DIR [CORPUS_DIR GOLD_DIR ...]

Every candidate city the extractor finds (not the host) carries its features on its first row; the label is
whether the gold's first event lists that city (by English name and country, as the scorer compares them)
among its partners. A logistic regression (numpy, L2) is fitted; the probability threshold is chosen by
five-fold cross-validation over documents for the best partner F1. Only tuning data may be passed here: never
the check half.
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

import numpy as np

from orchestration.extract.pipeline import extract_document
from orchestration.extract.roles.partner_model import FEATURES, MODEL_PATH
from orchestration.parse.document import parse_document
from orchestration.reference.gazetteer import get_gazetteer


def norm(name: str) -> str:
    """The scorer's comparison key of a name."""
    name = unicodedata.normalize("NFKD", name or "")
    name = "".join(c for c in name if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", name.lower())


def examples(corpus: Path, gold_dir: Path) -> list[tuple[str, list[float], int, int]]:
    """(document, features, label, positives the gold has) for every candidate city of every labelled document."""
    gazetteer = get_gazetteer()
    out = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = corpus / f"{gold_path.stem}.txt"
        if not gold.get("events") or not article.exists():
            continue
        event = gold["events"][0]
        partners = {(norm(c["name_en"]), c["country"]) for c in event.get("partner_cities", [])}
        parsed = parse_document(article.read_bytes(), content_type="text/plain")
        result = extract_document(gold_path.stem, parsed.text, parsed.language, title=parsed.title,
                                  published_date=parsed.published_date)
        for row in result.rows:
            if row["kind"] != "city" or "partner_features" not in (row["attributes"] or ""):
                continue
            features = json.loads(row["attributes"])["partner_features"]
            city = gazetteer.city(row["city_id"])
            label = int((norm(city.name_en), city.country_code) in partners)
            out.append((f"{corpus.name}/{gold_path.stem}", [features[name] for name in FEATURES], label, len(partners)))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, rate: float = 0.1) -> tuple[np.ndarray, float]:
    weights, bias = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ weights + bias)))
        gradient = x.T @ (p - y) / len(y) + l2 * weights / len(y)
        weights -= rate * gradient
        bias -= rate * float(np.mean(p - y))
    return weights, bias


def f1(probabilities: np.ndarray, y: np.ndarray, threshold: float) -> float:
    predicted = probabilities >= threshold
    tp = float(np.sum(predicted & (y == 1)))
    fp = float(np.sum(predicted & (y == 0)))
    fn = float(np.sum(~predicted & (y == 1)))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    if len(args.pairs) % 2:
        raise SystemExit("give CORPUS_DIR GOLD_DIR pairs")
    data = []
    for corpus, gold in zip(args.pairs[0::2], args.pairs[1::2]):
        if "check" in corpus.parts:
            raise SystemExit("the check half is for scoring only")
        data.extend(examples(corpus, gold))
    documents = sorted({d for d, *_ in data})
    x = np.array([f for _, f, _, _ in data], dtype=float)
    y = np.array([label for _, _, label, _ in data], dtype=float)
    means, scales = x.mean(axis=0), x.std(axis=0)
    scales[scales == 0] = 1.0
    z = (x - means) / scales
    rng = np.random.default_rng(0)
    fold_of = {d: i % 5 for i, d in enumerate(rng.permutation(documents))}
    folds = np.array([fold_of[d] for d, *_ in data])
    held_out = np.zeros(len(y))
    for fold in range(5):
        train, test = folds != fold, folds == fold
        weights, bias = fit(z[train], y[train])
        held_out[test] = 1 / (1 + np.exp(-(z[test] @ weights + bias)))
    thresholds = np.arange(0.2, 0.81, 0.05)
    scores = [f1(held_out, y, t) for t in thresholds]
    threshold = float(thresholds[int(np.argmax(scores))])
    rule = f1(x[:, FEATURES.index("rule_partner")], y, 0.5)
    weights, bias = fit(z, y)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "features": list(FEATURES), "weights": [round(float(w), 6) for w in weights], "bias": round(bias, 6),
        "threshold": round(threshold, 2), "means": [round(float(m), 6) for m in means],
        "scales": [round(float(s), 6) for s in scales],
        "trained_on": [str(p) for p in args.pairs[0::2]], "candidates": len(y), "positives": int(y.sum()),
        "cross_validated_f1": round(max(scores), 3), "rules_f1": round(rule, 3),
    }, indent=1) + "\n", encoding="utf-8")
    print(f"{len(documents)} documents, {len(y)} candidates, {int(y.sum())} partners; candidate-level F1: "
          f"rules {rule:.3f}, model (5-fold) {max(scores):.3f} at threshold {threshold:.2f}")
    for name, weight in sorted(zip(FEATURES, weights), key=lambda t: -abs(t[1])):
        print(f"  {name:22s} {weight:+.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

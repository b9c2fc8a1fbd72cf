"""Train the learned role models on labelled articles: which candidate cities the gold calls partners, which
candidate city (or none) hosts the event, which date mention (or none) dates it, and which count (or none) is its
number of agreements.

usage: python -m orchestration.evaluation.train_roles {partners,hosts,dates,counts} CORPUS_DIR GOLD_DIR [...]

Every candidate the extractor finds carries its features (partners: on its first row; hosts, dates and counts:
collected while extracting); the label is whether the gold's first event names that city, by English name and
country as the scorer compares them, starts or ends on that date's day, or has that many agreements. A logistic
regression (numpy, L2) is fitted; the threshold is chosen by five-fold cross-validation over documents (the mean
of ten random splits) for the best partner F1, or the best share of documents whose chosen candidate (or none)
is right. Only tuning data may be passed here: never the check half.
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from orchestration.extract.pipeline import extract_document
from orchestration.extract.roles import count_model, date_model, host_model, partner_model
from orchestration.extract.roles.learned import rules_only
from orchestration.parse.document import parse_document
from orchestration.reference.gazetteer import get_gazetteer


def norm(name: str) -> str:
    """The scorer's comparison key of a name."""
    name = unicodedata.normalize("NFKD", name or "")
    name = "".join(c for c in name if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", name.lower())


def city_key(city) -> tuple[str, str]:
    return norm(city.name_en), city.country_code


@dataclass
class Document:
    name: str
    candidates: list[list[float]]
    labels: list[int]
    gold_count: int  # partners the gold lists, or 1 when the gold names a host


def _labelled(pairs: list[tuple[Path, Path]]):
    """(document name, gold's first event, extraction result, host candidates) of every relevant labelled article."""
    for corpus, gold_dir in pairs:
        for gold_path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            article = corpus / f"{gold_path.stem}.txt"
            if not gold.get("events") or not article.exists():
                continue
            parsed = parse_document(article.read_bytes(), content_type="text/plain")
            with rules_only(), host_model.collecting_host_candidates() as hosts, \
                    date_model.RANKER.collecting() as dates, count_model.RANKER.collecting() as counts:
                result = extract_document(gold_path.stem, parsed.text, parsed.language, title=parsed.title,
                                          published_date=parsed.published_date)
            yield f"{corpus.name}/{gold_path.stem}", gold["events"][0], result, (hosts, dates, counts)


def partner_documents(pairs) -> list[Document]:
    gazetteer = get_gazetteer()
    documents = []
    for name, event, result, _ in _labelled(pairs):
        partners = {(norm(c["name_en"]), c["country"]) for c in event.get("partner_cities", [])}
        features, labels = [], []
        for row in result.rows:
            if row["kind"] != "city" or "partner_features" not in (row["attributes"] or ""):
                continue
            values = json.loads(row["attributes"])["partner_features"]
            features.append([values[f] for f in partner_model.FEATURES])
            labels.append(int(city_key(gazetteer.city(row["city_id"])) in partners))
        documents.append(Document(name, features, labels, len(partners)))
    return documents


def host_documents(pairs) -> list[Document]:
    documents = []
    for name, event, _, (hosts, _, _) in _labelled(pairs):
        if not hosts:  # an online event or no city named: the model has nothing to rank
            continue
        wanted = [event.get("host_city")] + list(event.get("host_city_alternatives") or [])
        keys = {(norm(c["name_en"]), c["country"]) for c in wanted if c}
        features = [[values[f] for f in host_model.FEATURES] for _, values in hosts]
        labels = [int(city_key(city) in keys) for city, _ in hosts]
        documents.append(Document(name, features, labels, int(bool(keys))))
    return documents


def _month_day(event: dict, which: str) -> tuple[int, int] | None:
    value = event.get(f"{which}_month_day") or (event.get(f"{which}_date") or "")[5:]
    return (int(value[:2]), int(value[3:5])) if len(value) == 5 else None


def _same_day(day, wanted: set[tuple[int, int]]) -> bool:
    """A day the text writes without its month ("14日") is right when the gold's day is that day."""
    if day.day is None:
        return False
    return any(day.day == d and day.month in (None, m) for m, d in wanted)


def date_documents(pairs) -> list[Document]:
    """Every usable date mention of a document; a mention is right when its day is the gold's first or last."""
    documents = []
    for name, event, _, (_, dates, _) in _labelled(pairs):
        if not dates:
            continue
        wanted = {_month_day(event, "start"), _month_day(event, "end")} - {None}
        features = [[values[f] for f in date_model.FEATURES] for _, values in dates]
        labels = [int(_same_day(m.first, wanted) or (m.last is not None and _same_day(m.last, wanted)))
                  for m, _ in dates]
        documents.append(Document(name, features, labels, int(bool(wanted))))
    return documents


def count_documents(pairs) -> list[Document]:
    """Every count of a document; a count is right when its value is the gold's number of agreements."""
    documents = []
    for name, event, _, (_, _, counts) in _labelled(pairs):
        if not counts:
            continue
        wanted = event.get("agreements_count")
        features = [[values[f] for f in count_model.FEATURES] for _, values in counts]
        labels = [int(wanted is not None and count.value == wanted) for count, _ in counts]
        documents.append(Document(name, features, labels, int(wanted is not None)))
    return documents


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, rate: float = 0.1) -> tuple[np.ndarray, float]:
    weights, bias = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ weights + bias)))
        gradient = x.T @ (p - y) / len(y) + l2 * weights / len(y)
        weights -= rate * gradient
        bias -= rate * float(np.mean(p - y))
    return weights, bias


def partner_f1(documents: list[Document], probabilities: list[np.ndarray], threshold: float) -> float:
    """Document-level partner F1 as the scorer counts it: gold partners no candidate reaches are misses too."""
    tp = fp = fn = 0
    for document, p in zip(documents, probabilities):
        chosen = p >= threshold
        labels = np.array(document.labels, dtype=bool)
        found = int(np.sum(chosen & labels))
        tp += found
        fp += int(np.sum(chosen & ~labels))
        fn += document.gold_count - found
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def host_accuracy(documents: list[Document], probabilities: list[np.ndarray], threshold: float) -> float:
    """The share of documents whose best candidate above the threshold is the gold host (or none for none)."""
    right = 0
    for document, p in zip(documents, probabilities):
        best = int(np.argmax(p)) if len(p) else -1
        if best >= 0 and p[best] >= threshold:
            right += document.labels[best]
        else:
            right += document.gold_count == 0
    return right / len(documents)


def agreement_accuracy(documents: list[Document], probabilities: list[np.ndarray], threshold: float) -> float:
    """The scorer's agreements accuracy: right counts among the documents where the gold or the choice has one (a
    report that states none and is given none is not counted)."""
    right = counted = 0
    for document, p in zip(documents, probabilities):
        best = int(np.argmax(p)) if len(p) else -1
        chosen = best >= 0 and p[best] >= threshold
        if chosen or document.gold_count:
            counted += 1
            right += chosen and document.labels[best]
    return right / counted if counted else 0.0


def rule_probabilities(documents: list[Document], rule_feature: int) -> list[np.ndarray]:
    return [np.array([row[rule_feature] for row in d.candidates], dtype=float) for d in documents]


_CV_REPEATS = 10


def train(documents: list[Document], features: tuple[str, ...], metric: Callable, rule: str, out: Path,
          trained_on: list[str]) -> str:
    x = np.array([row for d in documents for row in d.candidates], dtype=float)
    y = np.array([label for d in documents for label in d.labels], dtype=float)
    means, scales = x.mean(axis=0), x.std(axis=0)
    scales[scales == 0] = 1.0

    def standardise(rows) -> np.ndarray:
        return (np.array(rows, dtype=float).reshape(-1, len(features)) - means) / scales

    thresholds = np.arange(0.1, 0.81, 0.05)
    # one five-fold split moves the best threshold by chance (a few documents decide it); the mean over several
    # splits does not
    scores = np.zeros(len(thresholds))
    for repeat in range(_CV_REPEATS):
        rng = np.random.default_rng(repeat)
        fold_of = {str(name): i % 5 for i, name in enumerate(rng.permutation([d.name for d in documents]))}
        held_out: list[np.ndarray] = [np.zeros(0)] * len(documents)
        for fold in range(5):
            train_rows = [row for d in documents if fold_of[d.name] != fold for row in d.candidates]
            train_labels = [label for d in documents if fold_of[d.name] != fold for label in d.labels]
            weights, bias = fit(standardise(train_rows), np.array(train_labels, dtype=float))
            for i, d in enumerate(documents):
                if fold_of[d.name] == fold:
                    held_out[i] = 1 / (1 + np.exp(-(standardise(d.candidates) @ weights + bias)))
        scores += [metric(documents, held_out, t) for t in thresholds]
    scores /= _CV_REPEATS
    best = int(np.argmax(scores))
    rules = metric(documents, rule_probabilities(documents, features.index(rule)), 0.5)
    weights, bias = fit(standardise(x), y)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "features": list(features), "weights": [round(float(w), 6) for w in weights], "bias": round(bias, 6),
        "threshold": round(float(thresholds[best]), 2), "means": [round(float(m), 6) for m in means],
        "scales": [round(float(s), 6) for s in scales], "trained_on": trained_on, "documents": len(documents),
        "candidates": len(y), "positives": int(y.sum()), "cross_validated": round(scores[best], 3),
        "rules": round(rules, 3),
    }, indent=1) + "\n", encoding="utf-8")
    lines = [f"{len(documents)} documents, {len(y)} candidates, {int(y.sum())} positives; {metric.__name__}: "
             f"rules {rules:.3f}, model (5-fold) {scores[best]:.3f} at threshold {thresholds[best]:.2f}, the mean of "
             f"{_CV_REPEATS} random splits"]
    lines += [f"  {name:22s} {weight:+.2f}" for name, weight in sorted(zip(features, weights), key=lambda t: -abs(t[1]))]
    return "\n".join(lines)


TASKS = {
    "partners": (partner_documents, partner_model.FEATURES, partner_f1, "rule_partner", partner_model.MODEL_PATH),
    "hosts": (host_documents, host_model.FEATURES, host_accuracy, "rule_host", host_model.MODEL_PATH),
    "dates": (date_documents, date_model.FEATURES, host_accuracy, "rule_date", date_model.MODEL_PATH),
    "counts": (count_documents, count_model.FEATURES, agreement_accuracy, "rule_count", count_model.MODEL_PATH),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("pairs", nargs="+", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if len(args.pairs) % 2:
        raise SystemExit("give CORPUS_DIR GOLD_DIR pairs")
    pairs = list(zip(args.pairs[0::2], args.pairs[1::2]))
    if any("check" in path.parts for pair in pairs for path in pair):
        raise SystemExit("the check half is for scoring only")
    collect, features, metric, rule, default_out = TASKS[args.task]
    print(train(collect(pairs), features, metric, rule, args.out or default_out, [str(c) for c, _ in pairs]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Split the labelled corpus once, at random, into a tuning half and a check half.

Articles that report the same real event (one ``event_key``) go to the same half, so that both halves can
show whether reports of one event are linked; the halves are balanced per language. The split is made once
(``--seed`` recorded in ``split.json``) and never redrawn: we study and fix on the tuning half and only
score the check half.

usage: python -m orchestration.evaluation.split INCOMING_DIR OUT_DIR [--seed N] [--batch NAME]
INCOMING_DIR holds articles/<doc_id>.txt and gold/<doc_id>.json; OUT_DIR receives tune/, check/,
gold/tune/, gold/check/ and split.json.

A later batch (``--batch NAME``) is added without redrawing the split: an article already in the corpus (same
source URL) is left out, a report of an event already in a half joins that half, and the batch's other groups
are split at random with the batch's own seed; split.json records the batch.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
from collections import defaultdict
from pathlib import Path

HALVES = ("tune", "check")


def group_documents(golds: dict[str, dict]) -> dict[str, list[str]]:
    """Documents joined by a shared event key, transitively (a document's first event decides its group)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for doc_id, gold in sorted(golds.items()):
        key = gold["events"][0]["event_key"] if gold.get("events") else f"negative:{doc_id}"
        groups[key].append(doc_id)
    return dict(groups)


def split(golds: dict[str, dict], seed: int) -> dict[str, str]:
    """doc_id -> half. Groups are shuffled, then each goes to the half with fewer documents of its language."""
    rng = random.Random(seed)
    groups = list(group_documents(golds).values())
    rng.shuffle(groups)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    assignment: dict[str, str] = {}
    for members in groups:
        languages = [golds[d]["language"] for d in members]
        load = {half: sum(counts[(half, lang)] for lang in languages) for half in HALVES}
        half = min(HALVES, key=lambda h: (load[h], rng.random()))
        for doc_id, lang in zip(members, languages):
            assignment[doc_id] = half
            counts[(half, lang)] += 1
    return assignment


def add_batch(golds: dict[str, dict], existing: dict[str, dict], seed: int) -> tuple[dict[str, str], list[str]]:
    """doc_id -> half for a new batch, given the corpus's gold files by half (``existing``: doc_id -> gold with
    a ``half`` key), and the doc_ids left out as already present."""
    known_urls = {g.get("source_url") for g in existing.values()}
    key_half = {e["event_key"]: g["half"] for g in existing.values() for e in g.get("events", [])}
    duplicates = sorted(d for d, g in golds.items() if g.get("source_url") in known_urls)
    fresh = {d: g for d, g in golds.items() if d not in duplicates}
    assignment: dict[str, str] = {}
    for doc_id, gold in fresh.items():
        # a report of any event already in a half joins it (a second event of the report counts too)
        halves = [key_half[e["event_key"]] for e in gold.get("events", []) if e["event_key"] in key_half]
        if halves:
            assignment[doc_id] = halves[0]
    assignment.update(split({d: g for d, g in fresh.items() if d not in assignment}, seed))
    return assignment, duplicates


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("incoming", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--batch", help="add a later batch to an existing split under this name")
    args = parser.parse_args(argv)
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((args.incoming / "gold").glob("*.json"))}
    missing = [d for d in golds if not (args.incoming / "articles" / f"{d}.txt").exists()]
    if missing:
        raise SystemExit(f"gold without an article: {missing}")
    previous = json.loads((args.out / "split.json").read_text(encoding="utf-8")) if args.batch else None
    duplicates: list[str] = []
    if previous is not None:
        existing = {}
        for half in HALVES:
            for path in sorted((args.out / "gold" / half).glob("*.json")):
                existing[path.stem] = {**json.loads(path.read_text(encoding="utf-8")), "half": half}
        assignment, duplicates = add_batch(golds, existing, args.seed)
    else:
        assignment = split(golds, args.seed)
    for half in HALVES:
        (args.out / half).mkdir(parents=True, exist_ok=True)
        (args.out / "gold" / half).mkdir(parents=True, exist_ok=True)
    for doc_id, half in sorted(assignment.items()):
        shutil.copy2(args.incoming / "articles" / f"{doc_id}.txt", args.out / half / f"{doc_id}.txt")
        shutil.copy2(args.incoming / "gold" / f"{doc_id}.json", args.out / "gold" / half / f"{doc_id}.json")
    if previous is None:
        record = {"seed": args.seed, "halves": {h: sorted(d for d, x in assignment.items() if x == h) for h in HALVES}}
    else:
        record = previous
        for half in HALVES:
            record["halves"][half] = sorted(set(record["halves"][half]) | {d for d, x in assignment.items() if x == half})
        record.setdefault("batches", []).append({"name": args.batch, "seed": args.seed, "documents": sorted(assignment),
                                                 "left_out_as_already_present": duplicates})
    (args.out / "split.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    for half in HALVES:
        print(half, sum(1 for x in assignment.values() if x == half), "added,", len(record["halves"][half]), "in all")
    if duplicates:
        print("left out, already present:", " ".join(duplicates))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

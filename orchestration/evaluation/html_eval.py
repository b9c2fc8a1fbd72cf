"""Main text of HTML pages, scored the way trafilatura scores itself (its ``tests/eval_common.py``).

An evaluation set is a folder with ``evaldata.json``: ``{url: {"file": ..., "with": [...], "without": [...]}}``,
snippets that must and must not appear in the article text, and the pages under ``pages/``, ``cache/`` or
``eval/`` beside it. Two sets are scored by ``make eval``:

- ours, ``sources/corpus/html/`` (ru/ja/zh news pages; its README says how it was made);
- trafilatura's 990 pages: ``python -m orchestration.evaluation.html_eval --set PATH/tests`` where PATH is a
  checkout of adbar/trafilatura (not vendored: 135 MB).

A snippet counts when its whitespace-normalised form is a substring of the whitespace-normalised text: a must
snippet found is a true positive, a must-not snippet found a false positive. A page whose parse fails or
yields no text scores as empty (every must snippet missed), as a crash does in trafilatura's evaluation.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orchestration.settings import PROJECT_ROOT

OUR_SET = PROJECT_ROOT / "sources" / "corpus" / "html"
_PAGE_FOLDERS = ("pages", "cache", "eval")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    pages: int = 0
    empty: int = 0
    seconds: float = 0.0
    empty_pages: list[str] = field(default_factory=list)

    def add(self, item: dict[str, Any], text: str | None) -> None:
        self.pages += 1
        normalised = norm(text) if text else ""
        if not normalised:
            self.empty += 1
        found = sum(1 for snippet in item["with"] if norm(snippet) in normalised)
        leaked = sum(1 for snippet in item["without"] if norm(snippet) in normalised)
        self.tp += found
        self.fn += len(item["with"]) - found
        self.fp += leaked
        self.tn += len(item["without"]) - leaked

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages if self.pages else 0.0


def load_set(folder: Path) -> dict[str, dict[str, Any]]:
    """The annotations, each with ``path``: the page file found under the set's folder."""
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    for url, item in data.items():
        candidates = [folder / sub / item["file"] for sub in _PAGE_FOLDERS] + [folder / item["file"]]
        path = next((p for p in candidates if p.is_file()), None)
        if path is None:
            raise FileNotFoundError(f"{url}: page {item['file']} not found under {folder}")
        item["path"] = path
    return data


def accords_text(raw: bytes) -> str | None:
    from orchestration.parse.document import ParseError, parse_document

    try:
        return parse_document(raw, content_type="text/html").text
    except ParseError:
        return None


def trafilatura_text(raw: bytes) -> str | None:
    from trafilatura import extract

    # the settings of trafilatura's own evaluation (eval_common.EXTRACT_OPTS)
    return extract(raw, include_comments=False, include_tables=True, include_formatting=False)


SYSTEMS: dict[str, Callable[[bytes], str | None]] = {"accords": accords_text, "trafilatura": trafilatura_text}


def score_set(data: dict[str, dict[str, Any]], system: Callable[[bytes], str | None],
              group: Callable[[dict[str, Any]], str] | None = None) -> dict[str, Score]:
    """Scores over all pages (key ``all``) and, given ``group``, per group (e.g. per language)."""
    scores: dict[str, Score] = {"all": Score()}
    if data:  # warm: word lists and grammars load on the first call, which would otherwise count as a page
        with contextlib.suppress(Exception):  # a page that crashes is scored below
            system(data[min(data)]["path"].read_bytes())
    for url in sorted(data):
        item = data[url]
        raw = item["path"].read_bytes()
        started = time.process_time()  # CPU time: other work on a shared machine does not count
        try:
            text = system(raw)
        except Exception:  # noqa: BLE001 -- a crash is an empty page, as in trafilatura's evaluation
            text = None
        elapsed = time.process_time() - started
        keys = ["all"] + ([group(item)] if group else [])
        for key in keys:
            score = scores.setdefault(key, Score())
            score.add(item, text)
            score.seconds += elapsed
            if not (text and text.strip()):
                score.empty_pages.append(url)
    return scores


def format_table(rows: list[tuple[str, Score]]) -> str:
    lines = [f"{'system':<26}{'pages':>6}{'precision':>11}{'recall':>8}{'F1':>8}{'empty':>7}{'ms/page':>9}"]
    for name, s in rows:
        lines.append(f"{name:<26}{s.pages:>6}{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.empty:>7}{s.ms_per_page:>9.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", type=Path, default=OUR_SET,
                        help="folder with evaldata.json (default: ours; trafilatura's: CHECKOUT/tests)")
    parser.add_argument("--systems", default="accords,trafilatura", help="comma-separated: " + ", ".join(SYSTEMS))
    parser.add_argument("--show-empty", action="store_true", help="list the pages that came back without text")
    args = parser.parse_args(argv)
    data = load_set(args.set)
    by_language = all("language" in item for item in data.values())
    rows: list[tuple[str, Score]] = []
    for name in args.systems.split(","):
        scores = score_set(data, SYSTEMS[name], (lambda item: item["language"]) if by_language else None)
        rows.append((name, scores["all"]))
        rows += [(f"  {name} [{key}]", score) for key, score in sorted(scores.items()) if key != "all"]
        if args.show_empty:
            for url in scores["all"].empty_pages:
                print(f"{name}: empty: {url}", file=sys.stderr)
    print(f"{args.set}: {len(data)} pages")
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

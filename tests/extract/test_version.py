"""The extractor's version follows its code and lexicons, so any change re-extracts kept documents."""
from __future__ import annotations

import shutil

from orchestration.extract.pipeline import EXTRACTOR_VERSION
from orchestration.extract.version import _PACKAGE, extractor_version


def test_version_is_a_hash_of_the_current_files():
    assert EXTRACTOR_VERSION == extractor_version()
    assert EXTRACTOR_VERSION.startswith("extract-") and len(EXTRACTOR_VERSION) == len("extract-") + 12


def _copy_package(tmp_path):
    copy = tmp_path / "orchestration"
    for folder in ("extract", "reference"):
        shutil.copytree(_PACKAGE / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_lexicon_edit_changes_the_version(tmp_path):
    copy = _copy_package(tmp_path)
    before = extractor_version(copy)
    assert before == EXTRACTOR_VERSION
    lexicon = copy / "extract" / "lexicons" / "en" / "events.yml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert extractor_version(copy) != before


def test_a_code_edit_changes_the_version_and_caches_do_not(tmp_path):
    copy = _copy_package(tmp_path)
    before = extractor_version(copy)
    (copy / "extract" / "__pycache__").mkdir(exist_ok=True)
    (copy / "extract" / "__pycache__" / "x.py").write_text("stale = 1\n")
    assert extractor_version(copy) == before
    gazetteer = copy / "reference" / "gazetteer.py"
    gazetteer.write_text(gazetteer.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert extractor_version(copy) != before

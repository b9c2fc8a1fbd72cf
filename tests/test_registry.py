from __future__ import annotations

import pytest

from orchestration.registry import RegistryError, load_registry


def _write(tmp_path, text):
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_files_paths_resolve_against_the_registry_folder(tmp_path):
    sources = load_registry(_write(tmp_path, "sources:\n  - name: local\n    kind: files\n    path: corpus\n"))
    assert sources[0].path == (tmp_path / "corpus").resolve()
    assert sources[0].language == "auto" and sources[0].allow_private_network is False


def test_feed_options_are_read(tmp_path):
    text = ("sources:\n  - name: feed\n    kind: rss\n    url: http://127.0.0.1:8000/feed.xml\n    include: ['/news/']\n"
            "    max_documents: 10\n    allow_private_network: true\n    language: zh\n")
    source = load_registry(_write(tmp_path, text))[0]
    assert (source.kind, source.include, source.max_documents, source.allow_private_network, source.language) == \
        ("rss", ("/news/",), 10, True, "zh")


@pytest.mark.parametrize("text, message", [
    ("sources:\n  - name: Bad Name\n    kind: files\n    path: x\n", "must match"),
    ("sources:\n  - name: a\n    kind: ftp\n    path: x\n", "kind"),
    ("sources:\n  - name: a\n    kind: files\n", "needs a 'path'"),
    ("sources:\n  - name: a\n    kind: rss\n", "needs a 'url'"),
    ("sources:\n  - name: a\n    kind: files\n    path: x\n  - name: a\n    kind: files\n    path: y\n", "unique"),
    ("sources:\n  - name: a\n    kind: urls\n    urls: []\n", "non-empty"),
    ("sources:\n  - name: a\n    kind: files\n    path: x\n    language: de\n", "language"),
    ("nothing: here\n", "sources"),
])
def test_bad_registries_say_what_is_wrong(tmp_path, text, message):
    with pytest.raises(RegistryError, match=message):
        load_registry(_write(tmp_path, text))


def test_missing_registry_names_the_variable(tmp_path):
    with pytest.raises(RegistryError, match="ACCORDS_SOURCES"):
        load_registry(tmp_path / "absent.yml")

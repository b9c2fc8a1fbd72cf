from __future__ import annotations

import re

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


FEED = "sources:\n  - name: feed\n    kind: rss\n    url: https://news.example/feed.xml\n"


@pytest.mark.parametrize("extra, message", [
    ("    include: '/news/'\n", "source 'feed': key 'include': must be a valid list, got string '/news/'"),
    ("    include: 5\n", "source 'feed': key 'include': must be a valid list, got integer 5"),
    ("    include: [5]\n", "source 'feed': key 'include' item 0: must be a valid string, got integer 5"),
    ("    include: ['(']\n", "source 'feed': key 'include': bad URL pattern '('"),
    ("    inclde: ['/news/']\n", "source 'feed': unknown key 'inclde'; did you mean 'include'?"),
    ("    max_documents: true\n", "source 'feed': key 'max_documents': must be a valid integer, got boolean True"),
    ("    max_documents: 0\n", "source 'feed': key 'max_documents': must be greater than 0, got integer 0"),
    ("    allow_private_network: 'false'\n",
     "source 'feed': key 'allow_private_network': must be a valid boolean (true or false, not quoted), got string 'false'"),
    ("    allow_private_network: 1\n", "source 'feed': key 'allow_private_network': must be a valid boolean"),
    ("    language: no\n", "source 'feed': key 'language': must be 'ru', 'ja', 'zh', 'en' or 'auto', got boolean False"),
    ("    path: corpus\n", "source 'feed': key 'path' does not apply to kind rss"),
    ("    max_sitemaps: '5'\n", "source 'feed': key 'max_sitemaps': must be a valid integer, got string '5'"),
])
def test_each_registry_error_names_the_source_and_the_key(tmp_path, extra, message):
    with pytest.raises(RegistryError) as error:
        load_registry(_write(tmp_path, FEED + extra))
    assert message in str(error.value)


@pytest.mark.parametrize("text, message", [
    ("- name: a\n  kind: files\n  path: x\n", "expected a mapping with a top-level 'sources:' list, got a list"),
    ("sources: 3\n", "expected a top-level 'sources:' list, got integer 3"),
    ("sources:\n  - just-a-string\n", "sources[0]: expected a mapping of keys, got string 'just-a-string'"),
    ("sources: []\nsourcse: []\n", "unknown top-level key 'sourcse'"),
    ("sources:\n  - name: 5\n    kind: files\n    path: x\n", "sources[0]: key 'name': must be a valid string"),
    ("sources:\n  - name: a\n    kind: rss\n    url: ftp://news.example/f\n", "key 'url': 'ftp://news.example/f' is not an http(s) URL"),
    ("sources:\n  - name: a\n    kind: files\n    path: x\n    include: ['/a/']\n", "key 'include' does not apply to kind files"),
    ("sources:\n  - name: a\n    kind: urls\n    urls: 'https://news.example/a'\n", "key 'urls': must be a valid list"),
])
def test_malformed_registries_are_refused_with_a_message(tmp_path, text, message):
    with pytest.raises(RegistryError, match=re.escape(message)):
        load_registry(_write(tmp_path, text))


def test_discovery_options_are_typed_and_kept(tmp_path):
    source = load_registry(_write(tmp_path, FEED + "    max_sitemaps: 5\n    cursor_max_seen: 100\n"))[0]
    assert source.options == {"max_sitemaps": 5, "cursor_max_seen": 100}

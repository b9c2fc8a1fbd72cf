"""The one way a lexicon's word list becomes a regular expression.

Lexicon lists come in two sorts, and each sort has one compiler here:

- **words** written as they appear in text ("signed", "签署", "форум"): :func:`alt` escapes them into a tree of
  shared beginnings that finds the longest listed word, and lets a space in a phrase match any run of white
  space. :func:`words_pattern` wraps that alternation in the boundaries a language needs: whole words or word
  stems in Russian and English, any run in Japanese and Chinese, whose words are not separated by spaces.
  :func:`literal_alternation` is the number grammar's variant, with a word's end after each form that ends in a
  letter ("млн" not in "млнд", "bn." free to end anywhere);
- **patterns**, lists whose entries are regular expressions themselves ("(?:пред|прош)\\w+ год"):
  :func:`patterns_any` joins them, each in its own group.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Literal

__all__ = ["alt", "literal_alternation", "words_pattern", "patterns_any"]

_SPACED_LANGS = ("ru", "en")
_LETTER = re.compile(r"[^\W\d_]")


def _token(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _trie_alternation(words: Iterable[str], end_of: Callable[[str], str] = lambda word: "") -> str:
    """The alternation of ``words`` that prefers the longest, as a longest-first list of them does, written as a
    tree of shared beginnings: the regex engine tries each branch of an alternation in turn at every position of
    the text, so a list of hundreds of words costs a test per word, a tree about a test per letter. ``end_of(word)``
    is a pattern that must follow that word (a word's edge)."""
    tree: dict = {}
    for word in set(words):
        if word:
            node = tree
            for char in word:
                node = node.setdefault(char, {})
            node[None] = word

    def flat(node: dict, depth: int) -> list[str]:
        return ["".join(map(_token, word[depth:])) + end_of(word)
                for word in sorted(_words_under(node), key=len, reverse=True)]

    def render(node: dict, depth: int) -> str:
        groups: dict[str, list[str]] = {}
        for char in node:
            if char is not None:
                groups.setdefault(char.casefold(), []).append(char)
        parts = []
        for chars in groups.values():
            if len(chars) == 1:
                parts.append(_token(chars[0]) + render(node[chars[0]], depth + 1))
            else:
                # branches alike but for case ("Forum", "forums"): a flag may let both match, and only a flat
                # longest-first list of their words keeps the longer one first then
                parts += flat({char: node[char] for char in chars}, depth)
        ending = node.get(None)
        if ending is None:
            return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if not parts:
            return end_of(ending)
        inner = "|".join(parts)
        # the longer words first, this one when they fail
        return f"(?:{inner}|{end_of(ending)})" if end_of(ending) else f"(?:{inner})?"

    return render(tree, 0) if tree else ""


def _words_under(node: dict) -> list[str]:
    found = [node[None]] if None in node else []
    for char, child in node.items():
        if char is not None:
            found += _words_under(child)
    return found


def alt(words: Iterable[str]) -> str:
    """Regex alternation of literal words, the longest first; spaces in phrases match any run of white space."""
    return _trie_alternation(words)


def literal_alternation(forms: list[str], whole_word: bool = True) -> str:
    """A regex alternation of literal forms, the longest first, each a whole word unless it ends in a dot."""
    edge = (lambda form: r"(?![^\W\d_])" if _LETTER.match(form[-1]) else "") if whole_word else (lambda form: "")
    return _trie_alternation(forms, edge) or r"(?!x)x"


def words_pattern(lang: str | None, words: Iterable[str] | None, *,
                  match: Literal["anywhere", "whole", "stem"] = "anywhere",
                  flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """Any of ``words`` as written; None for an empty list.

    ``whole``: in Russian and English a word must not continue on either side ("ends" is not in "friendship");
    ``stem``: it starts a word and may take any ending ("форум" finds "форума"). Japanese and Chinese words match
    anywhere whatever is asked, and so does every language with ``anywhere``.
    """
    alternation = alt(words or ())
    if not alternation:
        return None
    if lang in _SPACED_LANGS and match == "whole":
        return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", flags)
    if lang in _SPACED_LANGS and match == "stem":
        return re.compile(rf"\b(?:{alternation})\w*", flags)
    return re.compile(f"(?:{alternation})", flags)


def patterns_any(patterns: Iterable[str] | None, template: str = "{}",
                 flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    """Any of a list of regular expressions, each put in ``template`` as a group; None for an empty list."""
    parts = [template.format(f"(?:{p})") for p in patterns or () if p]
    return re.compile("(?:" + "|".join(parts) + ")", flags) if parts else None

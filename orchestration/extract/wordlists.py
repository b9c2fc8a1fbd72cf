"""The one way a lexicon's word list becomes a regular expression.

Lexicon lists come in two sorts, and each sort has one compiler here:

- **words** written as they appear in text ("signed", "签署", "форум"): :func:`alt` escapes them, longest first,
  and lets a space in a phrase match any run of white space. :func:`words_pattern` wraps that alternation in the
  boundaries a language needs: whole words or word stems in Russian and English, any run in Japanese and Chinese,
  whose words are not separated by spaces. :func:`literal_alternation` is the number grammar's variant, with a
  word's end after each form that ends in a letter ("млн" not in "млнд", "bn." free to end anywhere);
- **patterns**, lists whose entries are regular expressions themselves ("(?:пред|прош)\\w+ год"):
  :func:`patterns_any` joins them, each in its own group.
"""
from __future__ import annotations

import re
from typing import Iterable, Literal

__all__ = ["alt", "literal_alternation", "words_pattern", "patterns_any"]

_SPACED_LANGS = ("ru", "en")
_LETTER = re.compile(r"[^\W\d_]")


def alt(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first; spaces in phrases match any run of white space."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def literal_alternation(forms: list[str], whole_word: bool = True) -> str:
    """A regex alternation of literal forms, longest first, each a whole word unless it ends in a dot."""
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        piece = re.escape(form).replace(r"\ ", r"\s+")
        if whole_word and _LETTER.match(form[-1]):
            piece += r"(?![^\W\d_])"
        parts.append(piece)
    return "|".join(parts) if parts else r"(?!x)x"


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

"""Text primitives shared by the extractors: sentences with character offsets."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from functools import lru_cache

# A sentence ends at CJK full stops anywhere, and at . ! ? when followed by space and a capital, a quote
# or a digit. Abbreviations common in news (г., гг., млн., долл., Mr., U.S.) are not sentence ends.
_CJK_END = re.compile(r"[。！？!?](?:[」』”\"）)]*)")
_LATIN_END = re.compile(r"(?<=[.!?…])[\"»”')]*\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9])")
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:г|гг|им|ул|пр|т|тыс|млн|млрд|долл|руб|проц|кв|м|ст|д|см|др|н|э|Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Mar|Apr|Jun|Jul"
    r"|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|vs|approx)\.|\b[A-ZА-ЯЁ]\.|\bU\.S\.)$"
)

# longer sentences are cut at a clause break (a comma, a semicolon, a space) before this length
MAX_SENTENCE_CHARS = 1000
_CLAUSE_BREAK = re.compile(r"[,;:，、；：]\s*")
_SPACE = re.compile(r"\s+")
_LONGEST_ABBREVIATION = 16  # characters _NO_BREAK_AFTER reads before a stop, \b included


def quoted(pairs: tuple[tuple[str, str], ...], shortest: int, longest: int, stops: str = "") -> str:
    """A pattern of text between one of the pairs of marks (the closing side may list several: „…“ or „…”), of
    ``shortest`` to ``longest`` characters holding neither mark of its pair nor any of ``stops``."""
    return "|".join(f"{re.escape(opening)}[^{re.escape(opening + closing + stops)}]{{{shortest},{longest}}}"
                    f"[{re.escape(closing)}]" for opening, closing in pairs)


# the quotation marks of Russian and English text, and those of Chinese and Japanese
LATIN_QUOTES = (("«", "»"), ("“", "”"), ("„", "“”"))
CJK_QUOTES = (("「", "」"), ("『", "』"), ("“", "”"))
# a short quoted name holds its own full stop: «ИННОПРОМ. Урал», “Made in Russia. Expo” (quoted speech is longer)
_SHORT_QUOTE = re.compile(quoted(LATIN_QUOTES, 1, 60, "\n"))
# a short aside in round brackets, full-width or not (a longer one is a quoted passage of its own)
BRACKETED_ASIDE = re.compile(quoted((("(", ")"), ("（", "）")), 1, 80, "\n"))


def opens_a_line(text: str, position: int) -> bool:
    """Nothing but white space stands between the start of its line and ``position`` (a dateline's place)."""
    return not text[text.rfind("\n", 0, position) + 1:position].strip()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a main text, each with its offsets; a line break always ends a sentence."""
    return list(_sentences(text))


@lru_cache(maxsize=8)
def _sentences(text: str) -> tuple[Sentence, ...]:
    # every finder splits the same document again: split it once
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        _split_line(line, line_start, sentences)
        line_start += len(line) + 1
    return tuple(sentences)


def _split_line(line: str, offset: int, out: list[Sentence]) -> None:
    cuts: list[int] = []
    # an aside in brackets ends no sentence: "成都市(人口1,404万人。2010年国勢調査)の…で開催"
    asides = [m.span() for m in BRACKETED_ASIDE.finditer(line)] if "(" in line or "（" in line else []
    for match in _CJK_END.finditer(line):
        if match.group(0)[0] in "。！？" and not any(start < match.start() and match.end() < end
                                                     for start, end in asides):
            cuts.append(match.end())
    quoted = [m.span() for m in _SHORT_QUOTE.finditer(line)] if "." in line else []
    quoted += asides
    for match in _LATIN_END.finditer(line):
        if any(start < match.start() and match.end() < end for start, end in quoted):
            continue
        end = match.start()
        while end and line[end - 1] in "\"»”')":
            end -= 1
        # the abbreviations are short: look at the few characters before the stop, not at the whole line before it
        if not _NO_BREAK_AFTER.search(line, max(0, end - _LONGEST_ABBREVIATION), end):
            cuts.append(match.start())
    start = 0
    for cut in sorted(set(cuts)) + [len(line)]:
        _emit(line, start, cut, offset, out)
        start = cut
    return None


def _cut(text: str) -> int:
    """Where to cut a text longer than MAX_SENTENCE_CHARS: after the last clause break, else the last space, in
    the second half of the allowed length; else at the length itself."""
    for breaks in (_CLAUSE_BREAK, _SPACE):
        last = None
        for last in breaks.finditer(text, MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS):
            pass
        if last is not None:
            return last.end()
    return MAX_SENTENCE_CHARS


def _emit(line: str, start: int, end: int, offset: int, out: list[Sentence]) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = offset + start + lead
    while len(stripped) > MAX_SENTENCE_CHARS:
        # a run-on "sentence" (a list, a page without stops) is cut, so that the cue searches over a sentence and
        # each row's copy of it stay bounded: the cost of a document grows with its length, not its square
        cut_at = _cut(stripped)
        piece = stripped[:cut_at].rstrip()
        out.append(Sentence(s, s + len(piece), piece))
        rest = stripped[cut_at:]
        s += cut_at + len(rest) - len(rest.lstrip())
        stripped = rest.strip()
    if stripped:
        out.append(Sentence(s, s + len(stripped), stripped))


class Spans:
    """Spans added one at a time, asked whether any overlaps a range. Looked up by bisection on their starts, so
    that the thousands of dates or markers of a long document cost n log n, not n²."""

    def __init__(self, spans=()):
        self._spans: list[tuple[int, int]] = []
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Some span (s, e) has s < end and start < e."""
        low = bisect_left(self._spans, (start - self._longest, -1))
        high = bisect_left(self._spans, (end, -1))
        return any(start < e for _, e in self._spans[low:high])


_STARTS: dict[int, tuple[list, int, list[int]]] = {}


def starts_of(items: list) -> list[int]:
    """The ``start`` of each item of a list in text order, computed once per list: callers bisect it for each of
    the items instead of scanning the list again."""
    cached = _STARTS.get(id(items))
    if cached is None or cached[0] is not items or cached[1] != len(items):
        if len(_STARTS) > 16:
            _STARTS.clear()
        cached = (items, len(items), [item.start for item in items])
        _STARTS[id(items)] = cached
    return cached[2]


def sentence_at(sentences, position: int) -> Sentence | None:
    """The sentence (of a list in text order) that holds the position, found by bisection."""
    i = bisect_right(starts_of(sentences), position) - 1
    return sentences[i] if i >= 0 and position < sentences[i].end else None


# Greek and Latin letters that look like Cyrillic ones: some pages mix them into Russian words ("пοдписанο" with a
# Greek omicron) to defeat copying, and a word so spelt matches no lexicon entry
_CYRILLIC_LOOKALIKES = str.maketrans({
    "ο": "о", "α": "а", "ε": "е", "κ": "к", "ρ": "р", "τ": "т", "υ": "у", "χ": "х",
    "Ο": "О", "Α": "А", "Ε": "Е", "Κ": "К", "Ρ": "Р", "Τ": "Т", "Χ": "Х", "Μ": "М", "Η": "Н", "Β": "В",
    "o": "о", "a": "а", "e": "е", "p": "р", "c": "с", "x": "х", "y": "у", "k": "к",
    "O": "О", "A": "А", "E": "Е", "P": "Р", "C": "С", "X": "Х", "K": "К", "M": "М", "H": "Н", "B": "В", "T": "Т",
})
_ALL_CYRILLIC = re.compile(r"[а-яё]+", re.IGNORECASE)
# a word with a Cyrillic letter and a letter of another script: the only words worth folding (found by the regex
# engine, so the many plain words of a long text cost no Python call)
_MIXED_WORD = re.compile(r"(?<![^\W\d_])(?=[^\W\d_]*[а-яёА-ЯЁ])(?=[^\W\d_]*[^\W\d_а-яёА-ЯЁ])[^\W\d_]+")


def fold_lookalikes(text: str) -> str:
    """Each word written mostly in Cyrillic with Greek or Latin look-alike letters in it, in Cyrillic only. One
    character for one, so offsets into the text stay valid; words wholly Latin or Greek are left alone."""
    def fold(match: re.Match[str]) -> str:
        word = match.group(0)
        folded = word.translate(_CYRILLIC_LOOKALIKES)
        return folded if _ALL_CYRILLIC.fullmatch(folded) else word
    return _MIXED_WORD.sub(fold, text)

"""Text primitives shared by the extractors: sentences with character offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at CJK full stops anywhere, and at . ! ? when followed by space and a capital, a quote
# or a digit. Abbreviations common in news (г., гг., млн., долл., Mr., U.S.) are not sentence ends.
_CJK_END = re.compile(r"[。！？!?](?:[」』”\"）)]*)")
_LATIN_END = re.compile(r"(?<=[.!?…])[\"»”')]*\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9])")
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:г|гг|им|ул|пр|т|тыс|млн|млрд|долл|руб|проц|кв|м|ст|д|см|др|н|э|Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Mar|Apr|Jun|Jul"
    r"|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|vs|approx)\.|\b[A-ZА-ЯЁ]\.|\bU\.S\.)$"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a main text, each with its offsets; a line break always ends a sentence."""
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        _split_line(line, line_start, sentences)
        line_start += len(line) + 1
    return sentences


def _split_line(line: str, offset: int, out: list[Sentence]) -> None:
    cuts: list[int] = []
    for match in _CJK_END.finditer(line):
        if match.group(0)[0] in "。！？":
            cuts.append(match.end())
    for match in _LATIN_END.finditer(line):
        if not _NO_BREAK_AFTER.search(line[: match.start()].rstrip("\"»”')")):
            cuts.append(match.start())
    start = 0
    for cut in sorted(set(cuts)) + [len(line)]:
        _emit(line, start, cut, offset, out)
        start = cut
    return None


def _emit(line: str, start: int, end: int, offset: int, out: list[Sentence]) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = offset + start + lead
    out.append(Sentence(s, s + len(stripped), stripped))


def sentence_at(sentences: list[Sentence], position: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= position < sentence.end:
            return sentence
    return None

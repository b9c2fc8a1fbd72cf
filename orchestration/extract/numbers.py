"""The grammar of numbers in Russian, Japanese, Chinese and English news.

``parse_number`` reads one number as written: digits with any thousands/decimal convention ("2 450",
"6,310", "7,25"), kanji/Chinese numerals with myriad units ("2036億8000万", "4.3亿", "三十"), Russian and
English number words ("восьми", "twenty-one") and a digit or word followed by a scale word ("20 млн",
"$25 bn"). ``find_quantities`` finds every number of a text that counts something, with its qualifier
("более", "約", "over") and the noun it counts; years, dates, times, percentages, phone and version numbers,
ordinals, copyright ranges and view counters are recognised as such and left out (``scan_numbers`` keeps them,
each with its ``kind``).

Language data (number words, scale words, qualifiers, counters) live in the ``counts`` lexicon of each
language; the kanji/hanzi numerals are shared by Japanese and Chinese and live here.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from orchestration.extract.lexicons import LANGUAGES, lexicon
from orchestration.extract.wordlists import literal_alternation
from orchestration.reference.currencies import currency_codes

QUALIFIERS = ("exact", "about", "over", "under", "up_to")
CJK_LANGS = ("ja", "zh")

KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                "七": 7, "八": 8, "九": 9}
KANJI_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
KANJI_BIG_UNITS = {"万": 1e4, "萬": 1e4, "億": 1e8, "亿": 1e8, "兆": 1e12}
_FULLWIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")

_KD = "〇零一二两兩三四五六七八九"
_CJK_DIGITS = r"\d{1,3}(?:[,，]\d{3})+(?:[.．]\d+)?(?!\d)|\d+(?:[.．]\d+)?"
# a numeral in characters may have a decimal part before a myriad unit: "二十五点六亿" = 2.56e9
_CJK_SEG = rf"(?:(?:{_CJK_DIGITS})[十百千]?|[{_KD}十百千]+(?:[点點][{_KD}]+(?=[万萬億亿兆]))?)"
# "more than", written right after a CJK number and before its counter or currency: "十余项", "40多个", "百余り件"
CJK_MORE_THAN = re.compile(r"多|余り|余")
_CJK_MORE_OR_OVER = re.compile(rf"{CJK_MORE_THAN.pattern}|以上|有余")
# A myriad-unit numeral: "2036億8000万", "2兆2000億", "1万7800", "4.3亿", "1000多万", "三十".
# Some outlets set a space between Arabic digits and the unit ("4873 億元", "470 個"): one space there is no break.
_CJK_TOKEN = rf"(?<![0-9A-Za-z０-９])(?<![0-9０-９][.,．，])(?P<cjk>{_CJK_SEG}(?:(?P<mid>多|余)?(?:(?<=[0-9０-９]) )?[万萬億亿兆]+(?:{_CJK_SEG})?)*)"
_DIGIT_UNIT_SPACE = re.compile(r"(?<=[0-9０-９]) (?=[^\x00-\x7f])")

_DIGITS = {
    # Russian: spaces group thousands, the comma is the decimal mark ("2 450", "7,25", "12,4031").
    "ru": r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?!\d)|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?(?!\d)"
          r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?",
    # English: the comma groups thousands ("6,310"), the point is decimal ("184.35"); a comma before one or
    # two digits is read as a decimal comma ("25,6").
    # South Asian grouping by lakhs and crores ("2,42,160") before the thousands.
    "en": r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?!\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?!\d)"
          r"|\d+(?:\.\d+|,\d{1,2}(?!\d))?",
}

# Spans that are never quantities, whatever the language.
_NOISE_PATTERNS = [
    ("url", r"https?://\S+|www\.\S+"),
    ("copyright", r"(?:©|\(c\)|copyright)\s*(?:\(c\)\s*)?\d{4}(?:\s*[-–—]\s*\d{4})?"),
    ("date", r"(?<!\d)\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*T?\s*\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)"),
    ("date", r"(?<![\d.])\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?![\d.])"),
    ("version", r"(?<![\d.])\d+\.\d+\.\d+(?:\.\d+)*(?![\d.])"),
    ("time", r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?!\d)"),
    ("time", r"(?<!\d)\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"),
    ("time", r"(?<!\d)\d{1,2}[时時点]\d{1,2}分"),
    ("year", r"(?<!\d)(?:1[89]|20)\d{2}\s*[-–—/]\s*(?:(?:1[89]|20)\d{2}|\d{2})(?!\d)"),
    ("phone", r"\+\d{1,3}[\s\-]?\(?\d{1,5}\)?(?:[\s\-]?\d{2,8}){1,4}"),
    ("phone", r"\(\d{2,5}\)\s?\d{3,4}[\s\-]\d{2,4}(?:[\s\-]\d{2,4})?"),
    ("phone", r"(?<![\d\-])\d{2,4}-\d{3,4}-\d{3,5}(?![\d\-])"),
    ("phone", r"(?<![\d\-])(?:8[\s\-]?\(?\d{3,4}\)?[\s\-]?)?\d{2,3}-\d{2}-\d{2}(?![\d\-])"),
    ("phone", r"(?:тел|телефон|факс|tel|phone|fax|电话|電話|传真)\.?\s*[:：]?\s*[\d+\-\s()]{6,}\d"),
    ("view_counter", r"(?:浏览次数|浏览量|阅读量|阅读数|点击量|点击数|閲覧数|просмотр\w*|views?|hits|reads)\s*[:：]?\s*\d[\d,\s]*"),
]
# every pattern starts with one of these characters: a cheap first test before the alternation
_NOISE = re.compile("(?=[0-9+(©hwcтфtpf浏阅点閲vrп电電传])(?:"
                    + "|".join(f"(?P<{kind}{i}>{pattern})" for i, (kind, pattern) in enumerate(_NOISE_PATTERNS)) + ")",
                    re.IGNORECASE)

_PERCENT_AFTER = re.compile(
    r"\s*(?:%|％|проц\w*|процент\w*|percent\b|per\s?cent\b|pct\b|个百分点|個百分點|百分点|ポイント|パーセント|п\.\s?п\.)",
    re.IGNORECASE)
_CJK_DATE_AFTER = re.compile(r"(?:年(?!間|间)|月(?!間|间)|日(?!間|间|元|本|圆|円)|号|號|時(?!間)|时(?!间)|秒|周年|週年)")
_ORDINAL_BEFORE = re.compile(r"(?:第|No\.?|№|#)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class NumberToken:
    """One number as written, with its value in full units and what kind of number it is."""
    start: int
    end: int
    value: float
    kind: str  # quantity | year | date | time | percent | phone | version | copyright | ordinal | url | ...
    has_scale: bool = False
    inner_qualifier: str | None = None  # 多/余 between the digits and the unit: "1000多万"


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float
    qualifier: str
    noun: str
    noun_start: int
    noun_end: int
    kind: str = "quantity"


def significant_digits(value: float) -> int:
    """How precisely a figure is written: 2036億8000万 has 5 significant digits, 2000億 one."""
    digits = f"{abs(value):.6f}".replace(".", "").strip("0")
    return max(1, len(digits))


# ---------------------------------------------------------------------------------------------- grammar


def _value_map(table: dict[Any, list[str]] | None) -> dict[str, float]:
    return {form.lower(): float(value) for value, forms in (table or {}).items() for form in forms}


@lru_cache(maxsize=None)
def _currency_codes() -> tuple[str, ...]:
    """ISO 4217 codes (pycountry), RMB and the lettered symbols the money lexicons list (RM, Rs, Rp, Tk): letters a
    number may follow without a space ("RMB5 billion", "RM4.5 billion")."""
    lettered = {symbol for lang in LANGUAGES
                for symbol in ((lexicon(lang, "money").get("currencies") or {}).get("pre") or {})
                if re.fullmatch(r"[A-Za-z]{2,3}", symbol)}
    return ("RMB", *currency_codes(), *sorted(lettered))


# digits may touch three capitals ("USD3.2m") or a two-letter symbol ("RM4.5 billion"); whether they are a
# currency or the end of an identifier ("ABC12", "MP3") is for the classification to tell
_AFTER_CURRENCY_CODE = "|(?<=[A-Z]{3})|(?<=\\b[A-Z][A-Za-z])"


@dataclass
class _Grammar:
    lang: str
    token: re.Pattern
    words: dict[str, float]
    scales: dict[str, float]
    attached: dict[str, float]
    bare: dict[str, float]
    pre_qualifier: re.Pattern
    post_qualifier: re.Pattern
    not_qualifiers: tuple[str, ...]
    vague: tuple[str, ...]
    counters: re.Pattern | None
    date_after: re.Pattern | None
    date_before: re.Pattern | None
    year_before: re.Pattern | None
    ordinal_after: re.Pattern | None


def _qualifier_patterns(table: dict[str, dict[str, list[str]]], lang: str):
    """Regexes for qualifiers before and after a number, one named group per qualifier."""
    cjk = lang in CJK_LANGS
    patterns = []
    for position in ("pre", "post"):
        groups = [f"(?P<{qualifier}>{literal_alternation(forms, not cjk)})"
                  for qualifier, forms in (table.get(position) or {}).items() if qualifier in QUALIFIERS and forms]
        patterns.append("|".join(groups) or r"(?!x)x")
    pre, post = patterns
    # a link word may stand between the qualifier and the number: "约达", "约为", "примерно на"
    links = table.get("links") or []
    link = rf"(?:{literal_alternation(links, not cjk)})?" if links else ""
    if cjk:
        return (re.compile(rf"(?:{pre})\s*{link}\s*(?:[$€£¥￥]|US\$|人民币)?\s*$"),
                re.compile(rf"\s*(?:{post})"))
    # the qualifier is a word of its own, maybe followed by a currency sign ("порядка $25 млрд")
    codes = "|".join(_currency_codes())
    return (re.compile(rf"(?:^|(?<=[\s(«\"“/,:—–-]))(?:{pre})\s*{link}\s*(?:US\$|[$€£¥₽₸]|(?-i:{codes}))?\s*$", re.IGNORECASE),
            re.compile(rf"\s*(?:{post})", re.IGNORECASE))


@lru_cache(maxsize=None)
def grammar(lang: str) -> _Grammar:
    lex = lexicon(lang, "counts")
    words = _value_map(lex.get("number_words"))
    scales = _value_map(lex.get("scales"))
    attached = _value_map(lex.get("attached_scales"))
    bare = _value_map(lex.get("bare_scales"))
    pre, post = _qualifier_patterns(lex.get("qualifiers") or {}, lang)
    counters = lex.get("counters") or []
    if lang in CJK_LANGS:
        token = re.compile(_CJK_TOKEN)
    else:
        digits = _DIGITS.get(lang, _DIGITS["en"])
        word = literal_alternation([w for w in words])
        join = r"(?:\s+|-)(?:and\s+)?" if lang == "en" else r"\s+"
        scale = literal_alternation(list(scales))
        att = literal_alternation(list(attached), whole_word=False) if attached else r"(?!x)x"
        bare_alt = literal_alternation(list(bare))
        # a cheap first test: a digit or the first letter of a number word
        initials = "".join(sorted({w[0].lower() for w in list(words) + list(bare)} | {w[0].upper() for w in list(words) + list(bare)}))
        token = re.compile(
            rf"(?:(?<![\w.,]){_AFTER_CURRENCY_CODE})(?=[\d{re.escape(initials)}])(?:(?P<dig>{digits})(?:(?P<att>{att})(?![^\W\d_])|(?:[ \u00a0\u202f\u2009]{{0,2}}|-)(?P<scale>{scale})"
            rf"(?:\s+(?P<dig2>\d{{1,3}})[ \u00a0\u202f\u2009]{{0,2}}(?P<scale2>{scale}))?)?"
            rf"|(?P<bare>{bare_alt})"
            rf"|(?P<words>(?:{word})(?:{join}(?:{word}))*)(?:\s+(?P<wscale>{scale}))?)",
            re.IGNORECASE)
    flags = 0 if lang == "en" else re.IGNORECASE
    date_after = [p for p in lex.get("date_after") or []]
    date_before = [p for p in lex.get("date_before") or []]
    year_before = lex.get("year_before") or []
    suffixes = lex.get("ordinal_suffixes") or []
    return _Grammar(
        lang=lang,
        token=token,
        words=words,
        scales=scales,
        attached=attached,
        bare=bare,
        pre_qualifier=pre,
        post_qualifier=post,
        not_qualifiers=tuple((lex.get("qualifiers") or {}).get("not_in_words") or []),
        vague=tuple(lex.get("vague") or []),
        counters=re.compile(literal_alternation(counters, False)) if counters else None,
        date_after=re.compile("|".join(f"(?:{p})" for p in date_after), flags) if date_after else None,
        date_before=re.compile("|".join(f"(?:{p})" for p in date_before), flags) if date_before else None,
        year_before=re.compile(rf"(?:^|[\s(])(?:{literal_alternation(year_before)})\s+$", re.IGNORECASE) if year_before else None,
        ordinal_after=re.compile(rf"(?:\s?-\s?|)(?:{literal_alternation(suffixes)})(?![^\W\d_])", re.IGNORECASE) if suffixes else None,
    )


# ------------------------------------------------------------------------------------------------ parse


def _digits_value(surface: str, lang: str) -> float:
    s = re.sub(r"[\s\u00a0\u202f\u2009]", "", surface.translate(_FULLWIDTH))
    if lang == "ru":
        if s.count(",") > 1:
            s = s.replace(",", "")
        if s.count(".") > 1:
            s = s.replace(".", "")
        s = s.replace(",", ".")
    else:
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?", s):
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
        if s.count(".") > 1:
            s = s.replace(".", "")
    return float(s)


def _small_cjk(section: str) -> float:
    """A numeral below 10 000: digits ("5000", "6.7"), kanji with 十百千 ("三十", "十四") or mixed ("3千")."""
    section = section.translate(_FULLWIDTH).replace(",", "")
    if not section:
        return 0.0
    decimal = re.fullmatch(r"(.+)[点點](.+)", section)
    if decimal:
        whole, fraction = decimal.groups()
        return _small_cjk(whole) + float("0." + "".join(str(KANJI_DIGITS[ch]) for ch in fraction if ch in KANJI_DIGITS))
    if re.fullmatch(r"\d+(?:\.\d+)?", section):
        return float(section)
    if not any(ch in KANJI_SMALL_UNITS for ch in section):
        # positional kanji digits: 二〇二四
        return float("".join(str(KANJI_DIGITS[ch]) for ch in section if ch in KANJI_DIGITS) or 0)
    total, current = 0.0, None
    for piece in re.findall(r"\d+(?:\.\d+)?|.", section):
        if piece[0].isdigit():
            current = float(piece)
        elif piece in KANJI_DIGITS:
            current = float(KANJI_DIGITS[piece])
        elif piece in KANJI_SMALL_UNITS:
            total += (1.0 if current is None else current) * KANJI_SMALL_UNITS[piece]
            current = None
    return total + (current or 0.0)


def parse_cjk_numeral(surface: str) -> float:
    """A numeral with myriad units: "2036億8000万" = 203 680 000 000, "1万亿" = 1e12. Four digits after 億 or 兆
    with no unit of their own are the next myriad's: "612億3000" is 612億3000万 (a literal 61 200 003 000 would be
    written 612億3000, but nobody counts that precisely in 億; the 万 is left out)."""
    total, section, last_unit = 0.0, "", None
    for ch in surface.replace("多", "").replace("余", "").replace(" ", ""):
        if ch in KANJI_BIG_UNITS:
            unit = KANJI_BIG_UNITS[ch]
            if not section and total and last_unit is not None and unit > last_unit:
                total *= unit  # 万亿: a unit of units
            else:
                total += (_small_cjk(section) if section else 1.0) * unit
            section, last_unit = "", unit
        else:
            section += ch
    if last_unit is not None and last_unit >= 1e8 and re.fullmatch(r"\d{4}", section.translate(_FULLWIDTH)):
        return total + _small_cjk(section) * last_unit / 1e4
    return total + _small_cjk(section)


def _words_value(words: list[str], table: dict[str, float]) -> tuple[float, int]:
    """The value of a run of number words and how many of them form one number ("twenty-one", "сто двадцать")."""
    current, last_class, used = 0.0, 10_000, 0
    for word in words:
        value = table.get(word.lower())
        if value is None:
            break
        if value == 100 and word.lower() == "hundred":
            current = (current or 1.0) * 100
            last_class, used = 100, used + 1
            continue
        if word.lower() == "dozen":
            current = (current or 1.0) * 12
            last_class, used = 1, used + 1
            continue
        place = 100 if value >= 100 else 10 if value >= 20 else 1
        if place >= last_class:
            break
        current += value
        last_class, used = place, used + 1
    return current, used


def _token_value(match: re.Match, g: _Grammar) -> tuple[float, int, bool, str | None]:
    """(value, end, has_scale, inner qualifier) of a token match; end may shrink for invalid word runs."""
    if g.lang in CJK_LANGS:
        surface = match.group("cjk")
        mid = match.group("mid")
        has_scale = any(ch in KANJI_BIG_UNITS for ch in surface)
        return parse_cjk_numeral(surface), match.end(), has_scale, ("over" if mid else None)
    if match.group("dig") is not None:
        value = _digits_value(match.group("dig"), g.lang)
        if match.group("att"):
            return value * g.attached[match.group("att").lower()], match.end(), True, None
        if match.group("scale"):
            scaled = value * g.scales[_norm_scale(match.group("scale"))]
            if match.group("scale2"):
                # "1 млрд 200 млн": a second, smaller part; else it is a separate number
                small = g.scales[_norm_scale(match.group("scale2"))]
                if small < g.scales[_norm_scale(match.group("scale"))]:
                    return scaled + float(match.group("dig2")) * small, match.end(), True, None
                return scaled, match.end("scale"), True, None
            return scaled, match.end(), True, None
        return value, match.end("dig"), False, None
    if match.group("bare") is not None:
        return g.bare[re.sub(r"\s+", " ", match.group("bare").lower())], match.end(), True, None
    words_span = match.group("words")
    pieces = [(m.group(0), m.end()) for m in re.finditer(r"[^\W\d_]+", words_span)]
    pieces = [(w, e) for w, e in pieces if w.lower() != "and"]
    value, used = _words_value([w for w, _ in pieces], g.words)
    if used == 0:
        return 0.0, match.start(), False, None
    if used < len(pieces):
        return value, match.start("words") + pieces[used - 1][1], False, None
    if match.group("wscale"):
        return value * g.scales[_norm_scale(match.group("wscale"))], match.end(), True, None
    return value, match.end("words"), False, None


def _norm_scale(surface: str) -> str:
    return re.sub(r"\s+", " ", surface.lower())


def parse_number(surface: str, lang: str) -> float | None:
    """The value of a number as written, in full units ("2 450" -> 2450, "5億2600万" -> 526e6,
    "$25 bn" -> 25e9, "восьми" -> 8); None when the surface holds no number."""
    g = grammar(lang)
    text = surface.strip()
    for match in g.token.finditer(text):
        value, end, _, _ = _token_value(match, g)
        if end > match.start():
            return value
    if lang not in CJK_LANGS:
        # a numeral of the other script family inside a Latin/Cyrillic text ("3億", "三十")
        match = re.search(_CJK_TOKEN, text)
        if match:
            return parse_cjk_numeral(match.group("cjk"))
    return None


# ------------------------------------------------------------------------------------------------- scan


class _Noise(list):
    """(start, end, kind) of the noise spans in text order, with their starts: a number looks only at the spans
    that can reach it, not at every span before it."""

    def __init__(self, spans):
        super().__init__(spans)
        self.starts = [span[0] for span in self]
        self.longest = max((span[1] - span[0] for span in self), default=0)

    def from_(self, position: int):
        """The spans from the first that may still cover ``position`` on (earlier ones end before it), uncopied."""
        return (self[i] for i in range(bisect_left(self.starts, position - self.longest), len(self)))


def _noise_spans(text: str) -> _Noise:
    spans = []
    for m in _NOISE.finditer(text):
        kind = re.sub(r"\d+$", "", m.lastgroup or "noise")
        spans.append((m.start(), m.end(), kind))
    return _Noise(spans)


def _classify(text: str, start: int, end: int, value: float, has_scale: bool, g: _Grammar,
              noise: _Noise) -> str:
    for n_start, n_end, kind in noise.from_(start):
        if n_start <= start < n_end or (start <= n_start < end):
            return kind
        if n_start > end:
            break
    after = text[end:end + 60]
    before = text[max(0, start - 40):start]
    if re.match(r"\.(?:html?|shtml|php|aspx?)\b", after):
        return "url"
    if _PERCENT_AFTER.match(after) or before.endswith("百分之"):
        return "percent"
    if _ORDINAL_BEFORE.search(before):
        return "ordinal"
    # \Z, not $: "$" also matches before a final newline, and a headline's last letter is no prefix of the number
    # that opens the next line
    if re.search(r"[^\W\d]-\Z", before):
        # "Конференция-2021", "COVID-19"
        return "year" if re.fullmatch(r"(?:1[89]|20)\d{2}", text[start:end]) else "identifier"
    if re.search(r"[A-Za-z_]\Z", before) and not before.endswith(_currency_codes()):
        return "identifier"
    if g.lang in CJK_LANGS:
        if _CJK_DATE_AFTER.match(after):
            return "date"
    else:
        if g.date_after is not None and not has_scale and g.date_after.match(after):
            return "year" if value >= 1000 else "date"
        if g.date_before is not None and not has_scale and g.date_before.search(before):
            return "date"
        if g.ordinal_after is not None and not has_scale and g.ordinal_after.match(after):
            return "ordinal"
        if not has_scale and re.match(r"-(?!plus\b)[^\W\d_]", after, re.IGNORECASE):
            return "compound"  # "5-летний", "70-летию"
    if not has_scale and value == int(value) and 1800 <= value <= 2100 and re.fullmatch(r"\d{4}", text[start:end]):
        if g.lang in CJK_LANGS:
            nxt = after[:1]
            counter = g.counters.match(after) if g.counters else None
            if not counter and (not nxt or not nxt.isdigit()):
                return "year"
        else:
            if g.year_before is not None and g.year_before.search(before):
                return "year"
            if re.match(r"\s*(?:$|[,.;:)\]–—/-]|\s[A-ZА-ЯЁ])", after) or re.match(r"\s*\n", after):
                return "year"
    return "quantity"


def _cjk_only_accepted(text: str, match: re.Match, end: int, g: _Grammar) -> bool:
    """A numeral written in characters only is a number before a counter or a currency, never inside a word
    (一带一路, 唯一, 统一) nor as an ordinal (第七届)."""
    surface = match.group("cjk")
    if any(ch.isdigit() for ch in surface):
        return True
    before = text[match.start() - 1:match.start()] if match.start() else ""
    if before == "第":
        return True  # classified as ordinal later
    if before and before in "数几幾":
        return False  # 数十社, 几百家: vague
    if any(text.startswith(phrase, match.start()) for phrase in g.vague):
        return False  # 一批, 一系列: "a batch of", not one
    after = text[end:end + 8]
    approximate = CJK_MORE_THAN.match(after)
    counter = g.counters.match(after, approximate.end() if approximate else 0) if g.counters is not None else None
    if counter and counter.group(0) in ("の", "つの") and len(surface) == 1 and before \
            and re.match(r"[\u3400-\u9fff]", before):
        return False  # 唯一の, 統一の: a digit inside a word before the particle の
    if counter:
        return True
    return bool(_money_currency_start(after, g.lang))


@lru_cache(maxsize=None)
def _currency_start_pattern(lang: str) -> re.Pattern:
    forms = list(((lexicon(lang, "money").get("currencies") or {}).get("post") or {}).keys())
    return re.compile(literal_alternation(forms, False)) if forms else re.compile(r"(?!x)x")


def _money_currency_start(after: str, lang: str) -> bool:
    return bool(_currency_start_pattern(lang).match(after))


@lru_cache(maxsize=16)
def scan_numbers(text: str, lang: str) -> tuple[NumberToken, ...]:
    """Every number of the text with its kind (quantity, year, date, percent, phone, ...), in order."""
    g = grammar(lang)
    noise = _noise_spans(text)
    tokens: list[NumberToken] = []
    pos = 0
    while (match := g.token.search(text, pos)) is not None:
        value, end, has_scale, inner = _token_value(match, g)
        start = match.start()
        # the next search starts where this number really ends: a word run or a pair of scales may be two numbers
        pos = end if end > start else match.end()
        if end <= start:
            continue
        if g.lang in CJK_LANGS and not _cjk_only_accepted(text, match, end, g):
            continue
        kind = _classify(text, start, end, value, has_scale, g, noise)
        tokens.append(NumberToken(start, end, value, kind, has_scale, inner))
    return tuple(tokens)


# --------------------------------------------------------------------------------------------- qualifier


def qualifier_before(text: str, start: int, lang: str) -> tuple[str | None, int]:
    """The qualifier written right before position ``start`` and where it begins ("более 150" -> over)."""
    window_start = max(0, start - 40)
    g = grammar(lang)
    match = g.pre_qualifier.search(text, window_start, start)
    if not match:
        return None, start
    qualifier_end = match.end(match.lastgroup)
    if any(text.endswith(word, 0, qualifier_end) for word in g.not_qualifiers):
        return None, start  # the end of a word, not a qualifier: 契約, 签约
    return match.lastgroup, match.start(match.lastgroup)


def qualifier_after(text: str, end: int, lang: str) -> tuple[str | None, int]:
    """The qualifier written right after position ``end`` ("200人以上", "1000億元を超える", "or more")."""
    match = grammar(lang).post_qualifier.match(text, end)
    if not match:
        return None, end
    return match.lastgroup, match.end()


# ------------------------------------------------------------------------------------------------- nouns


@lru_cache(maxsize=None)
def _noun_patterns(lang: str):
    lex = lexicon(lang, "counts")
    stops = {w.lower() for w in lex.get("stop_words") or []}
    modifiers = {w.lower() for w in lex.get("modifiers") or []}
    adjective_endings = tuple(sorted({e for e in lex.get("adjective_endings") or []}, key=len, reverse=True))
    np_stops = lex.get("np_stops") or []
    np_stop = re.compile(literal_alternation(np_stops, False)) if np_stops else None
    return stops, modifiers, adjective_endings, np_stop


_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")


def noun_after(text: str, end: int, lang: str, limit_end: int | None = None, *,
               counter_free: bool = False) -> tuple[str, int, int]:
    """The noun a number counts: the head of the phrase after it in Russian/English (adjectives skipped:
    "6 побратимских связей" -> "связей"), the counter and the noun phrase in Japanese/Chinese
    ("12项经贸合作协议" -> "项经贸合作协议"). Empty when the number counts nothing visible. With ``counter_free``
    a Japanese/Chinese phrase is read from ``end`` itself, with no counter first (the head noun after a list)."""
    limit = min(len(text), limit_end if limit_end is not None else len(text), end + 120)
    stops, modifiers, adjective_endings, np_stop = _noun_patterns(lang)
    if lang in CJK_LANGS and counter_free:
        run_end = end
        while run_end < limit and run_end - end < 24:
            if (np_stop is not None and np_stop.match(text, run_end)) or text[run_end] in "\n。！？!?":
                break
            run_end += 1
        return text[end:run_end], end, run_end
    if lang in CJK_LANGS:
        g = grammar(lang)
        pos = end
        if (space := _DIGIT_UNIT_SPACE.match(text, pos, limit)) is not None:
            pos = space.end()
        post = _CJK_MORE_OR_OVER.match(text, pos, limit)
        if post:
            pos += post.end()
        counter = g.counters.match(text, pos, limit) if g.counters else None
        if not counter:
            return "", end, end
        run_end = counter.end()
        if text.startswith("の", run_end) and counter.group(0) != "の":
            run_end += 1
        while run_end < limit and run_end - counter.end() < 24:
            if np_stop is not None and np_stop.match(text, run_end):
                break
            if text[run_end] in "\n。！？!?" or text[run_end].isdigit():
                break
            run_end += 1
        return text[counter.start():run_end], counter.start(), run_end
    pos = end
    after_modifier = False
    for count, match in enumerate(_WORD.finditer(text, pos, limit)):
        gap = text[pos:match.start()]
        if count >= 6 or re.search(r"[^ \t\u00a0\u202f]", gap):
            break  # punctuation, a digit or a line break ends the phrase
        word = match.group(0)
        lower = word.lower()
        if lower in stops:
            if after_modifier and lower in _COORDINATORS:
                pos = match.end()  # "12 научных и образовательных учреждений": the noun after both adjectives
                continue
            break
        is_modifier = (lower in modifiers or (lang == "ru" and lower.endswith(adjective_endings))
                       or (lang == "en" and "-" in lower)  # "15 sister-city agreements"
                       or (lang == "en" and re.search(r"(?:al|ic|ive|ous|ese|ian|ful|ed)$", lower) is not None
                           and not lower.endswith(("ss", "us"))))
        space = _SPACES.match(text, match.end(), limit)
        next_word = _WORD.match(text, space.end(), limit) if space else None
        if is_modifier and next_word is not None:
            pos, after_modifier = match.end(), True
            continue
        if lang == "en" and next_word is not None and _is_noun_adjunct(word) \
                and _ends_phrase(text, next_word.end(), limit, stops):
            # "23 supply contracts": a singular noun before the last word of the phrase qualifies it; a plural
            # ("18 cities signed …") or a longer run is the head itself
            return next_word.group(0), next_word.start(), next_word.end()
        return word, match.start(), match.end()
    return "", end, end


def _is_noun_adjunct(word: str) -> bool:
    # English noun adjuncts are lower-case and singular ("loan agreements", not "loans agreements")
    return word.islower() and (not word.endswith("s") or word.endswith(("ss", "us")))


def _ends_phrase(text: str, end: int, limit: int, stops: set[str]) -> bool:
    """Nothing but punctuation, the text's end or a function word follows: the word at ``end`` closes its
    noun phrase."""
    space = _SPACES.match(text, end, limit)
    following = _WORD.match(text, space.end(), limit) if space else None
    if following is None:
        return not (space and space.end() < limit and text[space.end()].isdigit())
    return following.group(0).lower() in stops


_COORDINATORS = {"и", "или", "and", "or", "&"}
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Every number that counts something, with its qualifier and noun; dates, years, times, percentages,
    phone/version numbers, ordinals and copyright ranges are left out."""
    quantities = []
    for token in scan_numbers(text, lang):
        if token.kind != "quantity":
            continue
        qualifier, _ = qualifier_before(text, token.start, lang)
        post_qualifier, post_end = qualifier_after(text, token.end, lang)
        noun, noun_start, noun_end = noun_after(text, token.end if lang in CJK_LANGS else post_end, lang)
        if lang in CJK_LANGS and not post_qualifier and noun:
            # "200人以上": the qualifier follows the counter
            after_counter = skip_cjk_more_than(text, token.end)
            counter = grammar(lang).counters.match(text, after_counter) if grammar(lang).counters else None
            if counter:
                post_qualifier, _ = qualifier_after(text, counter.end(), lang)
        quantities.append(Quantity(
            start=token.start,
            end=token.end,
            value=token.value,
            qualifier=qualifier or token.inner_qualifier or post_qualifier or _inline_post(text, token, lang) or "exact",
            noun=noun,
            noun_start=noun_start,
            noun_end=noun_end,
        ))
    return quantities


def skip_cjk_more_than(text: str, pos: int) -> int:
    """The position after a 多/余/余り written at pos (and after a space between digits and a counter), or pos."""
    if (space := _DIGIT_UNIT_SPACE.match(text, pos)) is not None:
        pos = space.end()
    more = CJK_MORE_THAN.match(text, pos)
    return more.end() if more else pos


def _inline_post(text: str, token: NumberToken, lang: str) -> str | None:
    """多/余 between a number and its counter: "40多个" -> over."""
    if lang in CJK_LANGS and CJK_MORE_THAN.match(text, token.end):
        return "over"
    return None

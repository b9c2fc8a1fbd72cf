"""Names and codes of ISO 4217 currencies (pycountry) as a text writes them beside an amount, in English, Japanese and
Chinese (the codes in every language).

English takes pycountry's names ("Zambian Kwacha", "Namibia Dollar") with their plurals, and a name's unit
alone where only one currency bears it and it is no common English word ("kwacha", "naira"; not "real", "sum",
"peso" or "dollar", which several currencies share). Japanese and Chinese take the names of pycountry's gettext
catalogues (domain "iso4217": ザンビア・クワチャ, 赞比亚克瓦查). Russian inflects its currency names («намибийских
долларов»), which a catalogue's nominative does not match, so it has none here.

The money lexicons (``lexicons/<lang>/money.yml``, ``currencies.post``) stay first: they hold the forms the
catalogues lack ("US dollars", 元, 円) and decide where both name a currency.
"""
from __future__ import annotations

import gettext
import re
from functools import lru_cache

import pycountry

from orchestration.extract.common_words import is_common_word

# "Zambian Kwacha", "Saudi Riyal": the unit follows a country's adjective ("Rial Omani" puts it first)
_ADJECTIVE_ENDING = re.compile(r"(?:an|ese|ish|i)$")
_CATALOGUES = {"ja": ("ja",), "zh": ("zh_CN", "zh_TW")}
# funds, precious metals, special drawing rights and test codes are no money a deal is signed in
_NOT_MONEY = frozenset({"XAU", "XAG", "XPT", "XPD", "XDR", "XTS", "XXX", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD"})


def _money_currencies() -> list:
    return [c for c in pycountry.currencies if c.alpha_3 not in _NOT_MONEY
            and not any(word in c.name for word in ("Fund", "Unidad", "Mvdol", "WIR", "Code"))]


@lru_cache(maxsize=None)
@lru_cache(maxsize=None)
def currency_codes() -> tuple[str, ...]:
    """ISO 4217 codes a text in any language may write beside an amount ("400百万USD", "13.5 трлн UZS", "TZS 17.5
    billion"), upper case only; not those that spell a common English word ("ALL", "TOP", "TRY"), which capitals
    in a headline would turn into money."""
    return tuple(sorted(c.alpha_3 for c in _money_currencies() if not is_common_word(c.alpha_3.lower(), "en")))


def currency_names(lang: str) -> dict[str, str]:
    """Name -> ISO 4217 code for the currencies a text in ``lang`` may name after an amount."""
    currencies = _money_currencies()
    if lang == "en":
        return _english_names(currencies)
    names: dict[str, str] = {}
    for locale in _CATALOGUES.get(lang, ()):
        try:
            catalogue = gettext.translation("iso4217", pycountry.LOCALES_DIR, languages=[locale])
        except OSError:
            continue
        for currency in currencies:
            translated = catalogue.gettext(currency.name)
            if translated != currency.name:
                names.setdefault(translated, currency.alpha_3)
    return names


def _english_names(currencies: list) -> dict[str, str]:
    names: dict[str, str] = {}
    last_words: dict[str, set[str]] = {}  # the codes of every currency whose name ends in the word
    units: set[str] = set()  # words that are a currency's unit, not its country's adjective ("Rial Omani")
    for currency in currencies:
        name = currency.name
        if "(" in name:
            continue  # "US Dollar (Next day)": a fund's name
        if " " in name or not is_common_word(name, "en"):
            names.setdefault(name.lower(), currency.alpha_3)
            names.setdefault(_plural(name).lower(), currency.alpha_3)
        words = name.split()
        last_words.setdefault(words[-1].lower(), set()).add(currency.alpha_3)
        if len(words) == 1 or (len(words) == 2 and _ADJECTIVE_ENDING.search(words[0])):
            units.add(words[-1].lower())
    for word, codes in last_words.items():
        if word in units and len(codes) == 1 and not is_common_word(word, "en"):
            code = next(iter(codes))
            names.setdefault(word, code)
            names.setdefault(_plural(word), code)
    return names


def _plural(name: str) -> str:
    return name if name.endswith(("s", "a", "i", "u")) or name.lower().endswith(("yen", "yuan", "won")) \
        else name + "s"

"""Russian morphology from pymorphy3 (OpenCorpora's dictionary): what a capitalised word is.

The dictionary marks given names (Name), surnames (Surn), patronymics (Patr) and place names (Geox), which
tells «Алексей Орлов» (a person) from «в Орлове» (a town) without lists of our own.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3


@lru_cache(maxsize=1)
def _analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def _tags(word: str) -> tuple[tuple[frozenset[str], float], ...]:
    return tuple((frozenset(str(p.tag).replace(" ", ",").split(",")), p.score) for p in _analyzer().parse(word))


def _share(word: str, grammeme: str) -> float:
    """How much of the word's parse probability carries ``grammeme``."""
    return sum(score for tags, score in _tags(word) if grammeme in tags)


_VERB_CANDIDATE = re.compile(r"[а-яё]{4,}")


def has_future_verb(text: str) -> bool:
    """A verb in the future tense («прибудет», «подпишут», «откроют»): the clause announces what is to come, so
    a weekday in it is the next one. Perfective futures are too many forms for a word list."""
    return any(_share(word, "futr") >= 0.5 and _share(word, "VERB") >= 0.5
               for word in _VERB_CANDIDATE.findall(text.lower()))


def is_given_name(word: str) -> bool:
    return _share(word, "Name") >= 0.5


def is_surname(word: str) -> bool:
    return _share(word, "Surn") >= 0.3


# the endings of Russian, Ukrainian and Belarusian surnames, for surnames too rare for the dictionary («Ощепков»)
_SURNAME_ENDING = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|енко|ук|юк|ич|ович)(?:а|у|ым|ой|ом|е)?$")


def looks_like_surname(word: str) -> bool:
    """A surname by the dictionary, or a capitalised word with a surname's ending (the dictionary lacks many)."""
    return is_surname(word) or (word[:1].isupper() and len(word) > 4 and bool(_SURNAME_ENDING.search(word)))


def is_patronymic(word: str) -> bool:
    return _share(word, "Patr") >= 0.5


def is_prepositional(word: str) -> bool:
    """A noun or adjective form of the prepositional case («мегаполисе», «южном»): a word that can stand
    between «в» and the name of the place it describes."""
    return _share(word.lower(), "loct") >= 0.5


def is_adjective(word: str) -> bool:
    """«Юбилейный», «Новый»: an adjective of the dictionary rather than a place name of it."""
    return _share(word.lower(), "ADJF") >= 0.5 and _share(word, "Geox") < 0.5


def is_nominative_noun(word: str) -> bool:
    """«губернатор», «делегация», «участники»: a noun that can only be the subject of a clause. It cannot continue
    the genitive complement of an event's name («форума сотрудничества двух государств»), so it starts the clause."""
    lower = word.lower()
    return _share(lower, "NOUN") >= 0.5 and _share(lower, "nomn") >= 0.9


def can_be_nominative(word: str) -> bool:
    """«Бабушкин», «Петрова»: some reading of the word is in the nominative, as a clause's subject is."""
    return _share(word.lower(), "nomn") > 0


def is_nominal(word: str) -> bool:
    """A noun, an adjective or a participle: what an adjective can stand before, as a verb cannot."""
    lower = word.lower()
    return _share(lower, "NOUN") + _share(lower, "ADJF") + _share(lower, "PRTF") >= 0.5


def is_genitive_nominal(word: str) -> bool:
    """«форума», «открытия», «нового»: a noun or adjective in the genitive, as a preposition-like adverb governs
    («накануне форума»)."""
    lower = word.lower()
    return is_nominal(lower) and _share(lower, "gent") >= 0.5


def is_place_name(word: str) -> bool:
    """A geographical name of the dictionary («Урал», «Байкал», «Москва»)."""
    return _share(word.capitalize(), "Geox") >= 0.5


@lru_cache(maxsize=65536)
def normal_forms(word: str) -> tuple[str, ...]:
    """Dictionary forms of a word's likely inanimate parses («Египта» -> египет): places are things, and
    «Орлов» (a surname, or eagles) must not become the town Orël."""
    forms = [p.normal_form.replace("ё", "е") for p in _analyzer().parse(word)[:3] if "anim" not in p.tag]
    return tuple(dict.fromkeys(forms))


_ADJECTIVE_ENDINGS = re.compile(r"ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими|ей)$")


def is_relational_adjective(word: str) -> bool:
    """«ульгийский», «чжуанского»: an adjective of a place or a people, by its ending alone (unknown words too)."""
    return _ADJECTIVE_ENDINGS.search(word.lower()) is not None


def is_adjective_of_stem(word: str, stem: str) -> bool:
    """«нижегородской» is an adjective of the stem «нижегородск» (the stem and one adjective ending)."""
    lowered = word.lower().replace("ё", "е")
    return lowered.startswith(stem) and _ADJECTIVE_ENDINGS.fullmatch(lowered, len(stem) - 2) is not None


def place_names_of_adjective(word: str) -> tuple[str, ...]:
    """The place names a relational adjective may be formed from, most regular first: «петербургского» ->
    Петербург, «красноярском» -> Красноярск, «казанский» -> Казань, «самарская» -> Самара, «московский» -> Москва,
    «тульский» -> Тула, «шанхайского» -> Шанхай. Callers keep the names their gazetteer knows."""
    match = _ADJECTIVE_ENDINGS.search(word.lower())
    if match is None:
        return ()
    stem = word.lower()[:match.start()]
    if len(stem) < 3:
        return ()
    base = stem.removesuffix("ь")  # «уральский» is of Урал before Уральск, «тульский» of Тула
    names = [base, base + "ь", stem + "ск", base + "а", base + "я"]
    if base.endswith("ов"):
        names.append(base[:-2] + "ва")  # московский
    return tuple(dict.fromkeys(names))

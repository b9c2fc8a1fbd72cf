"""Outcomes in English: how many agreements an event produced and which amounts are its deals, by construction
(N agreements, N deals worth, signed N contracts, number words, lists of pairs; running totals, earlier editions,
targets, purchases, sales, presented projects, thresholds, exchange-rate asides, ranges, restatements, parts)."""
from __future__ import annotations

import pytest

from orchestration.extract.counts import find_agreement_counts
from orchestration.extract.money import find_money
from orchestration.extract.roles.context import Context
from orchestration.extract.roles.outcomes import agreement_count_row, money_rows
from orchestration.extract.text import split_sentences

LANG = "en"


def counts(text: str) -> list[tuple[int, str, str]]:
    return [(c.value, c.kind, c.qualifier) for c in find_agreement_counts(text, LANG) if c.signed and not c.running]


def deals(text: str) -> list[tuple[float, str, str]]:
    return [(m.amount, m.currency, m.qualifier) for m in find_money(text, LANG) if m.is_deal and m.restates is None]


def outcome(text: str, title: str = "") -> tuple[int | None, list[tuple[float, str, str, bool]]]:
    page = f"{title}\n{text}" if title else text
    ctx = Context(page, LANG, len(title), tuple(split_sentences(page)), frozenset(), frozenset())
    row = agreement_count_row(ctx, "doc", "doc:1")
    found = [(r["amount"], r["currency"], r["qualifier"], r["part_of_total"]) for r in money_rows(ctx, "doc", "doc:1")
             if r["is_deal"] and not r["restates_extraction_id"]]
    return (row["count_value"] if row else None), found


# ------------------------------------------------------------------------------------------------ counts

@pytest.mark.parametrize("text, expected", [
    ("Companies from both countries signed 34 agreements at the fair.", (34, "agreements", "exact")),
    ("Some 40 deals worth $2 billion were inked on the first day.", (40, "deals", "about")),
    ("Local firms signed 18 contracts with foreign buyers.", (18, "contracts", "exact")),
    ("More than 50 cooperation agreements were signed.", (50, "agreements", "over")),
    ("The two regions signed twelve memorandums of understanding.", (12, "memoranda", "exact")),
    ("The forum produced 27 agreements on trade and tourism.", (27, "agreements", "exact")),
])
def test_counts_of_signed_documents(text, expected):
    assert counts(text) == [expected]


@pytest.mark.parametrize("text", [
    "The expo drew 500 companies from 30 countries.",
    "A total of 20 delegations and 3,000 buyers attended.",
    "Some 60 investment projects were presented to the guests.",
    "Since its launch in 2010, the fair has seen 3,000 agreements signed.",
    "Last year's fair saw 70 agreements signed.",
    "Organizers aim to have 100 agreements signed at next year's forum.",
    "To date, the two provinces have signed 450 agreements.",
])
def test_what_is_not_the_events_count(text):
    assert counts(text) == []


def test_a_running_total_at_the_fair_is_its_count():
    assert counts("So far at the fair, buyers and sellers have signed 75 contracts.") == [(75, "contracts", "exact")]


def test_coordinated_pairs_are_added():
    n, _ = outcome("The officials signed agreements establishing three pairs of sister provinces, five pairs of sister "
                   "cities and one pair of sister ports.")
    assert n == 9


def test_general_agreements_are_preferred_to_sister_city_ones():
    n, _ = outcome("The cities signed 4 sister-city agreements and 22 cooperation agreements.")
    assert n == 22


# ------------------------------------------------------------------------------------------------- money

@pytest.mark.parametrize("text, expected", [
    ("Contracts worth 8.6 billion yuan were signed.", (8.6e9, "CNY", "exact")),
    ("Deals worth more than $1.4 billion were sealed at the expo.", (1.4e9, "USD", "over")),
    ("The partners signed agreements valued at about 900 million euros.", (9e8, "EUR", "about")),
    ("Investment contracts totalling RMB 35 billion were inked.", (35e9, "CNY", "exact")),
])
def test_amounts_of_deals_in_full_units(text, expected):
    assert deals(text) == [expected]


@pytest.mark.parametrize("text, reason", [
    ("Since its launch, the fair has generated contracts worth $80 billion.", "cumulative"),
    ("The previous edition produced deals worth $3 billion.", "previous_edition"),
    ("Buyers expressed purchase intentions worth $400 million.", "procurement"),
    ("On-site sales reached 90 million yuan.", "sales"),
    ("Organizers expect deals worth $5 billion to be signed.", "forecast"),
    ("The province presented 200 projects with a total investment of 60 billion yuan.", "presented"),
    ("Projects each worth over $50 million get a fast track.", "threshold"),
    ("Such fairs typically bring deals of about $1 billion.", "generic"),
])
def test_amounts_that_are_not_the_events_deals(text, reason):
    found = find_money(text, LANG)
    assert [(m.is_deal, m.not_deal_reason) for m in found] == [(False, reason)]


def test_an_exchange_rate_aside_is_no_deal():
    found = find_money("Deals worth 6 billion yuan (1 dollar = 7.1 yuan) were signed.", LANG)
    assert [(m.amount, m.is_deal) for m in found] == [(6e9, True), (1, False), (7.1, False)]


def test_a_range_is_its_lower_bound():
    assert deals("Companies signed contracts worth $2-3 billion.") == [(2e9, "USD", "over")]


def test_a_restatement_in_another_currency_is_the_same_deal():
    found = find_money("Contracts worth 50 billion yuan (7 billion U.S. dollars) were signed.", LANG)
    assert [(m.is_deal, m.restates) for m in found] == [(True, None), (True, 0)]


def test_deals_of_the_event_with_a_part_and_the_previous_edition():
    n, found = outcome("At the expo, companies signed 64 agreements worth $2.3 billion. Of the total, deals worth "
                       "$600 million went to energy firms. The previous expo saw $1.8 billion worth of deals.")
    assert n == 64
    assert found == [(2.3e9, "USD", "exact", False), (6e8, "USD", "exact", True)]


def test_projects_presented_beside_signed_agreements_are_not_signed():
    found = find_agreement_counts("At the expo 45 agreements were signed, while 120 projects were presented.", LANG)
    assert [(c.value, c.signed) for c in found] == [(45, True), (120, False)]


def test_a_running_total_after_the_deal_is_not_a_deal():
    found = find_money("Deals worth 30 billion yuan were signed, bringing the total since the fair's launch to "
                       "500 billion yuan.", LANG)
    assert [(m.amount, m.is_deal) for m in found] == [(3e10, True), (5e11, False)]
    assert found[1].not_deal_reason == "cumulative"


def test_coordinated_documents_of_several_kinds_are_added():
    assert outcome("The two sides inked 5 MoUs and 3 contracts.")[0] == 8


def test_a_part_of_a_vague_total_is_not_the_count():
    assert outcome("Dozens of deals were signed, including 14 big-ticket contracts.")[0] is None


def test_the_expected_investment_of_signed_projects_is_their_value():
    assert deals("Projects with expected investment of $3 billion were signed.") == [(3e9, "USD", "exact")]


# ------------------------------------------------------------------------------------------------ second pass

def test_counts_of_other_years_in_one_sentence_are_not_added():
    text = ("The organisers said 70 agreements were signed this week. In 2019 the meeting ended with 40 agreements, "
            "and in 2021 with 55 agreements.")
    assert outcome(text)[0] == 70


def test_a_part_of_a_total_that_is_no_deal_is_no_deal_either():
    text = "Retail sales at the show came to $90 million, of which $30 million were sold to visitors from abroad."
    assert outcome(text)[1] == []


def test_export_turnover_of_a_fair_is_sales():
    assert deals("The fair's export turnover reached $4 billion, exhibitors said.") == []


def test_an_abbreviation_written_with_spaces_is_still_a_currency():
    assert deals("Contracts worth 7 billion U. S. dollars were signed at the forum.") == [(7e9, "USD", "exact")]


def test_several_modifiers_between_a_number_and_its_noun():
    assert counts("In all, 9 corporate finance cooperation projects were signed.") == [(9, "projects", "exact")]


def test_a_figure_of_another_edition_named_by_its_ordinal():
    text = ("The 7th Harbour Trade Fair closed on Friday with 45 agreements signed. "
            "The sixth fair brought 60 agreements and contracts worth $3 billion.")
    assert outcome(text) == (45, [])


def test_growth_from_the_previous_edition_to_a_figure_keeps_the_figure():
    assert deals("Signed investment rose 8 percent from last year's fair to $2.5 billion.") == [(2.5e9, "USD", "exact")]


def test_documents_signed_one_at_a_time_and_never_counted():
    assert outcome("The two mayors signed a cooperation agreement on Monday. The agreement covers tourism.")[0] == 1
    text = "The governors signed a friendship agreement, and the deputies signed a protocol on trade."
    assert outcome(text)[0] == 2
    assert outcome("Several agreements were signed, among them a trade agreement.")[0] is None
    assert outcome("The delegations discussed an agreement that may be signed next year.")[0] is None


def test_a_hyphenated_compound_of_scale_and_currency():
    assert deals("The 4.2-billion-dollar package of contracts was signed at the summit.") == [(4.2e9, "USD", "exact")]


@pytest.mark.parametrize("page, lang, count", [
    ("Twin towns meet online\nOn 9 May 2023 the councils of Tula and Jinan met by video link and signed a "
     "memorandum on youth exchanges. It builds on the agreement the two cities signed on 2 March 2021.", "en", 1),
    ("Города-побратимы провели видеовстречу\n9 мая 2023 года советы Тулы и Цзинаня провели видеовстречу и "
     "подписали меморандум о молодёжных обменах. Он продолжает соглашение, подписанное 2 марта 2021 года.", "ru", 1),
    ("友好都市とオンライン会議\n2023年5月9日、ある町の議会と済南市がオンライン会議を行い、覚書を締結した。"
     "覚書は両市町が2021年3月2日に調印した「友好交流に関する協定書」に基づくものである。", "ja", 1),
])
def test_a_document_signed_in_another_year_is_not_the_events(page, lang, count):
    # a sentence dating what it tells to another year speaks of that time, not of the event
    from tests.extract.document_helpers import summarise

    assert summarise(page).agreements == count


def test_a_signed_action_plan_or_roadmap_is_one_document():
    assert outcome("The two mayors signed an action plan for youth exchanges.")[0] == 1
    assert outcome("The delegations signed a trade roadmap for the next three years.")[0] == 1
    assert outcome("The mayors discussed a roadmap for tourism.")[0] is None


def test_a_document_the_sentence_says_was_not_signed_is_none():
    assert outcome("This year the two cities did not sign a memorandum at the fair.")[0] is None
    assert outcome("Local firms are planning to sign a contract with the visitors.")[0] is None
    assert outcome("This year the two cities signed a memorandum at the fair.")[0] == 1


@pytest.mark.parametrize("text, expected", [
    # the signing word may stand in the words before the document ("the signing of the agreement")
    ("The signing of the twinning agreement between Ufa and Xi'an took place at the city hall.", 1),
    # a charter signed is a document too, beside the agreement
    ("The signing of the charter and the signing of a trade agreement followed the speeches.", 2),
    ("A memorandum on youth exchanges was signed by the two mayors.", 1),
])
def test_one_document_signed_counts_one(text, expected):
    assert outcome(text)[0] == expected


def test_a_document_signed_years_ago_is_history_not_the_events():
    assert outcome("The mayors signed the sister-city agreement 30 years ago, and a copy hangs in the town hall.")[0] is None

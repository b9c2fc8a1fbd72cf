"""Money in English: $/US$/USD/yuan/RMB, bn/bln/million/m, qualifiers, (X U.S. dollars) restatements,
headline roundings, previous editions, prize money and the other amounts that are not deals."""
from __future__ import annotations

from functools import partial

import pytest

from orchestration.extract.money import find_money
from tests.extract.mentions import money_mentions, one_money

LANG = "en"


money = partial(money_mentions, lang=LANG)
one = partial(one_money, lang=LANG)


@pytest.mark.parametrize("text, amount, currency", [
    ("Contracts worth 12.6 billion yuan were signed.", 12.6e9, "CNY"),
    ("Contracts worth $25 bn were signed.", 25e9, "USD"),
    ("Contracts worth US$3 million were signed.", 3e6, "USD"),
    ("Contracts worth 39 bln USD were signed.", 39e9, "USD"),
    ("Contracts worth RMB 800 million were signed.", 800e6, "CNY"),
    ("Contracts worth $40m were signed.", 40e6, "USD"),
    ("Contracts worth 2.1 billion U.S. dollars were signed.", 2.1e9, "USD"),
    ("Contracts worth 450 million euros were signed.", 450e6, "EUR"),
    ("Contracts worth €1.2bn were signed.", 1.2e9, "EUR"),
    ("Contracts worth 3 trillion won were signed.", 3e12, "KRW"),
    ("Contracts worth 90 billion rubles were signed.", 90e9, "RUB"),
    ("Contracts worth five million dollars were signed.", 5e6, "USD"),
    ("Contracts worth Rs 640 crore were signed.", 6.4e9, "INR"),
    ("Contracts worth ₹1.8 lakh crore were signed.", 1.8e12, "INR"),
    ("Contracts worth Rs 3,75,400 were signed.", 375_400, "INR"),
    ("Contracts worth Rs 45,000 cr were signed.", 4.5e11, "INR"),
    # ISO 4217's names (pycountry) and the units only one currency bears
    ("Contracts worth one billion United States Dollars were signed.", 1e9, "USD"),
    ("Contracts worth 40 million Zambian kwacha were signed.", 40e6, "ZMW"),
    ("Contracts worth 300 million naira were signed.", 300e6, "NGN"),
    ("Contracts worth 2 billion rupiah were signed.", 2e9, "IDR"),
    ("Contracts worth N$75 million were signed.", 75e6, "NAD"),
    ("Contracts worth HK$600 million were signed.", 600e6, "HKD"),
    # a currency named with its country: Russia's and Belarus's roubles are two currencies
    ("Contracts worth 75 billion Russian rubles were signed.", 75e9, "RUB"),
    ("Contracts worth 30 million Belarusian roubles were signed.", 30e6, "BYN"),
    # signs that name one currency whatever the country of the report
    ("Contracts worth NT$900 million were signed.", 900e6, "TWD"),
    ("Contracts worth KSh 4 billion were signed.", 4e9, "KES"),
    ("Contracts worth R$ 75 million were signed.", 75e6, "BRL"),
    ("Contracts worth ₹450 million were signed.", 450e6, "INR"),
    # lettered symbols, with or without a space before the digits
    ("Contracts worth RM4.5 billion were signed.", 4.5e9, "MYR"),
    ("Contracts worth Tk 500 crore were signed.", 5e9, "BDT"),
    ("Deals worth Rp 12 trillion were signed.", 12e12, "IDR"),
    ("Deals worth ₦40 billion were signed.", 40e9, "NGN"),
    # a unit several countries bear is the one of the country the text names
    ("Moroccan and Spanish firms in Morocco signed deals worth 500 million dirhams.", 5e8, "MAD"),
    ("Turkmenistan's firms signed contracts worth 300 million manat.", 3e8, "TMT"),
])
def test_amounts_and_currencies(text, amount, currency):
    m = one(text)
    assert m.amount == pytest.approx(amount)
    assert m.currency == currency
    assert m.is_deal and m.deal_status == "signed"


@pytest.mark.parametrize("text, qualifier", [
    ("Deals worth over $2 billion were signed.", "over"),
    ("Deals worth more than $2 billion were signed.", "over"),
    ("Deals worth about $2 billion were signed.", "about"),
    ("Deals worth around $2 billion were signed.", "about"),
    ("Deals worth approximately $2 billion were signed.", "about"),
    ("Deals worth nearly $2 billion were signed.", "under"),
    ("Deals worth almost $2 billion were signed.", "under"),
    ("Deals worth less than $2 billion were signed.", "under"),
    ("Deals worth up to $2 billion were signed.", "up_to"),
    ("Deals worth $2 billion were signed.", "exact"),
])
def test_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


def test_parenthesised_conversion_inherits_the_qualifier():
    found = money("At the fair, more than 142.6 billion yuan (20.4 billion U.S. dollars) worth of deals were sealed.")
    assert [(m.amount, m.currency, m.qualifier) for m in found] == [
        (142.6e9, "CNY", "over"), (20.4e9, "USD", "over")]
    assert found[1].restates == 0


def test_headline_rounding_is_the_same_deal():
    text = ("Trade fair ends, 20 bln USD deals signed\n\n"
            "LANZHOU, July 9 (Xinhua) -- More than 142.6 billion yuan (20.4 billion U.S. dollars) worth of "
            "investment contracts were inked.")
    found = money(text)
    assert [m.restates for m in found] == [1, None, 1]


def test_previous_edition_is_not_a_deal():
    found = money("Contracts worth 31 billion yuan were signed. The previous fair saw 12 billion U.S. dollars "
                  "worth of contracts signed.")
    assert found[0].is_deal
    assert not found[1].is_deal and found[1].not_deal_reason == "previous_edition"


def test_up_from_last_year():
    found = money("Deals worth $3.4bn were signed at the forum, up from $2.8bn last year.")
    assert [m.is_deal for m in found] == [True, False]


def test_parts_of_a_total():
    text = ("Contracts worth 80 billion yuan were signed. A total of 20.5 billion yuan worth of contracts went to "
            "foreign firms, accounting for 25.6 percent of the total. Of which 3 billion yuan were signed online.")
    found = money(text)
    assert [m.part_of_total for m in found] == [False, True, True]
    assert all(m.is_deal for m in found)


def test_statuses():
    assert one("Investment under the deals is expected to reach $5 billion.").deal_status == "expected"
    assert one("Letters of intent worth $5 billion were signed.").deal_status == "intended"


@pytest.mark.parametrize("text, reason", [
    ("The winner will be awarded $25,000 in prize money.", "prize"),
    ("A purse of $150,000 is up for grabs at the city marathon", "prize"),
    ("Bilateral trade reached 240 billion U.S. dollars.", "trade_turnover"),
    ("The province's GDP grew to 1.3 trillion yuan.", "gdp"),
    ("The central parity rate of the yuan strengthened to 7.1 yuan per dollar.", "exchange_rate"),
    ("The city's budget for next year is 12 billion yuan.", "budget"),
    ("The mayor handed the visitors a cheque for €5,000 collected by local schools.", "donation"),
    # a total "as of" a date is a running total, not the event's
    ("As of the end of September, signed investment in the zone stood at $2.4 billion.", "cumulative"),
    ("Projects each worth over $100 million will get tax breaks.", "threshold"),
    # a floor every signed project clears sizes them, it is no sum of theirs
    ("The 12 contracts were all worth more than $50 million.", "threshold"),
    ("The port's import and export value stood at 31 billion yuan in May.", "trade_turnover"),
    ("Exhibitors signed import and export contracts worth $45 million with foreign buyers.", "trade_turnover"),
    ("The two mayors agreed to double joint investment to 3 billion yuan by 2030.", "forecast"),
    # a fund's record and the returns of one unit of money are no deals of the event
    ("The pension fund has invested more than 40 billion roubles in regional projects.", "cumulative"),
    ("Over the past year the agency signed deals worth $600 million with provinces.", "cumulative"),
    ("In recent years, companies from the two cities have signed deals worth $3 billion.", "cumulative"),
    ("So far this year, firms from the two cities have signed deals worth $3 billion.", "period_statistic"),
    ("The projects signed at the fair have an average investment of $20 million.", "generic"),
    ("Currently Japan imports about $900 million worth of goods from the state.", "trade_turnover"),
    ("For every dollar the state puts in, private lenders add roughly seven dollars.", "ratio"),
    # the capital a new company or fund holds is no deal
    ("The partners set up a joint venture with registered capital of $15 million.", "capital"),
    # an investor's standing in a city is a statistic of its stock, not a deal of the event
    ("Korea is the city's second largest investor, with 900 projects and investment capital of $6.2 billion.",
     "statistic"),
])
def test_amounts_that_are_not_deals(text, reason):
    found = money(text)
    assert found and not found[0].is_deal
    assert found[0].not_deal_reason == reason


def test_no_money_in_counts_and_furniture():
    text = ("Delegates from 42 countries attended, along with 5,310 professional buyers and 35,000 visitors. "
            "Updated: 2021-09-03 11:20. Call +86-991-1234567.")
    assert money(text) == []


def test_a_comparison_with_last_year_keeps_the_deal():
    assert one("Deals worth $5bn were signed at the annual expo, up 20 percent over last year.").is_deal


def test_awarded_contracts_are_deals():
    assert one("Contracts worth $2 billion were awarded to local builders.").is_deal


@pytest.mark.parametrize("text, amount, currency", [
    ("They signed a $1.5-billion deal.", 1.5e9, "USD"),
    ("Contracts worth RMB5 billion were signed.", 5e9, "CNY"),
    ("The province signed deals worth $1.2 billion (8.3 billion yuan).", 1.2e9, "USD"),
])
def test_written_forms(text, amount, currency):
    m = money(text)[0]
    assert (m.amount, m.currency, m.is_deal) == (pytest.approx(amount), currency, True)


def test_a_part_that_opens_the_next_sentence_shares_its_totals_standing():
    found = money_mentions("The provinces signed trade contracts worth 200 million dollars. Of these, machinery "
                           "accounted for 60 million dollars.", lang="en")
    assert [(m.is_deal, m.not_deal_reason) for m in found] == [(False, "trade_turnover")] * 2
    found = money_mentions("Firms signed investment deals worth 2 billion dollars. Of this sum, 500 million dollars "
                           "went to energy projects.", lang="en")
    assert [(m.is_deal, m.part_of_total) for m in found] == [(True, False), (True, True)]


def test_foreign_trade_contracts_are_not_deals():
    found = money_mentions("Firms signed foreign trade contracts worth 3.1 billion US dollars.", lang="en")
    assert found and not found[0].is_deal and found[0].not_deal_reason == "trade_turnover"


def test_the_plan_an_amount_beats_is_no_deal():
    signed, planned = money("Contracts worth $5 billion were signed instead of the planned $4 billion.")
    assert signed.is_deal and not planned.is_deal and planned.not_deal_reason == "forecast"


@pytest.mark.parametrize("text", [
    "Organisers had projected $60 million in orders and the show delivered $75 million in signed contracts.",
    "Contracts worth $75 million were signed, beating an estimate of $60 million.",
    "Contracts worth $75 million were signed; the target had been $60 million.",
])
def test_a_projection_or_target_beside_the_signed_sum_is_no_deal(text):
    assert [(m.amount, m.is_deal) for m in money(text)] == [(60e6, False), (75e6, True)] or \
        [(m.amount, m.is_deal) for m in money(text)] == [(75e6, True), (60e6, False)]


def test_memoranda_in_the_plural_make_their_value_a_deal():
    assert one("Nine MoUs valued at $140 million were exchanged between the chambers.").is_deal


def test_a_unit_two_currencies_share_is_the_currency_of_the_country_the_text_names():
    # "soms" is the Kyrgyz som by its ISO name and the Uzbek so'm as English news writes it
    uzbek = ("Uzbek and Chinese firms signed contracts worth 300 billion soms at the fair; Uzbekistan hopes to "
             "double the figure next year.")
    assert [(m.currency, m.amount) for m in money(uzbek)] == [("UZS", 300e9)]
    kyrgyz = "Kyrgyz exporters signed deals for 40 million soms in Bishkek, the capital of Kyrgyzstan."
    assert [m.currency for m in money(kyrgyz)] == ["KGS"]
    assert [m.currency for m in money("Traders signed deals for 40 million soms.")] == ["KGS"]


@pytest.mark.parametrize("text, lang", [
    ("The largest deal in recent years, worth $3 billion, was signed at the forum.", "en"),
    ("На форуме подписан крупнейший за последние годы контракт на 3 млрд рублей.", "ru"),
    ("论坛签约金额达120亿元，为近年来最多。", "zh"),
    ("近年まれに見る規模の契約300億円が調印された。", "ja"),
])
def test_a_record_of_recent_years_is_still_the_events_deal(text, lang):
    assert [m.is_deal for m in money_mentions(text, lang=lang)] == [True]


@pytest.mark.parametrize("text", [
    "The 2024 Harbour Machinery Expo has booked $3.1 billion in contracts so far, organisers said.",
    "Buyers signed $900 million in orders so far as the machinery fair came to a close on Sunday.",
])
def test_a_running_total_of_the_edition_named_by_its_year_or_closing_is_the_events(text):
    assert one(text).is_deal


def test_a_running_total_of_no_edition_is_still_cumulative():
    found = one("Companies from the two regions have signed $3.1 billion in contracts so far, the agency said.")
    assert not found.is_deal and found.not_deal_reason == "cumulative"


@pytest.mark.parametrize("text", [
    "At the forum, a total of 40 deals estimated at more than $12 billion were featured in the investor sessions.",
    "Agreements worth $5 billion were signed, while projects worth $3 billion were presented to investors.",
    "The forum drew on a pipeline of 90 projects worth $70 billion.",
])
def test_an_amount_its_own_clause_presents_is_no_deal(text):
    last = money(text)[-1]
    assert not last.is_deal and last.not_deal_reason == "presented"


def test_an_amount_signed_before_projects_are_presented_stays_a_deal():
    first = money("Contracts worth $5 billion were signed and new projects were showcased.")[0]
    assert first.is_deal


def test_a_sum_that_was_targeted_is_no_deal_beside_the_one_signed():
    found = money("We had targeted signing MoUs worth Rs 30,000 crore. However, MoUs worth Rs 45,000 crore were signed "
                  "at the summit, the chief minister said.")
    assert [(m.amount, m.is_deal) for m in found] == [(3e11, False), (4.5e11, True)]


def test_a_breakdown_that_opens_with_these_included_shares_its_totals_scope():
    text = ("Since the last summit, 9,000 projects with proposed investments of Rs 12.5 lakh crore were inked during "
            "the period between the two editions. These included 2,100 large proposals making an investment "
            "intention of Rs 9.1 lakh crore, and 6,900 pacts envisaging capital infusion of Rs 3.4 lakh crore.")
    assert [m.is_deal for m in find_money(text, "en")] == [False, False, False]

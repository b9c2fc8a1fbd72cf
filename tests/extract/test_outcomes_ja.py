"""Outcomes in Japanese: how many agreements an event produced and which amounts are its deals, by construction
(N件の…, …はN件, 約N件, N件以上, enumerations closed by など; running totals, earlier editions, targets, purchases,
sales, presented projects, exchange-rate asides, myriad units, restatements in yen, parts of a total)."""
from __future__ import annotations

import pytest

from orchestration.extract.counts import find_agreement_counts
from orchestration.extract.money import find_money
from orchestration.extract.roles.context import Context
from orchestration.extract.roles.outcomes import agreement_count_row, money_rows
from orchestration.extract.text import split_sentences

LANG = "ja"


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
    ("会期中に45件の協力協定が締結された。", (45, "agreements", "exact")),
    ("署名済みの案件は約60件に上った。", (60, "projects", "about")),
    ("見本市で結ばれた契約は120件以上となった。", (120, "contracts", "over")),
    ("両市の企業が交わした覚書は18件だった。", (18, "memoranda", "exact")),
    ("交流会では30件余りの商談がまとまった。", (30, "deals", "over")),
    ("25件以上の技術移転、人材育成、共同研究などの協力協定が結ばれた。", (25, "agreements", "over")),
    ("9の共同研究プロジェクトが契約された。", (9, "projects", "exact")),
    # the topic names what is counted, a clause on the figure between
    ("商談会の成約件数は前年を上回る84件だった。", (84, "deals", "exact")),
    # the amount of the same documents between the count and their noun
    ("会期中に33件、総額150億円の投資契約が結ばれた。", (33, "contracts", "exact")),
])
def test_counts_of_signed_documents(text, expected):
    assert counts(text) == [expected]


@pytest.mark.parametrize("text", [
    "博覧会には150社が出展し、40の国と地域から来場者が訪れた。",
    "会場では200件近くの新技術プロジェクトが紹介された。",
    "これまでに累計で800件の協定が結ばれている。",
    "前回の博覧会では90件の契約が締結された。",
    "来年は100件の契約締結を目指す。",
    "過去5年間で両国の都市は70の姉妹都市関係を結んだ。",
    "第1回以来、合わせて600件の協定が締結された。",
])
def test_what_is_not_the_events_count(text):
    assert counts(text) == []


def test_a_running_total_of_the_events_own_days_is_its_count():
    assert counts("会期中の累計で52件の契約が締結された。") == [(52, "contracts", "exact")]


def test_the_largest_count_of_the_body_and_the_headline_fallback():
    assert outcome("展示会には300社が参加し、15件の協力協定が締結された。")[0] == 15
    assert outcome("博覧会が開かれた。", title="博覧会閉幕、契約40件")[0] == 40


def test_coordinated_counts_of_one_kind_are_added():
    assert outcome("式典では3件の友好都市協定と2件の姉妹都市協定が締結された。")[0] == 5


# ------------------------------------------------------------------------------------------------- money

@pytest.mark.parametrize("text, expected", [
    ("契約総額は2036億8000万元に達した。", (203_680_000_000, "CNY", "exact")),
    ("締結された契約の総額は約3兆1000億円だった。", (3.1e12, "JPY", "about")),
    ("成約額は5億6000万ドルを超えた。", (5.6e8, "USD", "over")),
    ("調印された協定の投資額は840万ユーロだった。", (8.4e6, "EUR", "exact")),
])
def test_amounts_of_deals_in_full_units(text, expected):
    assert deals(text) == [expected]


def test_an_exchange_rate_aside_is_no_deal_and_leaves_the_qualifier_to_its_amount():
    found = find_money("博覧会の契約総額は4200億元（1元＝約21円）を超えた。", LANG)
    assert [(m.amount, m.currency, m.is_deal) for m in found] == [(4.2e11, "CNY", True), (1, "CNY", False),
                                                                  (21, "JPY", False)]
    assert found[0].qualifier == "over"
    assert found[1].not_deal_reason == found[2].not_deal_reason == "exchange_rate"
    found = find_money("契約総額は350億元（1元は約20円）に達した。", LANG)
    assert [m.is_deal for m in found] == [True, False, False]


def test_a_restatement_in_yen_is_the_same_deal():
    found = find_money("見本市での契約額は820億元(約1兆6000億円)となった。", LANG)
    assert [(m.is_deal, m.restates) for m in found] == [(True, None), (True, 0)]


@pytest.mark.parametrize("text, reason", [
    ("博覧会の累計の契約額は1兆2000億元に上る。", "cumulative"),
    ("創設以来の契約総額は9000億元に達した。", "cumulative"),
    ("前回の博覧会では契約額が620億元だった。", "previous_edition"),
    ("会場での購入意向金額は3億4000万元だった。", "procurement"),
    ("会期中の売上高は1億2000万元だった。", "sales"),
    ("契約額は年内に800億円に達する見込みだ。", "forecast"),
    ("同省は120件の重点プロジェクトを紹介し、投資総額は3500億元に達した。", "presented"),
])
def test_amounts_that_are_not_the_events_deals(text, reason):
    found = find_money(text, LANG)
    assert [(m.is_deal, m.not_deal_reason) for m in found] == [(False, reason)]


def test_a_range_is_its_lower_bound():
    assert deals("契約額は40～50億元に達した。") == [(4e9, "CNY", "over")]


def test_deals_of_the_event_with_parts_and_statistics():
    n, found = outcome("今回の交流会で締結された契約は86件、契約総額は360億元に達した。このうち外資企業との契約額は"
                       "120億元だった。会場の来場者は累計2万人で、展示品の売上高は4億元だった。")
    assert n == 86
    assert found == [(36e9, "CNY", "exact", False), (12e9, "CNY", "exact", True)]


def test_the_ending_of_a_word_is_no_qualifier():
    assert counts("見本市閉幕、契約40件。") == [(40, "contracts", "exact")]


def test_a_word_of_the_previous_edition_qualifies_the_first_figure_after_it():
    found = find_money("前回の契約額500億元を大きく上回る800億元の契約が結ばれた。", LANG)
    assert [(m.amount, m.is_deal) for m in found] == [(5e10, False), (8e10, True)]
    assert find_money("契約額は前回の1.5倍となる1200億元に達した。", LANG)[0].is_deal


@pytest.mark.parametrize("text, expected", [
    ("両国の企業は協力協定を15件締結した。", (15, "agreements", "exact")),
    ("48件に上る契約が結ばれた。", (48, "contracts", "exact")),
    ("協定・契約の締結は計40件となった。", (40, "deals", "exact")),
])
def test_the_object_particle_a_relative_phrase_and_a_noun_left_out(text, expected):
    assert counts(text) == [expected]


# ------------------------------------------------------------------------------------------------ 二回目

def test_counts_of_other_years_in_one_sentence_are_not_added():
    text = "今回は80件の協定が締結された。2019年の会議では40件の協定、2021年は55件の協定が結ばれた。"
    assert outcome(text)[0] == 80


def test_a_part_of_a_total_that_is_no_deal_is_no_deal_either():
    text = "会場での売上高は9億円で、うち海外客向けの成約額は3億円だった。"
    assert outcome(text)[1] == []


def test_export_transactions_of_a_fair_are_sales():
    assert deals("見本市での輸出成約額は40億ドルとなった。") == []


def test_an_estimate_of_what_was_reached_is_a_result_not_a_plan():
    assert counts("主催者によると、契約件数は300件を超えた見込みだ。") == [(300, "contracts", "over")]
    assert deals("成約額は50億円以上に達した見込みだ。") == [(5e9, "JPY", "over")]
    assert deals("成約額は50億円に達する見込みだ。") == []


def test_expected_contracts_named_beside_the_signed_ones_leave_the_signed_count():
    # 見込み as a noun counts other contracts; as the predicate it would make the count a plan
    assert counts("商談会での契約件数が31件、契約見込みが140件に上った。") == [(31, "contracts", "exact")]
    assert counts("商談会では31件の契約が結ばれる見込みだ。") == []


def test_a_figure_of_another_edition_named_by_its_ordinal():
    text = "第7回港湾見本市が閉幕し、45件の協定が締結された。第6回では60件の協定が結ばれ、契約額は30億円だった。"
    assert outcome(text) == (45, [])


def test_a_document_signed_without_a_number_is_one_unless_a_word_makes_it_several():
    # Japanese nouns do not show the plural: a document noun signed with no number is one, different nouns are more
    assert outcome("両市の市長が友好協定に調印した。")[0] == 1
    assert outcome("両市は友好都市協定書と観光協力覚書に署名した。")[0] == 2
    assert outcome("両市は観光や教育など一連の協定に調印した。")[0] is None
    # など and それぞれ qualify other things when they stand away from the document noun
    assert outcome("両市は観光や教育など幅広い分野で協力することで合意し、市長が友好協定書に調印した。")[0] == 1
    assert outcome("両市の市長がそれぞれ歓迎の挨拶を述べ、記念撮影の後に協議書を取り交わした。")[0] == 1
    assert outcome("両市は友好協定書などに調印した。")[0] is None
    # a vague number of them: how many is not said
    assert outcome("商談会では両国の企業が数十の協定と契約に調印した。")[0] is None
    # a document named but not signed, or to be signed later
    assert outcome("記者会見で合意書の内容が説明された。")[0] is None
    assert outcome("両市は来年、友好協定に調印する予定だ。")[0] is None


def test_trade_contracts_of_a_fair_are_trade_not_deals():
    assert deals("対外貿易契約額は5億ドル、国内貿易契約額は9億元だった。") == []


def test_a_document_the_sentence_says_was_not_signed_is_none():
    assert outcome("今年の会議では友好協定の締結は見送られた。")[0] is None
    assert outcome("今年の会議では友好協定を締結した。")[0] == 1


def test_documents_listed_one_by_one_under_their_titles_are_counted_though_each_side_signs_one():
    text = "式典では、市がそれぞれ物流会社と「物流拠点協力協定」を、電力会社と「再生可能エネルギー協定」を締結した。"
    assert outcome(text)[0] == 2


def test_a_signed_confirmation_or_pledge_is_one_document_and_one_signed_decades_ago_is_history():
    assert outcome("記念式典で、両市長は交流の継続を誓う再確認書に署名した。")[0] == 1
    assert outcome("市役所には、40年前に交わした盟約書が展示されていた。")[0] is None

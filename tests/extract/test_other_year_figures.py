"""A sentence that an earlier year opens ("In 2021, …") tells that year: its counts and sums are not the event's.
A year further into a sentence, or the start of a span up to now ("since 2015"), dates only a part of it."""
import pytest

from tests.extract.document_helpers import summarise


def _outcomes(text: str) -> tuple[int | None, list[float]]:
    summary = summarise(text)
    return summary.agreements, sorted(amount for amount, *_ in summary.deals)


EARLIER_YEAR_OPENS = [
    ("en", "Trade forum closes in Kazan\nThe investment forum closed in Kazan on 5 June 2024. In 2021, 40 agreements "
           "worth $3 billion were signed at the forum. This year 12 agreements worth $1 billion were signed.",
     12, [1e9]),
    ("ru", "Форум завершился в Казани\nИнвестиционный форум завершился в Казани 5 июня 2024 года. В 2021 году на "
           "форуме подписали 40 соглашений на 3 млрд рублей. В этом году подписано 12 соглашений на 1 млрд рублей.",
     12, [1e9]),
    ("ja", "金沢で交流会議\n交流会議は2024年6月5日に金沢市で開かれた。2021年には会議で40件の協定が結ばれ、総額は30億円だった。"
           "今回は12件の協定が締結され、総額は10億円に上った。",
     12, [1e9]),
    ("zh", "大连经贸洽谈会闭幕\n经贸洽谈会于2024年6月5日在大连闭幕。2021年，洽谈会签约项目40个，金额30亿元。"
           "本届洽谈会共签约项目12个，签约金额10亿元。",
     12, [1e9]),
]


@pytest.mark.parametrize("lang,text,count,deals", EARLIER_YEAR_OPENS)
def test_figures_of_a_sentence_an_earlier_year_opens_are_not_the_events(lang, text, count, deals):
    assert _outcomes(text) == (count, deals)


YEAR_DATES_ONLY_A_PART = [
    ("en", "Trade forum closes in Kazan\nThe investment forum closed in Kazan on 5 June 2024. The forum, first held "
           "in 2015, saw 12 agreements signed this year.", 12),
    ("en", "Trade forum closes in Kazan\nThe investment forum closed in Kazan on 5 June 2024. Since 2015 the "
           "forum has doubled in size, and this year 12 agreements were signed.", 12),
    ("ru", "Форум завершился в Казани\nИнвестиционный форум завершился в Казани 5 июня 2024 года. С 2015 года форум "
           "вырос вдвое, и в этом году на нём подписано 12 соглашений.", 12),
    ("zh", "大连经贸洽谈会闭幕\n经贸洽谈会于2024年6月5日在大连闭幕。自2015年以来，洽谈会规模不断扩大，本届共签约项目12个。", 12),
]


@pytest.mark.parametrize("lang,text,count", YEAR_DATES_ONLY_A_PART)
def test_a_year_that_dates_only_part_of_a_sentence_keeps_its_count(lang, text, count):
    assert _outcomes(text)[0] == count


def test_the_sentence_that_dates_the_event_is_never_another_years():
    text = ("Forum in Kazan\nIn 2024, the forum opened in Kazan on 5 June, and 12 agreements worth $1 billion were "
            "signed. In 2023, 30 agreements were signed.")
    assert _outcomes(text) == (12, [1e9])


UNDATED_REPORTS = [
    ("en", "Forum in Tashkent\nTwelve agreements worth $2 billion were signed at the investment forum in Tashkent. "
           "In 2023, 40 agreements worth $5 billion were signed at the forum.", 12, [2e9]),
    ("ru", "Форум в Ташкенте\nНа инвестиционном форуме в Ташкенте подписано 12 соглашений на 2 млрд долларов. "
           "В 2023 году в рамках форума было подписано 40 документов на 5 млрд долларов.", 12, [2e9]),
    ("zh", "塔什干论坛\n投资论坛在塔什干举行，签约项目12个，金额20亿美元。2023年，论坛签约项目40个，金额50亿美元。", 12, [2e9]),
    ("ja", "タシケントでフォーラム\nタシケントの投資フォーラムで12件の協定が結ばれ、総額は20億ドルだった。"
           "2023年にはフォーラムで40件の協定が結ばれ、総額は50億ドルだった。", 12, [2e9]),
]


@pytest.mark.parametrize("lang,text,count,deals", UNDATED_REPORTS)
def test_a_report_without_its_events_year_still_leaves_out_another_years_figures(lang, text, count, deals):
    assert _outcomes(text) == (count, deals)


@pytest.mark.parametrize("lang,text", [
    ("zh", "友城庆典\n庆祝两市缔结友好城市二十周年的庆典在松山市举行。两市市长签署了2015年度友好交流协议书。"),
    ("ja", "友好都市記念式典\n友好都市締結20周年の記念式典が松山市で開かれた。両市長が2015年度交流協定書に署名した。"),
])
def test_a_year_inside_a_chinese_or_japanese_clause_dates_only_its_noun(lang, text):
    assert _outcomes(text)[0] == 1


YEAR_CARRIED_THROUGH_ITS_PARAGRAPH = [
    ("en", "Summit opens in Kazan\nThe 8th sister cities summit opened in Kazan on 12 May 2024. In 2018 the summit "
           "drew 400 guests from 20 countries. Forty agreements were signed.{sep}Twelve agreements were signed by "
           "the delegations."),
    ("ru", "Саммит открылся в Казани\nВосьмой саммит городов-побратимов открылся в Казани 12 мая 2024 года. В 2018 "
           "году саммит собрал 400 гостей из 20 стран. Было подписано 40 соглашений.{sep}Делегации подписали 12 "
           "соглашений."),
    ("ja", "カザンで姉妹都市サミット\n第8回姉妹都市サミットが2024年5月12日、カザンで開幕した。2018年のサミットには20か国から400人が"
           "参加した。40件の協定が締結された。{sep}各代表団は12件の協定に調印した。"),
    ("zh", "友好城市峰会在喀山开幕\n第八届友好城市峰会2024年5月12日在喀山开幕。2018年峰会吸引了20个国家的400名嘉宾。共签署协议40项。"
           "{sep}峰会期间，各代表团共签署合作协议12项。"),
]


@pytest.mark.parametrize("lang,text", YEAR_CARRIED_THROUGH_ITS_PARAGRAPH)
def test_an_earlier_year_that_opens_a_sentence_dates_the_rest_of_its_paragraph(lang, text):
    assert _outcomes(text.format(sep=" "))[0] is None
    assert _outcomes(text.format(sep="\n"))[0] == 12


@pytest.mark.parametrize("text", [
    "Deals at the ‘Baltic 2019’ forum\nThe “Baltic 2019” forum, which closed on Friday, ended with 14 agreements "
    "worth $2 billion.",
    "Итоги форума «Балтика-2019»\n«Балтика-2019» завершилась в пятницу: на форуме подписано 14 соглашений на "
    "2 млрд долларов.",
])
def test_a_year_inside_the_events_quoted_name_dates_no_other_time(text):
    # the year names the edition; a report that gives no date keeps the figures the name's sentence tells
    assert _outcomes(text) == (14, [2e9])


@pytest.mark.parametrize("lang, text, deals", [
    ("en", "Trade fair opens in Kunming\nThe trade fair opened in Kunming on 3 June 2024. At last year's fair, on-site "
           "sales topped 20 million yuan, contracts reached 600 million yuan and investment pledges 2 billion yuan. "
           "This year contracts worth 900 million yuan were signed on the first day.", [9e8]),
    ("ru", "Ярмарка открылась в Казани\nЯрмарка открылась в Казани 3 июня 2024 года. В прошлом году на ярмарке компании "
           "заключили контракты на 5 млрд рублей, соглашения на 8 млрд рублей и меморандумы на 2 млрд рублей. "
           "В первый день подписаны контракты на 3 млрд рублей.", [3e9]),
    ("ja", "昆明で博覧会開幕\n博覧会は2024年6月3日に昆明市で開幕した。昨年の博覧会では現場での取引額は2000万元を上回り、"
           "契約金額は6億元、投資意向額は20億元に達した。初日には9億元の契約が締結された。", [9e8]),
])
def test_every_figure_of_a_sentence_an_earlier_edition_opens_is_that_editions(lang, text, deals):
    assert _outcomes(text)[1] == deals


def test_a_figure_after_a_comparison_with_the_earlier_edition_is_the_events():
    text = ("福島で商談会\n商談会は2024年6月3日に福島市で開かれた。成約額は4億円で、前年度の2億1500万円を上回り、"
            "過去3カ年度の合計成約額約7億円に迫った。")
    assert _outcomes(text)[1] == [4e8]

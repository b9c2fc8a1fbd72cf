"""Reports of events the lexicon has no proper name for, and cues that may sit in the headline only.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from orchestration.extract.events import find_events
from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("text,lang,event_type", [
    ("第九届茶博会在福州开幕", "zh", "expo"),  # "X博会": an abbreviated expo of any name
    ("第五届农交会在长沙举行", "zh", "expo"),  # "X交会": an abbreviated trade fair
    ("第12回国際商品交易会が大連で開幕した", "ja", "expo"),
    ("環境技術フェアが横浜で開かれた", "ja", "expo"),
    ("Онлайн-форум породнённых городов прошёл в среду", "ru", "forum"),
    ("An investment round table took place in Almaty", "en", "exchange_meeting"),
    ("Телемост связал студентов Томска и Харбина 5 июня", "ru", "video_conference"),
    # the celebration of a twinning's anniversary is a sister-city meeting
    ("Celebrations marking ten years of the twinning of Perth and Nanjing took place on 2 May", "en",
     "exchange_meeting"),
    ("Празднование юбилея побратимства Омска и Нанкина прошло 2 мая", "ru", "exchange_meeting"),
    ("结好10周年庆祝活动5月2日在南京举行", "zh", "exchange_meeting"),
    ("姉妹都市提携10周年記念式典が5月2日に開かれた", "ja", "exchange_meeting"),
    ("The Shenzhen Innovation Week opened on 4 May", "en", "other"),
])
def test_generic_event_nouns(text, lang, event_type):
    assert event_type in {e.event_type for e in find_events(text, lang)}


@pytest.mark.parametrize("text,lang", [
    ("市議会議長と市議会議員が姉妹都市を訪問した。", "ja"),  # 議会 + 議長: no 会議 (meeting) in it
    ("市议会议长和议会议员访问了友好城市。", "zh"),
])
def test_a_council_chairman_is_no_meeting(text, lang):
    assert not [e for e in find_events(text, lang) if e.event_type == "conference"]


def test_the_said_meeting_is_an_event_only_if_what_it_refers_to_is_one():
    race = "那覇市のマラソン大会には台湾からの選手も参加した。同大会は交流の場となっている。"
    forum = "第5回日中経済交流大会が那覇市で開かれた。同大会では協定が結ばれた。"
    assert find_events(race, "ja") == []
    assert "同大会" in {e.name for e in find_events(forum, "ja")}


def test_a_cooperation_cue_in_the_headline_is_enough():
    page = ("Во Владимире открылся международный экономический форум\n"
            "Форум открылся 14 июня 2023 года во Владимире, в нём участвуют гости из 12 стран.")
    summary = summarise(page)
    assert summary.relevant and summary.host == "Vladimir"


def test_a_city_that_hosts_in_apposition_is_the_host():
    page = ("Expo preview\n"
            "Kunming, the capital of southwest China's Yunnan province, hosts the 8th South Asia Expo from "
            "August 16 to 20, 2024, with exhibitors from 15 countries expected.")
    summary = summarise(page)
    assert summary.relevant and summary.host == "Kunming"


def test_a_russian_city_that_will_host_the_event_hosts_it():
    page = ("Анонс выставки\n"
            "Казань примет международную выставку «Агропром» 5–7 апреля 2024 года, участие подтвердили фирмы "
            "из Китая и Узбекистана.")
    summary = summarise(page)
    assert summary.relevant and summary.host in ("Kazan", "Kazan'")


@pytest.mark.parametrize("page", [
    "第3回全国ジュニア競技大会が札幌で開幕\n第3回全国ジュニア競技大会が2月5日、札幌市で開幕した。海外からも選手が参加し、交流を深めた。",
    "城市马拉松开跑\n2023年4月9日，第五届国际城市马拉松在合肥举行，来自12个国家的选手参加比赛，促进体育交流。",
    "Chess championship opens\nThe international chess championship opened in Kazan on 3 May 2022 with players from 20 countries.",
    "Турнир открылся в Омске\nМеждународный турнир по борьбе открылся в Омске 4 марта 2023 года, участвуют спортсмены 9 стран.",
])
def test_sport_events_are_no_cooperation_events(page):
    assert not summarise(page).relevant


def test_a_language_without_lexicons_is_not_extracted():
    from orchestration.extract.pipeline import extract_document

    result = extract_document("d", "Die Messe in Hamburg wurde am 3. Mai 2023 eröffnet.", "de")
    assert not result.is_relevant and result.relevance_reason == "unsupported_language"


@pytest.mark.parametrize("page,lang", [
    ("Governor signs export accord\nOn 4 May 2022 the governor signed an export agreement with the province of "
     "Jiangsu, worth 50 million dollars.", "en"),
    ("Мэры подписали соглашение\nМэры Томска и Харбина 12 мая 2022 года подписали соглашение о побратимстве.", "ru"),
    ("两市签署友好城市协议\n2023年5月9日，沈阳市与明斯克市签署友好城市关系协议书。", "zh"),
    ("姉妹都市協定を締結\n2019年4月2日、札幌市と大田広域市が姉妹都市協定を締結した。", "ja"),
    # 交わす: documents exchanged are signed; words exchanged are talks (below)
    ("環境協力で覚書\n2021年6月17日、北九州市と大連市が環境分野での協力に関する覚書を交わした。", "ja"),
])
def test_a_lead_that_signs_an_agreement_reports_a_signing(page, lang):
    summary = summarise(page)
    assert summary.relevant and summary.event["event_type"] == "signing"


def test_an_english_name_reached_only_through_a_foreign_alternate_is_no_town():
    from orchestration.extract.places import find_places

    text = "Dr. Mei Chang founded the firm, which signed a deal with partners in Hebei."
    assert [p.city for p in find_places(text, "en") if p.kind == "city"] == []


@pytest.mark.parametrize("page, lang", [
    ("Mayor meets consul\nThe mayor of Tomsk met the consul general on 3 May 2024. At the meeting, they discussed "
     "trade and student exchanges.", "en"),
    ("Губернатор встретился с послом\nГубернатор Омской области провёл встречу с послом Казахстана 3 мая 2024 года. "
     "На встрече обсудили торговое сотрудничество.", "ru"),
])
def test_a_report_whose_only_event_is_a_bare_meeting_reports_no_cooperation_event(page, lang):
    summary = summarise(page)
    assert not summary.relevant and summary.reason == "generic_event_only"


def test_words_exchanged_are_no_signing():
    assert not summarise("市長会談\n2021年6月17日、北九州市長と大連市長が環境協力について意見を交わした。").relevant


def test_a_bare_meeting_that_signs_agreements_is_still_a_report():
    page = ("Kazan and Wuhan sign three agreements\nThe mayors of Kazan and Wuhan signed three cooperation "
            "agreements on 3 May 2024. At the meeting, they also discussed flights.")
    assert summarise(page).relevant


def test_two_events_held_together_under_one_chinese_name_take_the_first_ones_kind():
    page = ("第二届中国—中亚农业博览会暨中亚农业合作论坛在西安开幕\n"
            "第二届中国—中亚农业博览会暨中亚农业合作论坛5月20日在西安开幕，各方签署合作协议12项。")
    assert summarise(page).event["event_type"] == "expo"


@pytest.mark.parametrize("page, lang, host, past", [
    ("亚欧商品博览会在乌鲁木齐开幕\n2023年8月17日，第八届亚欧商品博览会在乌鲁木齐开幕，来自30个国家的企业参展。"
     "博览会此前先后在兰州、西宁、银川等地举办，累计吸引数十万客商。", "zh", "Ürümqi", {"Lanzhou", "Xining", "Yinchuan"}),
    ("地方政府合作论坛在青岛举行\n2022年6月9日，第三届地方政府合作论坛在青岛举行。论坛已在大连和天津举办两届。",
     "zh", "Qingdao", {"Dalian", "Tianjin"}),
    ("Regional forum opens in Kazan\nThe regional cooperation forum opened in Kazan on 12 May 2023. "
     "The forum has been held four times, in Ufa, Samara and Perm before.", "en", "Kazan", {"Ufa", "Samara", "Perm"}),
    ("В Казани открылся форум сотрудничества регионов\nФорум сотрудничества регионов открылся в Казани 12 мая "
     "2023 года. Ранее форум уже проводился три раза — в Уфе, Самаре и Перми.", "ru", "Kazan", {"Ufa", "Samara", "Perm"}),
    # a sentence that names two editions of the series is its history
    ("日中市長会議が新潟で開幕\n2023年10月5日、日中市長会議が新潟市で開幕し、ハルビン市の代表団が出席した。"
     "会場には第1回会議(大連)から第15回会議(瀋陽)までの写真が展示された。", "ja", "Niigata", {"Dalian", "Shenyang"}),
])
def test_the_cities_of_earlier_editions_take_no_part(page, lang, host, past):
    # a sentence that recounts where the series was held before is background, not this edition's
    summary = summarise(page)
    assert summary.host == host
    assert not summary.partners & past


@pytest.mark.parametrize("page, lang", [
    ("В Омск приехали побратимы\nВ Омск прибыла делегация из города-побратима Гродно. Встреча прошла в мэрии, "
     "гостей приветствовал мэр Омска 12 мая 2023 года.", "ru"),
    ("Twin town guests welcomed\nA delegation from our twin town of Annecy arrived in Yeovil on 12 May 2023. "
     "The meeting took place at the town hall.", "en"),
])
def test_a_meeting_of_twin_towns_is_a_cooperation_event(page, lang):
    assert summarise(page).relevant


def test_a_named_kind_of_event_beside_a_bare_meeting_is_the_event():
    page = ("Университеты провели видеосвязь\n5 июня 2022 года в Томском университете прошла встреча с коллегами "
            "из Харбина. Встреча прошла в формате видеоконференции, стороны обсудили сотрудничество.")
    summary = summarise(page)
    assert summary.relevant and summary.event["event_type"] == "video_conference"


def test_an_anniversary_word_alone_names_no_event():
    # «юбилейный» qualifies a forum or a medal; the forum stays one event of its own kind
    assert [e.event_type for e in find_events("Юбилейный пятый форум регионов открылся в Омске", "ru")] == ["forum"]
    assert find_events("Юбилейную медаль вручили мэру", "ru") == []


@pytest.mark.parametrize("page, lang", [
    ("Побратимы провели форум\n14 мая 2024 года в Гомеле прошёл форум городов-побратимов. Напомним, соглашение "
     "о побратимстве Гомель и Тула подписали в Туле.", "ru"),
    ("Twin towns hold a forum\nA forum of twin towns took place in Yeovil on 14 May 2024. As previously reported, "
     "the twinning agreement with Annecy was signed in Taunton.", "en"),
])
def test_what_the_writer_recalls_is_background(page, lang):
    summary = summarise(page)
    assert summary.date[:3] == (2024, 5, 14) and summary.agreements is None
    assert not summary.partners & {"Tula", "Taunton"}


@pytest.mark.parametrize("page, lang", [
    ("Гости из Гродно\nДелегация города-побратима Гродно во главе с мэром прибыла в Омск 12 июня 2024 года на "
     "празднование Дня города.", "ru"),
    ("Visit from Kanazawa\nA delegation from our sister city Kanazawa, led by its mayor, arrived in Omaha on "
     "12 June 2024 for the city's festival.", "en"),
    ("金沢市から訪問団\n姉妹都市の金沢市から市長を団長とする訪問団が2024年6月12日、市役所を訪れた。", "ja"),
    ("大分市代表团访汉\n2024年6月12日，友好城市大分市市长率代表团访问武汉。", "zh"),
])
def test_a_twin_towns_delegation_visit_is_a_sister_city_meeting(page, lang):
    summary = summarise(page)
    assert summary.relevant and summary.event["event_type"] == "exchange_meeting"
    assert summary.date[:3] == (2024, 6, 12)


def test_a_delegation_with_no_twin_town_is_no_event():
    assert not summarise("Делегация в Омске\nДелегация министерства прибыла в Омск 12 июня 2024 года.").relevant


@pytest.mark.parametrize("page, lang", [
    ("Governor cancels trade fair\nThe governor of Perm cancelled the regional trade fair planned for 12-14 May "
     "because of flooding. Exhibitors will get their fees back.", "en"),
    ("Форум в Томске отменён\nМеждународный форум «Сибирь–Азия», намеченный на 12-14 мая, отменён из-за паводка. "
     "Участникам вернут взносы.", "ru"),
    ("洪水で見本市が中止に\n5月12日から開催予定だった国際見本市は、洪水のため中止となった。出展料は返金される。", "ja"),
    ("博览会因洪水取消\n原定于5月12日开幕的国际博览会因洪水取消,参展费用将予退还。", "zh"),
])
def test_an_event_the_lead_calls_off_is_not_reported_as_held(page, lang):
    summary = summarise(page)
    assert not summary.relevant and summary.reason == "event_called_off"


@pytest.mark.parametrize("page, lang", [
    ("The fair opens after two years\nThe trade fair, cancelled in 2021 and 2022, opened in Perm on 12 May 2024 "
     "with 300 exhibitors. Buyers signed 40 contracts.", "en"),
    ("Форум открылся в Томске\nПеренесённый с весны форум «Сибирь–Азия» открылся в Томске 12 октября 2024 года. "
     "Подписано 15 соглашений.", "ru"),
])
def test_an_event_held_after_a_postponement_is_reported(page, lang):
    assert summarise(page).relevant


def test_a_twin_towns_visit_in_the_lead_is_the_event_beside_later_bare_meetings():
    page = ("Guests from the twin town\nA delegation from Lahti, Omaha's sister city in Finland, will be in Omaha on "
            "June 12 and 13, 2024. The mayor will welcome the guests at City Hall. Meetings with local firms are "
            "also planned.")
    summary = summarise(page)
    assert summary.relevant and summary.event["event_name"] == "delegation"
    assert summary.date[:6] == (2024, 6, 12, 2024, 6, 13)


@pytest.mark.parametrize("page, lang", [
    ("姉妹都市提携30周年訪問団\n2024年6月12日から15日まで、市長を団長とする訪問団を姉妹都市ペンサコーラ市に派遣しました。"
     "現地で歓迎を受けました。", "ja"),
    ("30-летие побратимства: делегация в Коломне\nС 12 по 15 июня 2024 года делегация города-побратима Калиша "
     "посетила Коломну.", "ru"),
])
def test_the_anniversary_of_a_signing_is_no_signing_and_the_visit_is_the_event(page, lang):
    summary = summarise(page)
    assert summary.relevant and summary.event["event_type"] == "exchange_meeting"
    assert summary.date[:6] == (2024, 6, 12, 2024, 6, 15)


@pytest.mark.parametrize("page, lang", [
    ("Council suspends twinning\nThe city council voted on 3 March 2022 to suspend its sister city relationship "
     "with Tver. At the meeting, the mayor said the decision was hard.", "en"),
    ("Побратимство приостановлено\nГородская дума 3 марта 2022 года приостановила побратимские связи с городом "
     "Тарту. Решение принято на совещании депутатов.", "ru"),
])
def test_a_twinning_the_lead_suspends_reports_no_event(page, lang):
    summary = summarise(page)
    assert not summary.relevant and summary.reason == "event_called_off"


def test_a_twinning_resumed_with_a_visit_is_reported():
    page = ("Twin towns meet again\nThe sister city relationship between Perth and Kagoshima, suspended during the "
            "pandemic, resumed on 12 May 2024 when a delegation from Kagoshima arrived in Perth.")
    assert summarise(page).relevant


def test_a_word_that_begins_like_a_severance_is_none():
    page = ("Sister cities celebrate\nSeveral sister cities of Chicago met at a conference in Chicago on 23 October "
            "2015 to mark thirty years of ties.")
    assert summarise(page).relevant


@pytest.mark.parametrize("page", [
    "Regions agree on tourism\nAt the border regions' cooperation forum, the two governors signed several agreements on "
    "tourism and grain trade.",
    "Области договорились о туризме\nНа форуме приграничного сотрудничества губернаторы двух областей подписали ряд "
    "соглашений о туризме и торговле зерном.",
    "两省商定旅游合作\n在边境地区合作论坛上,两省负责人签署了多项旅游和粮食贸易合作协议。",
    "両県が観光で合意\n国境地域協力フォーラムで両県の知事が観光と穀物貿易に関する複数の協定に調印した。",
    # the signing in the headline, the event in the text
    "Two regions signed agreements on tourism\nThe border regions' cooperation forum brought the two governors together.",
])
def test_a_signing_at_the_event_is_a_fact_of_the_report_without_date_place_or_count(page):
    summary = summarise(page)
    assert summary.relevant and summary.event is not None and summary.agreements is None


@pytest.mark.parametrize("page", [
    "Regions look to tourism\nAt the border regions' cooperation forum, the two governors spoke about tourism.",
    "两省关注旅游\n在边境地区合作论坛上,两省负责人谈到了旅游合作。",
])
def test_an_event_that_the_text_gives_no_date_place_signing_or_outcome_reports_nothing(page):
    summary = summarise(page)
    assert not summary.relevant and summary.reason == "no_event_facts"


@pytest.mark.parametrize("page, host", [
    ("Conference ends\nA two-day conference on smart cities closed in Da Nang on 9 March. Representatives of "
     "Busan, Kaohsiung and Osaka attended.", "Da Nang"),
    ("Ярмарка\nГуманитарная ярмарка прошла 12 сентября в Екатеринбурге при участии гостей из Челябинска и Астаны.",
     "Yekaterinburg"),
    ("博覧会\nハルビン市で開かれた中ロ博覧会に、新潟市のブースが初めて設けられた。", "Harbin"),
    ("研讨会\n城市环境研讨会9月3日在釜山闭幕，天津、大阪等城市的代表出席。", "Busan"),
])
def test_an_event_with_guests_from_another_nations_cities_is_cooperation_without_saying_so(page, host):
    summary = summarise(page)
    assert summary.relevant and summary.host == host


def test_a_sports_event_with_players_from_abroad_stays_no_cooperation_event():
    page = ("Chess championship opens\nThe chess championship opened in Kazan on 3 May 2022 with players from "
            "Minsk and Tashkent.")
    assert not summarise(page).relevant


@pytest.mark.parametrize("page", [
    "Форум в Хабаровске\nФорум малого бизнеса прошёл в Хабаровске 14 марта, в нём участвовали представители "
    "провинции Хэйлунцзян.",
    "Forum in Khabarovsk\nA small business forum took place in Khabarovsk on 14 March with guests from "
    "Heilongjiang province.",
])
def test_a_province_of_another_nation_makes_an_event_international(page):
    summary = summarise(page)
    assert summary.relevant and summary.host == "Khabarovsk"


def test_a_city_named_edition_after_games_is_those_games_not_a_conference():
    page = ("冬季競技大会が開幕\n第9回冬季アジア競技大会の開会式が7日、ハルビンで行われた。日本選手団が入場行進した。"
            "前回の札幌大会に続き、韓国や中国の選手が参加し、交流を深めた。")
    assert not summarise(page).relevant


def test_a_city_named_edition_of_a_conference_stays_an_event():
    page = "市長会議\n第20回世界冬の都市市長会議の札幌大会が5日開幕し、ハルビン市やエドモントン市の市長が参加した。"
    summary = summarise(page)
    assert summary.relevant and summary.host == "Sapporo"


@pytest.mark.parametrize("page, host", [
    ("合作周\n中俄科技合作周5日在新西伯利亚开幕，两国300名代表参加。", "Novosibirsk"),
    ("Culture days\nKazan culture days opened in Harbin on 20 June, and the two cities' universities signed an "
     "agreement.", "Harbin"),
])
def test_weeks_and_days_of_cooperation_or_culture_are_events(page, host):
    summary = summarise(page)
    assert summary.relevant and summary.host == host


@pytest.mark.parametrize("page, lang", [
    ("知事会議\n第4回日露知事会議は9日、ハバロフスクで開かれた。", "ja"),
    ("ビジネスフォーラム\n中国・大連市で9日、日韓中ビジネスフォーラムが開かれた。", "ja"),
    ("省长论坛\n第二届中蒙省长论坛9日在呼和浩特开幕。", "zh"),
])
def test_an_event_named_by_two_countries_abbreviations_is_international_cooperation(page, lang):
    assert summarise(page).relevant


@pytest.mark.parametrize("page, event_type, host", [
    ("友好協定を締結\nこれまで両県省は北東アジア知事会議などで交流を重ねてきた。4月の仙台での会議などで信頼関係を深めた結果、"
     "協定の調印式が吉林省長春市で挙行された。", "signing", "Changchun"),
    ("Twinning agreement signed\nAfter trust between the two provinces grew at a governors' forum in Sendai in April, "
     "a signing ceremony was held in Changchun on Monday.", "signing", None),
])
def test_the_event_the_report_says_took_place_outranks_one_named_in_passing(page, event_type, host):
    summary = summarise(page)
    assert summary.event["event_type"] == event_type
    assert host is None or summary.host == host


@pytest.mark.parametrize("page", [
    " date 2024-07-12 News\nRussian and Chinese firms plan to sign cooperation agreements at a joint forum.",
    " date 2024-07-12 Новости\nРоссийские и китайские компании планируют подписать соглашения на совместном форуме.",
    " date 2024-07-12 新闻\n中俄企业计划在联合论坛上签署合作协议。",
    " date 2024-07-12 ニュース\n日中の企業は合同フォーラムで協力協定を締結する計画だ。",
])
def test_a_signing_planned_with_no_day_no_place_and_no_count_is_no_report(page):
    summary = summarise(page)
    assert not summary.relevant and summary.reason == "no_event_facts"


@pytest.mark.parametrize("page", [
    " date 2024-07-12 News\nThe mayors of Kazan and Harbin will sign a sister-city agreement in Harbin on July 16.",
    " date 2024-07-12 新闻\n喀山市与哈尔滨市将于7月16日签署友好城市协议。",
])
def test_a_signing_announced_for_a_day_is_a_preview(page):
    summary = summarise(page)
    assert summary.relevant and summary.date[1:3] == (7, 16)


@pytest.mark.parametrize("text, events", [
    ("“We look forward to meeting you in Porto next spring,” the mayor wrote.", []),
    ("The plan aims at meeting the needs of exporters in Lodz.", []),
    ("A business meeting with investors from Lodz took place in Porto.", ["business meeting"]),
])
def test_an_ing_noun_followed_by_its_object_is_a_verb_not_an_event(text, events):
    assert [e.name for e in find_events(text, "en")] == events


def test_a_later_edition_the_report_announces_is_not_its_event():
    page = ("自治体交流\n2010年5月20日\n第1回日韓自治体交流会議が5月17日、光州広域市で開かれた。\n"
            "会議では観光と環境について議論を行った。\n最終日には共同宣言を発表し、第2回会議を釜山市で開催することとなりました。\n")
    summary = summarise(page)
    assert (summary.event["event_ordinal"], summary.host) == (1, "Gwangju")

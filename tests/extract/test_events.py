"""Event mentions per language: nouns from the lexicons, types, names, ordinals and what is no event."""
from __future__ import annotations

import pytest

from orchestration.extract.events import find_events
from tests.extract.document_helpers import summarise


def _main(text, lang):
    events = find_events(text, lang)
    assert events, text
    return events[0]


@pytest.mark.parametrize("text, lang, event_type, name, ordinal", [
    ("Открылся 12-й Международный форум городов-побратимов.", "ru", "forum", "12-й Международный форум городов-побратимов", 12),
    ("Прошла видеоконференция по сотрудничеству в сфере медицины.", "ru", "video_conference",
     "видеоконференция по сотрудничеству", None),  # "в …" opens a place phrase, not the name
    ("Пятая Российско-китайская выставка завершилась в Харбине.", "ru", "expo", "Пятая Российско-китайская выставка", 5),
    ("В Сиане прошел саммит «Китай – Центральная Азия».", "ru", "summit", "саммит «Китай – Центральная Азия»", None),
    ("The 9th China-ASEAN Expo opened in Nanning.", "en", "expo", "9th China-ASEAN Expo", 9),
    ("A two-day trade and investment forum ended on Friday.", "en", "forum", "investment forum", None),
    ("The Forum on China-Africa Cooperation met in Beijing.", "en", "forum", "Forum on China-Africa Cooperation", None),
    # Indian and academic English: a conclave and a colloquium are conferences
    ("The third ports conclave ended in Kochi on Friday.", "en", "conference", "third ports conclave", 3),
    ("A colloquium on river science was held in Pune.", "en", "conference", "colloquium", None),
    # kinds of meeting that name the event where nothing else does
    ("A Sino-Kenyan workshop on solar irrigation opened in Nakuru.", "en", "exchange_meeting",
     "Sino-Kenyan workshop", None),
    ("Российско-монгольский бизнес-диалог прошёл в Улан-Удэ.", "ru", "exchange_meeting",
     "Российско-монгольский бизнес-диалог", None),
    ("В Перми прошла стратегическая сессия по экспорту.", "ru", "exchange_meeting",
     "стратегическая сессия по экспорту", None),
    ("长沙举行对非经贸招商会。", "zh", "exchange_meeting", "非经贸招商会", None),
    ("県は来月、ベトナムへ経済ミッションを派遣する。", "ja", "exchange_meeting", "経済ミッション", None),
    ("Harbin hosts 32nd China Harbin International Economic and Trade Fair", "en", "expo",
     "32nd China Harbin International Economic and Trade Fair", 32),
    # a place's name holds a lower-case particle: the name goes on through it
    ("Buyers thronged the Rio de Janeiro Trade Fair on its last day.", "en", "expo", "Rio de Janeiro Trade Fair", None),
    ("第十二届中国—东盟博览会在南宁开幕。", "zh", "expo", "第十二届中国—东盟博览会", 12),
    # "与" inside a name that opens with its edition; the announcer of the opening is no part of a name
    ("第三届东北亚合作与发展论坛在长春开幕。", "zh", "forum", "第三届东北亚合作与发展论坛", 3),
    ("省长宣布大会开幕。", "zh", "conference", "大会", None),
    ("友好都市提携の署名式が行われた。", "ja", "signing", "署名式", None),
    ("在云南昆明举行的2024中外友好城市合作大会上", "zh", "conference", "2024中外友好城市合作大会", None),
    ("双方举行视频会议,宣布合作中心揭牌。", "zh", "video_conference", "视频会议", None),
    ("「第3回 日中経済フォーラム」が開幕した。", "ja", "forum", "第3回 日中経済フォーラム", 3),
    ("魯港科学技術協力交流会が開催された。", "ja", "exchange_meeting", "魯港科学技術協力交流会", None),
    # a general assembly of member bodies
    ("第9回北方自治体連合総会が開かれた。", "ja", "conference", "第9回北方自治体連合総会", 9),
    ("The 9th General Assembly of the Northern Regions Association opened in Aomori.", "en", "conference",
     "9th General Assembly of the Northern Regions Association", 9),
    ("В Омске открылась IX Ассамблея приграничных регионов.", "ru", "conference", "IX Ассамблея приграничных регионов", 9),
    ("第4回中国西部国際博覧会が閉幕しました。", "ja", "expo", "第4回中国西部国際博覧会", 4),
    ("第九届中国(长春)国际汽车博览会开幕", "zh", "expo", "第九届中国(长春)国际汽车博览会", 9),
])
def test_event_noun_type_name_and_ordinal(text, lang, event_type, name, ordinal):
    event = _main(text, lang)
    assert (event.event_type, event.name, event.ordinal) == (event_type, name, ordinal)
    assert text[event.name_start:event.name_end] == event.name


@pytest.mark.parametrize("text, lang", [
    ("Итоги объявили на пресс-конференции в мэрии.", "ru"),
    ("Prize winners were named at a press conference on Monday.", "en"),
    ("组委会召开新闻发布会介绍情况。", "zh"),
    ("大会組織委員会が記者会見を開いた。", "ja"),
])
def test_press_conferences_are_no_cooperation_events(text, lang):
    assert find_events(text, lang) == []


def test_a_katakana_event_noun_inside_a_longer_katakana_word_is_no_event():
    # フェア begins the name of the city of Fairfield and the word "farewell"
    assert find_events("フェアフィールド市を訪問し、フェアウェルパーティに出席した。", "ja") == []
    assert [e.name for e in find_events("ブックフェアが開かれた。", "ja")] == ["ブックフェア"]


@pytest.mark.parametrize("text, lang, name, ordinal", [
    ("The 87th session of the Baltic Import and Export Fair closed in Riga on Friday.", "en",
     "Baltic Import and Export Fair", 87),
    ("The ninth edition of the Danube Logistics Expo opened in Ruse.", "en", "Danube Logistics Expo", 9),
    ("В Риге завершилась 87-я сессия Балтийской ярмарки импортных и экспортных товаров.", "ru",
     "Балтийской ярмарки импортных и экспортных товаров", 87),
])
def test_the_edition_noun_before_a_named_event_gives_its_ordinal(text, lang, name, ordinal):
    event = find_events(text, lang)[0]
    assert (event.name, event.ordinal) == (name, ordinal)


@pytest.mark.parametrize("text, lang", [
    ("The second session of the forum was devoted to logistics.", "en"),
    ("Вторая сессия форума была посвящена логистике.", "ru"),
])
def test_a_numbered_sitting_of_an_unnamed_event_gives_it_no_ordinal(text, lang):
    assert find_events(text, lang)[0].ordinal is None


@pytest.mark.parametrize("text, name", [
    ("Riga will host the Latvia-Korea Business Forum on June 5-6, organisers said.", "Latvia-Korea Business Forum"),
    ("The Baltic Trade Conference on Monday drew 200 firms.", "Baltic Trade Conference"),
    ("The Forum on Trade and Investment opened in Riga.", "Forum on Trade and Investment"),
])
def test_a_month_or_weekday_after_a_name_is_its_day_not_its_topic(text, name):
    assert find_events(text, "en")[0].name == name


def test_weekdays_are_not_ordinals():
    assert _main("В пятницу форум подвел итоги.", "ru").ordinal is None


@pytest.mark.parametrize("text", [
    "Экспорт зерна из Новосибирска вырос на треть.",
    "В Монголию экспортировано оборудования на 40 млн долларов.",
    "Экспонаты привезли музеи Томска.",
    "Экспозиция посвящена истории порта.",
])
def test_russian_words_that_begin_like_expo_name_no_event(text):
    assert find_events(text, "ru") == []


def test_russian_expo_in_capitals_and_with_a_year_is_an_event():
    assert [e.event_type for e in find_events("В Казани открылось ЭКСПО-2026 «Волга».", "ru")] == ["expo"]


@pytest.mark.parametrize("page", [
    "友城庆祝建市80周年\n本月3日，我市友好城市迎来建市80周年，副市长率代表团出席庆典，并签署了友好交流协议书。",
    "姉妹都市の祝賀会\n姉妹都市提携40周年を祝い、市長を団長とする訪問団が祝賀会に出席し、交流協定を結んだ。",
    "友好県省の記念式典\n岐阜県と江西省は8日、岐阜市内のホテルで友好県省締結35周年記念の式典を開いた。",
])
def test_a_twin_towns_anniversary_celebration_is_an_exchange(page):
    summary = summarise(page)
    assert summary.relevant and summary.event["event_type"] == "exchange_meeting"


@pytest.mark.parametrize("text, name", [
    ("На V Форуме приграничного сотрудничества двух регионов губернатор области Иван Седов подписал соглашение.",
     "V Форуме приграничного сотрудничества двух регионов"),
    ("В рамках форума представитель оргкомитета рассказал о планах.", "форума"),
    ("Открылись Международная выставка строительства и Международная конференция архитекторов.",
     "Международная выставка строительства и Международная конференция архитекторов"),
])
def test_a_russian_subject_after_a_noun_ends_the_events_name(text, name):
    # «губернатор», «представитель» can only be nominative: the clause's subject, not the name's genitive complement
    assert find_events(text, "ru")[0].name == name


@pytest.mark.parametrize("text, names", [
    ("The mayor of Lyon is in Osaka for the Twin Towns Week 2024.", ["Twin Towns Week"]),
    ("The Omsk Business Days opened in Astana on Monday.", ["Omsk Business Days"]),
    # a common week or day is no event, in prose or in a title-case headline
    ("The delegation arrived last week and stayed for three days.", []),
    ("Mayors Met Last Week In Lyon", []),
    ("In Recent Days, Trade Grew", []),
])
def test_a_week_or_days_name_an_event_only_as_the_head_of_a_proper_name(text, names):
    assert [event.name for event in find_events(text, "en")] == names


@pytest.mark.parametrize("text, name", [
    # "the" inside a body's name: the meeting is named by the body that holds it
    ("Ministers co-chaired the annual meeting of the Joint Commission for Trade of the Volga Region and the "
     "Far East in Harbin.", "annual meeting of the Joint Commission for Trade of the Volga Region and the Far East"),
    ("The Forum of the Regions of Kazakhstan and Uzbekistan opened in Turkestan.",
     "Forum of the Regions of Kazakhstan and Uzbekistan"),
    # a lowercase word after "the" ends the name: the summit's sidelines are no part of the meeting's name
    ("The mayors held a meeting on the sidelines of the summit.", "meeting"),
])
def test_an_english_name_runs_on_through_the_before_capitalised_words(text, name):
    assert find_events(text, "en")[0].name == name


@pytest.mark.parametrize("text", [
    "Форум малого бизнеса прошёл в Хабаровске 14 марта.",
    "Форум малого бизнеса прошел в Хабаровске 14 марта.",
])
def test_a_russian_name_ends_before_its_verb_spelt_with_or_without_yo(text):
    assert [e.name for e in find_events(text, "ru")] == ["Форум малого бизнеса"]


@pytest.mark.parametrize("text, lang, name", [
    # a building or a body named after events is neither: the event is the other noun of the sentence
    ("7月4日、外務省と商工会議所の共催でエネルギー協力フォーラムが福岡で開催された。", "ja", "エネルギー協力フォーラム"),
    ("国际会议中心举行了中俄地方合作交流会议。", "zh", "中俄地方合作交流会议"),
    ("The river trade forum opened at the Kazan Expo Center on Monday.", "en", "river trade forum"),
    ("В Конгресс-холле открылся инвестиционный форум.", "ru", "инвестиционный форум"),
])
def test_a_venue_named_after_events_is_no_event(text, lang, name):
    assert [e.name for e in find_events(text, lang)] == [name]


@pytest.mark.parametrize("text, lang, name", [
    ("日中交流会議が神戸で開かれた。", "ja", "日中交流会議"),
    ("地方合作交流会议在哈尔滨开幕。", "zh", "地方合作交流会议"),
])
def test_a_chinese_or_japanese_noun_that_runs_on_into_another_is_one_name(text, lang, name):
    assert _main(text, lang).name == name


@pytest.mark.parametrize("text, lang, name", [
    # somebody's words in quotation marks are no event's name: the name grows inside them as in running text
    ("知事は「友好50周年の年に伝統ある国際フォーラムを開けて、光栄だ」と語った。", "ja", "国際フォーラム"),
    ("市长表示:“能在建交之年承办国际博览会,意义重大。”", "zh", "国际博览会"),
    # a quoted name is still the whole quotation
    ("「ひろしま国際平和フォーラム」が開かれた。", "ja", "ひろしま国際平和フォーラム"),
])
def test_a_quotation_with_a_clauses_punctuation_is_speech_not_a_name(text, lang, name):
    assert [e.name for e in find_events(text, lang)] == [name]


@pytest.mark.parametrize("text, lang, names", [
    ("現地の企業向けに日本の工芸品を紹介するイベント「匠の技と名品展」が、3日間の日程で開かれた。", "ja",
     [("匠の技と名品展", "expo")]),
    ("《家乡好物展》在莫斯科开幕。", "zh", [("家乡好物展", "expo")]),
    # a quoted phrase that merely ends in the same character names no event
    ("両市は「共同発展」を掲げて交流を続けている。", "ja", []),
    ("双方表示将推动“互利发展”。", "zh", []),
])
def test_a_quoted_title_ending_in_a_fairs_head_is_a_fair(text, lang, names):
    assert [(e.name, e.event_type) for e in find_events(text, lang)] == names


@pytest.mark.parametrize("text, lang", [
    ("The two mayors held an online meeting on school exchanges.", "en"),
    ("The governors met in a video call to review the pilot projects.", "en"),
    ("Мэры двух городов провели онлайн-встречу по вопросам туризма.", "ru"),
    ("両市長はオンライン対談で今後の交流について話し合った。", "ja"),
    ("两市市长举行视频会晤，商讨旅游合作。", "zh"),
])
def test_a_meeting_held_online_is_a_video_conference(text, lang):
    # another language's report of the same call names it a video conference: one type lets the two link
    assert _main(text, lang).event_type == "video_conference"

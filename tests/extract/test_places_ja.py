"""Japanese place mentions: kanji variants, suffixes, kana word boundaries, names built on city names."""
from __future__ import annotations

from orchestration.extract.places import find_places


def cities(text: str) -> list[str]:
    return [m.city.name_en for m in find_places(text, "ja") if m.kind == "city" and not m.inside_name]


def kinds(text: str) -> dict[str, tuple[str, bool]]:
    return {m.surface: (m.kind, m.inside_name) for m in find_places(text, "ja")}


def test_japanese_kanji_forms_meet_chinese_city_names():
    assert cities("博覧会は長春で開かれ、瀋陽と大連の企業も参加した。") == ["Changchun", "Shenyang", "Dalian"]
    assert cities("広州市と済南市の代表が出席した。") == ["Guangzhou", "Jinan"]
    assert cities("青島に投資し、青島を選ぶ。") == ["Qingdao", "Qingdao"]


def test_province_then_city():
    text = "会議は中国黒竜江省の省都ハルビンではなく、遼寧省の瀋陽で行われた。"
    assert cities(text) == ["Harbin", "Shenyang"]
    assert kinds(text)["黒竜江省"][0] == "admin_region" and kinds(text)["遼寧省"][0] == "admin_region"
    assert kinds(text)["中国"][0] == "country"


def test_autonomous_region_and_city_suffix():
    text = "広西チワン族自治区の南寧市では、内モンゴル自治区の企業も展示した。"
    assert cities(text) == ["Nanning"]
    assert kinds(text)["内モンゴル自治区"][0] == "admin_region"
    assert cities("新疆ウイグル自治区のウルムチで開幕。") == ["Ürümqi"]


def test_regions_and_macro_regions_are_not_cities():
    text = "貿易発展局華北・東北首席代表と山東省の副省長が出席した。"
    assert cities(text) == []
    assert kinds(text)["華北"][0] == "macro_region" and kinds(text)["東北"][0] == "macro_region"
    assert kinds(text)["山東省"][0] == "admin_region"
    assert kinds("中国とアラブ諸国の協力")["アラブ諸国"][0] == "macro_region"


def test_organisation_named_after_a_city_is_not_the_city():
    text = "交流会が上海協力機構モデル区で開催された。"
    assert cities(text) == []
    assert kinds(text)["上海協力機構"] == ("organisation", True)
    assert cities("北京大学の教授が講演した。") == []


def test_company_named_after_a_city_marks_the_city_inside_a_name():
    text = "香港科学技術園公司の最高経営責任者が挨拶した。"
    assert kinds(text)["香港"] == ("organisation", True)
    assert cities("香港の企業が参加した。") == ["Hong Kong"]


def test_person_names_before_honorifics_are_not_places():
    assert cities("市長の趙豪志氏と副省長の宋軍継氏が出席した。") == []
    assert cities("（取材:林長春）") == []
    assert cities("王大連さんが説明した。") == []
    # a minister's surname: no city has a minister
    assert cities("宇都宮外務副大臣が式典に出席した。") == []
    # a consulate in a city keeps the city
    assert cities("在新潟中国総領事館の総領事が出席した。") == ["Niigata"]


def test_documents_streets_venues_and_outlets():
    assert kinds("昆明イニシアチブが採択された。")["昆明"] == ("project", True)
    assert kinds("上海の南京路で撮影した。")["南京路"] == ("street", True)
    assert kinds("長春駅に到着した。")["長春駅"] == ("venue", True)
    # a stadium under a dome, also a unit of area ("the size of two domes")
    assert kinds("会場の広さは名古屋ドーム2個分に及ぶ。")["名古屋ドーム"] == ("venue", True)
    assert kinds("新華社によると、会議は終わった。")["新華社"] == ("organisation", True)
    assert cities("シルクロードと一帯一路") == []


def test_county_level_city_with_a_variant_character():
    assert cities("膠州市の指導者が参加した。") == ["Jiaozhou"]


def test_katakana_names_need_whole_words():
    assert cities("モスクワとウランバートルから代表団が来た。") == ["Moscow", "Ulaanbaatar"]
    # ソース ("source") is a village in Argentina in GeoNames; katakana inside a longer word never counts
    assert cities("ソース: 分かち合う") == []
    assert cities("イベントセンターで開催") == []


def test_offsets():
    text = "第2回博覧会が長春市で開かれた。"
    mention = [m for m in find_places(text, "ja") if m.kind == "city"][0]
    assert text[mention.start:mention.end] == "長春市"


def test_a_city_named_like_its_province_is_the_province_among_provinces():
    assert kinds("山東、吉林、河北の3省の代表が出席した。")["吉林"][0] == "admin_region"
    assert kinds("山東及び吉林の代表が出席した。")["吉林"][0] == "admin_region"
    assert "Jilin" in cities("会議は吉林市で開かれた。")


def test_a_text_that_names_the_province_and_never_the_city_means_the_province_by_the_bare_name():
    assert "Jilin" not in cities("見本市が吉林省長春市で開幕した。会場には吉林館や国際館が並んだ。")


def test_japanese_shinjitai_of_a_chinese_city_name_meets_it():
    japanese = [p.city.geonameid for p in find_places("江西省貴渓市の代表団が到着した。", "ja") if p.city]
    chinese = [p.city.geonameid for p in find_places("江西省贵溪市的代表团抵达。", "zh") if p.city]
    assert japanese and japanese == chinese


def test_a_city_inside_a_quoted_product_name_is_part_of_it_but_not_inside_a_quoted_event_name():
    assert kinds("「小樽ワイン」を出展した醸造所の代表が語った。")["小樽"][1] is True
    assert {"Sapporo", "Shenyang"} <= set(cities("「札幌―瀋陽ビジネス交流会」が12日開催された。"))


def test_a_surname_before_mayor_is_no_city_and_a_citys_mayor_keeps_it():
    # GeoNames attests every Japanese city's name with 市; a surname + 市長 is a mayor
    assert cities("式典には石井市長と松本市長が出席した。") == ["Matsumoto"]
    assert cities("札幌市長があいさつした。") == ["Sapporo"]


def test_a_mayor_called_by_a_surname_that_is_also_a_city_is_a_person():
    # the full name before the city's title shows the surname; the city of that name is not meant after it
    assert cities("長野一郎松本市長が大連市を訪れた。長野市長は大連市長と協定書に署名した。") == ["Matsumoto", "Dalian", "Dalian"]
    assert cities("福井次郎(ふくい・じろう)高岡市長があいさつした。福井市長は交流の歴史に触れた。") == ["Takaoka"]
    # without such a full name, the city's mayor keeps the city
    assert cities("長野市長と松本市長が協定書に署名した。") == ["Nagano", "Matsumoto"]


def test_a_surname_set_off_by_a_middle_dot_before_a_citys_mayor_is_a_person():
    assert cities("会議には松本・新潟市長が出席した。") == ["Niigata"]
    # a bullet that opens the line is no list
    assert cities("出席者\n・松本・新潟市長ほか約50名") == ["Niigata"]
    # names a middle dot joins into a list are the towns of the mayors
    assert cities("出席者は函館・小樽・新潟市長ら。") == ["Hakodate", "Otaru", "Niigata"]


def test_a_name_in_hiragana_alone_is_a_place_only_with_its_suffix():
    assert cities("協定の内容は次のとおりとなります。") == []
    assert cities("あわら市の代表団が訪れた。") == ["Awara"]


def test_a_japanese_town_is_a_municipality_and_a_neighbourhood_is_not():
    found = [m.city for m in find_places("埼玉県小川町の代表団が友好都市を訪れた。", "ja") if m.kind == "city"]
    assert [c.country_code for c in found] == ["JP"] and found[0].name_en.startswith("Ogawa")
    assert cities("町議会の代表は阿見町から大連市へ向かった。") == ["Ami", "Dalian"]
    assert cities("会場は大手町の会議室だった。") == []


def test_one_prefecture_suffix_after_a_list_makes_each_name_a_prefecture():
    text = "会合には新潟、富山、石川県の副知事と、仙台市の市長が出席した。"
    assert cities(text) == ["Sendai"]
    assert kinds(text)["富山"][0] == "admin_region"


def test_a_branch_named_after_a_place_is_an_organisation():
    assert cities("ウラジオストク支店の社員が大阪市を訪れた。") == ["Osaka"]


def test_the_country_written_before_a_city_is_its_own():
    found = [(m.city.name_en, m.city.country_code)
             for m in find_places("イギリスの代表とアメリカ ケンブリッジ市の代表が出席した。", "ja") if m.kind == "city"]
    assert found == [("Cambridge", "US")]


def test_a_foreign_city_in_katakana_before_its_mayor_is_the_city():
    # a kanji name before 市長 is a mayor's surname (石井市長); a katakana one is a foreign city's mayor
    assert cities("ヤクーツク市長と石井市長が会談した。") == ["Yakutsk"]


def test_a_common_word_names_no_small_town_abroad_but_a_japanese_town_stays():
    # 温泉 "hot springs" is also a small Chinese town; 松本 is a common surname and the Japanese city meant
    text = "訪問団は別府の温泉を視察し、松本で特産品を買った。"
    assert [m.city.name_en for m in find_places(text, "ja") if m.kind == "city"] == ["Beppu", "Matsumoto"]


def test_a_frequent_loanword_without_its_suffix_names_only_a_town_of_some_size():
    # the sport and a family name come before the small English and American towns spelt alike
    assert cities("旅行博の会場では、マスコットがラグビーW杯をPRした。") == []
    assert cities("市長 エドワード テイラー氏があいさつした。") == []
    # with its 市 the same town is meant, and a city of some size needs none
    assert cities("ローレンス市の代表団が平塚市を訪れた。") == ["Lawrence", "Hiratsuka"]
    assert cities("代表団はリンカーンから到着した。") == ["Lincoln"]


def test_an_alias_in_katakana_is_read_with_its_v_and_b_variants_as_geonames_names_are():
    # the alias table writes ノヴォロシースク; a text may write ノボロシースク
    text = "ノボロシースク市の代表団が新潟を訪れた。"
    assert [m.city.name_en for m in find_places(text, "ja") if m.kind == "city"] == ["Novorossiysk", "Niigata"]


def test_a_japanese_text_reads_a_kanji_name_as_the_japanese_city_first():
    # 松江 is also a district of Shanghai, a bigger place; a Japanese text means Matsue unless it says otherwise
    assert cities("米子や松江から市長が台北を訪れた。") == ["Yonago", "Matsue", "Taipei"]
    assert cities("会議は松江で開かれた。") == ["Matsue"]
    assert kinds("上海市松江区で見本市が開かれた。")["松江区"] == ("district", False)


def test_a_city_name_in_a_list_of_companies_is_a_company():
    # 日立 and 豊田 are cities and companies; a list closed by "など" and a company noun names companies
    assert cities("展示会にはソニーや日立、パナソニックなど日本企業40社が出展した。") == []
    assert cities("キヤノン、豊田、ホンダなどのメーカーが参加した。") == []
    # the list introduced by its companies
    assert cities("出展企業には、キヤノン、日立、オムロンなどがある。") == []
    assert cities("出展企業には、名古屋や大阪などの中小企業が多い。") == ["Nagoya", "Osaka"]
    # a list of places only names where the companies come from
    assert cities("会場には名古屋や大阪などの企業が出展した。") == ["Nagoya", "Osaka"]


def test_a_city_in_brackets_after_a_companys_name_is_its_seat():
    assert cities("食品商社の丸星商事(大阪)は福建省の企業と提携した。") == []
    # after a party of people the city in brackets is where they come from
    assert cities("訪問団(大阪)が到着した。") == ["Osaka"]


def test_a_provinces_name_with_the_city_suffix_is_the_city_of_that_name():
    # only the province's name is in the catalogues; 市 makes it the town that bears the province's name
    assert cities("交流会はタイのプーケット市で開かれ、ナコンラチャシマ市の企業も参加した。") == ["Phuket", "Nakhon Ratchasima"]
    assert kinds("交流会はタイのプーケットで開かれた。")["プーケット"][0] == "admin_region"


def test_the_seat_of_an_office_is_no_side_but_its_owner_is():
    assert cities("新潟市大連事務所の所長が出席した。") == ["Niigata"]
    assert cities("富山県上海事務所はブースを出展した。") == []


def test_a_country_with_its_first_city_opens_a_list_of_that_countrys_cities():
    # 東海市 in a list of Korean cities is Donghae (which the gazetteer lacks in kanji), not Tōkai, Aichi
    found = [(m.city.name_en, m.city.country_code)
             for m in find_places("会議には韓国の釜山市、東海市、原州市の代表が出席した。", "ja")
             if m.kind == "city" and not m.inside_name]
    assert found == [("Busan", "KR"), ("Wŏnju", "KR")]
    # without a country before the list, 東海市 is the Japanese city
    assert [(m.city.name_en, m.city.country_code) for m in find_places("東海市の代表が出席した。", "ja")
            if m.kind == "city"] == [("Tōkai", "JP")]


def test_new_or_former_mayor_is_a_title_not_a_town():
    assert cities("交流会には新市長と前市長、副市長がそろって出席した。") == []
    assert cities("新市の市長が出席した。") == ["Shin’ichi"]  # the town itself, named without the title


def test_a_city_after_an_editions_counter_stands_as_a_word():
    assert cities("第3回仙台ロボット展が開幕した。") == ["Sendai"]


def test_a_family_name_spaced_from_the_given_name_is_a_person():
    # lists of speakers write 姓 名 with a space; a list of places spaced out names only places
    assert cities("登壇者\n松江市長 和田 正夫\n講師 石巻 太郎\n") == ["Matsue"]
    assert cities("会場：東京 大阪 名古屋") == ["Tokyo", "Osaka", "Nagoya"]


def test_kanji_names_listed_with_dots_are_each_a_town():
    # katakana names carry dots inside them (コムソモリスク・ナ・アムーレ); kanji names do not
    assert cities("協定を結んだのは、鳥取・米子・松江の3市である。") == ["Tottori", "Yonago", "Matsue"]


def test_a_russian_krai_named_after_its_city_is_a_region():
    assert cities("クラスノヤルスク地方の代表団が出席した。") == []
    assert cities("クラスノヤルスク市の代表団が出席した。") == ["Krasnoyarsk"]


def test_an_industrial_park_named_after_its_city_is_no_city():
    text = "調印式では、大連金州産業区、営口臨港工業園と日本企業との間で5件のプロジェクトが調印された。"
    assert cities(text) == []
    assert kinds(text)["大連"] == ("project", True)


def test_a_surname_before_the_place_its_holder_heads_and_the_title_is_no_town():
    # 高橋 and 麻生 are also towns in GeoNames; here they are the governors' surnames
    text = "会議には麻生福岡県知事、高橋北海道知事、石原東京都知事、西尾函館市長が出席し、大連で開かれた。"
    found = {p.surface for p in find_places(text, "ja") if p.kind == "city"}
    assert found == {"東京都", "函館市", "大連"}


def test_a_deputy_title_after_a_town_keeps_the_town():
    text = "会議にはユジノサハリンスク副市長、ナホトカ副市長、ヤクーツク市長が出席した。"
    found = {p.city.name_en for p in find_places(text, "ja") if p.kind == "city"}
    assert found == {"Yuzhno-Sakhalinsk", "Nakhodka", "Yakutsk"}


def test_a_council_members_surname_is_no_city_but_the_citys_council_is():
    assert not [p for p in find_places("望月昇市議会議員、福岡信治市議会議員らが訪れた。", "ja") if p.kind == "city"]
    found = {p.city.name_en for p in find_places("福岡市議会議員団が釜山を訪れた。", "ja") if p.kind == "city"}
    assert found == {"Fukuoka", "Busan"}


def test_a_lists_count_of_prefectures_makes_its_bare_names_prefectures():
    found = {m.surface: m.kind for m in find_places("福岡、佐賀、長崎、山口の4県と釜山広域市などが参加した。", "ja")}
    assert [found[name] for name in ("福岡", "佐賀", "長崎", "山口")] == ["admin_region"] * 4
    assert found["釜山広域市"] == "city"

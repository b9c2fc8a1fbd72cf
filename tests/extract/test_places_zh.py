"""Chinese place mentions: longest match, 市 and administrative suffixes, compounds named after cities."""
from __future__ import annotations

import pytest

from orchestration.extract.places import find_places


def cities(text: str) -> list[str]:
    return [m.city.name_en for m in find_places(text, "zh") if m.kind == "city" and not m.inside_name]


def kinds(text: str) -> dict[str, tuple[str, bool]]:
    return {m.surface: (m.kind, m.inside_name) for m in find_places(text, "zh")}


def test_province_prefix_is_a_region_and_the_city_follows():
    text = "论坛在四川成都举行。"
    assert cities(text) == ["Chengdu"]
    assert kinds(text)["四川"] == ("admin_region", False)
    text = "来自甘肃省兰州市的企业参加了活动。"
    assert cities(text) == ["Lanzhou"]
    assert kinds(text)["甘肃省"][0] == "admin_region"


def test_city_suffix_is_kept_in_the_surface_and_decides_foreign_homonyms():
    text = "湖北省襄阳市与韩国庆尚北道安东市签署协议。"
    found = {m.surface: m.city for m in find_places(text, "zh") if m.kind == "city"}
    assert found["襄阳市"].name_en == "Xiangyang"
    assert found["安东市"].country_code == "KR"  # 安东市 is Andong; bare 安东 would be a Chinese town
    assert kinds(text)["庆尚北道"][0] == "admin_region"


def test_county_level_city_with_suffix():
    assert cities("江苏省宜兴市的代表出席。") == ["Yixing"]
    assert cities("合作区位于胶州市。") == ["Jiaozhou"]  # GeoNames lacks a Chinese name: alias table


@pytest.mark.parametrize("text, surface, kind", [
    ("内蒙古自治区锡林郭勒盟与对方签约。", "锡林郭勒盟", None),
    ("双方代表来自蒙古国肯特省。", "肯特省", "admin_region"),
    ("埃及吉萨省和格鲁吉亚伊梅列季州的代表出席。", None, None),
    ("泰国清迈府与老挝南塔省签约。", None, None),
    ("德宏傣族景颇族自治州的企业参展。", None, None),
    ("老挝万象省的代表出席。", "万象省", "admin_region"),
    ("宁夏回族自治区政府发布消息。", "宁夏回族自治区", "admin_region"),
    ("新疆生产建设兵团组织企业参展。", "新疆生产建设兵团", "admin_region"),
])
def test_regions_leagues_and_provinces_are_not_cities(text, surface, kind):
    assert cities(text) == []
    if surface is not None and kind is not None:
        assert kinds(text)[surface][0] == kind


def test_province_named_like_its_capital_is_not_the_capital_city():
    # 万象 is Vientiane, but 万象省 is the province around it; a county (县) is not a city either
    text = "老挝万象省的一个县与曲靖市陆良县结为友好。"
    assert cities(text) == ["Qujing"]
    assert [m.kind for m in find_places(text, "zh") if m.surface == "万象省"] == ["admin_region"]
    assert cities("琅勃拉邦省与琅勃拉邦市不同。") == ["Luang Prabang"]


def test_autonomous_prefecture_with_ethnic_infix():
    mentions = find_places("延边朝鲜族自治州代表团抵达。", "zh")
    assert cities("延边朝鲜族自治州代表团抵达。") == []
    assert all(m.kind != "city" for m in mentions)


def test_macro_regions_districts_and_venues():
    text = "中亚和东北亚国家的客商来到浦东新区，在武汉站集合。"
    found = kinds(text)
    assert found["中亚"][0] == "macro_region" and found["东北亚"][0] == "macro_region"
    assert found["浦东新区"][0] == "district"
    assert found["武汉站"] == ("venue", True)
    assert cities(text) == []


def test_street_venue_and_names_built_on_a_city_name():
    assert kinds("活动在南昌路举行。")["南昌路"] == ("street", True)
    assert cities("上海合作组织成员国元首出席会议。") == []
    assert kinds("上海合作组织成员国元首出席会议。")["上海合作组织"] == ("organisation", True)
    assert cities("中山大学的学者发表演讲。") == []
    assert cities("会议发布了昆明倡议。") == []
    assert cities("本届论坛在天山论坛框架下举行。") == []


def test_two_character_names_need_word_support():
    assert cities("活动在北京、上海、广州和武汉举办。") == ["Beijing", "Shanghai", "Guangzhou", "Wuhan"]
    assert cities("新华社兰州5月3日电 展会闭幕。") == ["Lanzhou"]
    # 大连 inside 大连接 (a big connection), 青年 "youth", 合作 "cooperation", 友好 "friendly"
    assert cities("推动数据的大连接和青年交流，深化友好合作。") == []


def test_person_names_are_not_cities():
    assert cities("（记者 李昆明）") == []
    assert cities("（时文枝 韩帅南）") == []


def test_outlets_are_organisations():
    found = kinds("来源：人民网 中新网西宁4月2日电")
    assert found["人民网"] == ("organisation", True)
    assert found["中新网"] == ("organisation", True)
    assert cities("来源：人民网 中新网西宁4月2日电") == ["Xining"]
    assert kinds("中国国际贸易促进委员会会长致辞。")["中国国际贸易促进委员会"] == ("organisation", True)


def test_a_bracketed_legal_form_stays_inside_a_company_name():
    # the company is named after a city and is no city; a bracket after a city that names its province is no company
    assert cities("杭州建设（集团）有限公司与老挝企业签署合同。") == []
    assert cities("厦门港务(控股)公司在展会上签约。") == []
    assert cities("代表团访问了成都（四川省）并签署协议。") == ["Chengdu"]


def test_a_zone_named_after_a_city_is_no_city():
    assert cities("南通经济技术开发区与德国企业签约。") == []
    assert cities("论坛在苏州举行，苏州工业园区代表出席。") == ["Suzhou"]


def test_traditional_characters_meet_simplified_names():
    assert cities("會議在長春市舉行，青島、無錫和銀川的代表出席。") == ["Changchun", "Qingdao", "Wuxi", "Yinchuan"]


def test_offsets_point_into_the_original_text():
    text = "会议在長春市舉行。"
    mention = find_places(text, "zh")[0]
    assert text[mention.start:mention.end] == mention.surface == "長春市"
    assert (mention.sentence_start, mention.sentence_end) == (0, len(text))


def test_hong_kong_is_a_city():
    assert cities("香港特别行政区与深圳市加强合作。") == ["Hong Kong", "Shenzhen"]


@pytest.mark.parametrize("text, kind", [
    # a company's name may run long before its head noun
    ("宁波海外工程技术咨询服务公司与老挝签订了合同。", "organisation"),
    # a verb after the city ends the compound: the city holds the forum, it does not name it
    ("宁波举办国际港口论坛。", "city"),
    ("宁波举行经贸合作论坛。", "city"),
    # a project's name stays short: a forum named after the city is the forum's name
    ("宁波国际港口论坛开幕。", "project"),
])
def test_how_far_a_head_noun_makes_a_city_part_of_a_name(text, kind):
    assert kinds(text)["宁波"][0] == kind


def test_a_city_named_like_its_province_is_the_province_among_provinces_or_before_its_city():
    assert kinds("河北、吉林、山西三省的企业参展。")["吉林"] == ("admin_region", False)
    assert cities("企业家们齐聚吉林长春。") == ["Changchun"]
    assert cities("论坛在吉林市举行。") == ["Jilin"]
    assert cities("代表团先后访问了延边、吉林和哈尔滨。").count("Jilin") == 1


def test_a_text_that_names_the_province_and_never_the_city_means_the_province_by_the_bare_name():
    assert "Jilin" not in cities("博览会在吉林省长春市开幕。吉林展区展出了汽车和大米。")
    # the city's own suffix elsewhere keeps the bare name the city's
    assert cities("吉林省吉林市代表团到访。吉林企业签署了协议。").count("Jilin") == 2


def test_a_place_name_running_into_a_foreign_persons_name_is_part_of_it():
    from orchestration.extract.countries import find_countries

    text = "副市长马利克·阿赫梅托夫和南宁市代表出席了签约仪式。"
    assert [c.alpha2 for c in find_countries(text, "zh")] == []
    assert "马利" not in kinds(text)
    assert [c.alpha2 for c in find_countries("马里代表团和中国·东盟商务理事会出席。", "zh")] == ["ML", "CN"]


def test_a_place_name_right_after_a_persons_title_is_the_persons_name():
    assert cities("姊妹城市市长大久保勉说，双方将扩大交流。") == []
    assert cities("长春市长出席了开幕式。") == ["Changchun"]


def test_one_province_suffix_after_a_list_makes_each_name_a_province():
    text = "来自辽宁、吉林、黑龙江省的企业和长春市代表出席。"
    assert cities(text) == ["Changchun"]


@pytest.mark.parametrize("text", [
    "俄罗斯科学院乌拉尔分院与哈尔滨工业大学签署协议。",  # a branch named after a region
    "当地坚持以港兴城，推动三峡库区旅游发展。",  # a slogan's verb and object; the Three Gorges
    "两地去年签署了建立国际友好市区关系的备忘录。",  # "friendly city", no town Youhao
])
def test_names_that_are_not_cities_here(text):
    assert not {"Oral", "Sanxia", "Xingcheng", "Youhao"} & set(cities(text))


@pytest.mark.parametrize("text, city", [
    ("第三届食品博览会在沪开幕。", "Shanghai"),
    ("友好城市代表团来京参加论坛。", "Beijing"),
    ("日本友城市长率团访汉并举办文化周活动。", "Wuhan"),
])
def test_a_big_citys_one_character_name_after_a_verb_of_going_there(text, city):
    assert city in cities(text)


def test_a_one_character_name_inside_a_word_is_no_city():
    assert cities("他在汉语课上介绍了京剧。") == []


def test_a_company_named_after_a_city_and_its_trade_is_no_city():
    assert cities("日立造船与三菱重工的代表出席了论坛。") == []


def test_a_common_word_that_only_a_small_town_bears_is_the_word():
    assert cities("两国坚持走生活富裕、生态良好的发展道路，武汉代表出席。") == ["Wuhan"]


def test_a_numeral_before_a_noun_of_places_counts_them_and_names_none():
    # 五城 "five cities" is also a town's name in GeoNames; 九江 and 三明 begin with a numeral and are cities
    text = "黑河市与哈巴罗夫斯克市举行会晤，总结一年来“两国五城”合作成果，双方表示五城间交流不断深化。九江市和三明市也派员出席。"
    assert cities(text) == ["Heihe", "Khabarovsk", "Jiujiang", "Sanming"]


def test_the_country_written_before_a_city_is_its_own():
    # both countries are named; 美国 before 剑桥 says which Cambridge
    found = [(m.city.name_en, m.city.country_code) for m in find_places("英国代表和美国剑桥市代表出席。", "zh")
             if m.kind == "city"]
    assert found == [("Cambridge", "US")]


def test_a_name_after_a_country_without_a_city_of_that_name_is_no_city_abroad():
    # 美国宾州 is Pennsylvania, which the gazetteer lists as no place; GeoNames also spells a Chinese town 宾州
    assert cities("一家农业企业将在美国宾州建设蘑菇工厂，另一家在山东潍坊建设冷库。") == ["Weifang"]
    # 中国 before a city of Taiwan still names that city
    assert cities("中国台北代表团出席了开幕式。") == ["Taipei"]


def test_a_seat_in_brackets_inside_a_company_name_is_no_city_of_the_report():
    assert cities("黑河自贸片区与创禾(北京)科技有限公司签订合作协议。") == ["Heihe"]


def test_the_word_city_after_a_word_is_no_county_town_with_shi_but_an_attested_city_stays():
    # 互通|城市 "connected cities" holds the county town 通城; 运城市 is a city GeoNames writes so
    text = "双方将加强互联互通城市建设。副市长代表运城市签约,大城市之间的合作也在加强。"
    assert [m.city.name_en for m in find_places(text, "zh") if m.kind == "city"] == ["Yuncheng"]


def test_large_russian_cities_that_geonames_names_in_no_chinese_script_are_read_from_the_alias_table():
    text = "沃罗涅日市代表团、克拉斯诺亚尔斯克企业家和库塔伊西市长访问了哈尔滨。"
    assert [m.city.name_en for m in find_places(text, "zh") if m.kind == "city"] == ["Voronezh", "Krasnoyarsk",
                                                                                       "Kutaisi", "Harbin"]


def test_korean_cities_without_a_hanja_name_in_geonames_are_read_from_the_alias_table():
    text = "木浦市代表团和浦项市企业家访问了大连市。"
    assert [m.city.name_en for m in find_places(text, "zh") if m.kind == "city"] == ["Mokpo", "Pohang", "Dalian"]
    text = "束草市和统营市的代表团访问了珲春市。"
    assert [m.city.name_en for m in find_places(text, "zh") if m.kind == "city"] == ["Sokcho", "Tongyeong", "Hunchun"]


def test_a_city_name_in_a_list_of_companies_is_a_company():
    assert "Anshan" not in cities("华为、中兴、鞍山等企业参加了签约仪式。")
    assert "Anshan" not in cities("参展企业包括华为、中兴、鞍山等。")
    # a list of places only names where the companies come from
    assert cities("来自大连、青岛、烟台等企业参加了签约仪式。") == ["Dalian", "Qingdao", "Yantai"]
    assert cities("北京、上海等城市的企业参展。") == ["Beijing", "Shanghai"]


def test_a_name_before_the_word_for_other_cities_is_whole():
    # 等城市 "and other cities" is no longer name ending in 市
    assert cities("论坛吸引了成都、重庆、西安等城市的代表。") == ["Chengdu", "Chongqing", "Xi’an"]


def test_a_city_in_brackets_after_a_companys_name_is_its_seat():
    assert cities("华星集团（杭州）与当地企业签署合作协议。") == []


def test_a_work_named_after_the_places_it_joins_is_no_city():
    assert cities("会上签署了喀什至塔什干(货运)列车项目等协议。") == []
    assert cities("双方签约乌鲁木齐至阿拉木图公路项目。") == []
    # two cities side by side with no name after them stay cities
    assert cities("西安兰州两市代表出席。") == ["Xi’an", "Lanzhou"]


def test_the_seat_of_an_office_is_no_side_but_its_owner_is():
    assert cities("韩国釜山广域市青岛代表处首席代表致辞。") == ["Busan"]
    assert cities("驻广州办事处主任出席。") == []


def test_a_word_next_to_a_rejected_name_gets_no_support_from_it():
    # 友谊 "friendship" is no town, so 关口 "pass" inside 友谊关口岸 is a word, not Guankou
    assert cities("货物经友谊关口岸出口越南。") == []


def test_a_country_before_a_list_of_cities_holds_every_city_of_the_list():
    # 东海市 after 韩国 is Donghae, which the gazetteer lacks in characters: not China's Donghai
    found = [(m.city.name_en, m.city.country_code)
             for m in find_places("韩国釜山市、东海市、原州市和日本新潟市的代表出席了论坛。", "zh")
             if m.kind == "city" and not m.inside_name]
    assert found == [("Busan", "KR"), ("Wŏnju", "KR"), ("Niigata", "JP")]
    # the list ends where another country is named
    found = [(m.city.name_en, m.city.country_code)
             for m in find_places("来自美国的波特兰市、西雅图市以及中国东海市的企业家参加了活动。", "zh")
             if m.kind == "city" and not m.inside_name]
    assert found == [("Portland", "US"), ("Seattle", "US"), ("Donghai", "CN")]


def test_a_name_a_named_country_lacks_is_no_other_countrys_city_further_on():
    # the second 东海市 stands alone, but the text has said it is Korea's
    found = [(m.city.name_en, m.city.country_code)
             for m in find_places("韩国釜山市、东海市的代表出席了论坛。东海市市长在会上致辞。", "zh")
             if m.kind == "city" and not m.inside_name]
    assert found == [("Busan", "KR")]
    # a name the text places in two countries keeps each where it is placed
    found = [(m.city.name_en, m.city.country_code)
             for m in find_places("韩国釜山市、东海市的代表出席了论坛。中国东海市也派员参加。", "zh")
             if m.kind == "city" and not m.inside_name]
    assert found == [("Busan", "KR"), ("Donghai", "CN")]


def test_new_or_former_mayor_is_a_title_not_a_town():
    assert cities("新市长与前市长共同出席了开幕式。") == []


def test_a_city_after_an_editions_counter_stands_as_a_word():
    assert cities("第三届青岛国际机器人博览会开幕。") == ["Qingdao"]
    assert cities("首届成都美食节开幕。") == ["Chengdu"]


def test_a_city_geonames_names_only_with_its_suffix_is_found_bare():
    assert cities("交流会在嘉峪关举行，来自许昌的企业参加。") == ["Jiayuguan", "Xuchang"]


def test_the_tail_of_a_town_abroad_that_the_gazetteer_lacks_is_no_chinese_town():
    # 蒙古国|乔|巴山市: GeoNames knows no Mongolian town of that Chinese name; 巴山 is a Chinese one
    assert cities("会见了蒙古国乔巴山市代表。") == []


def test_a_city_after_its_state_keeps_its_name():
    assert cities("代表团来自美国加州洛杉矶市。") == ["Los Angeles"]


def test_a_russian_krai_or_republic_named_after_its_city_is_a_region():
    assert cities("来自克拉斯诺亚尔斯克边疆区和鞑靼斯坦共和国的代表团出席。") == []
    assert cities("克拉斯诺亚尔斯克市代表团出席。") == ["Krasnoyarsk"]


def test_an_industrial_zone_named_after_its_city_is_no_city():
    text = "签约仪式上,营口临港产业区与日本企业签署5个项目。"
    assert cities(text) == []


@pytest.mark.parametrize("text, named", [
    # a long name its city opens, a project's or a body's head at its end
    ("签约项目包括厦门某某智能装备研发生产基地、宁波某某新材料产业园等。", []),
    ("西安某某新能源科技股份有限公司签署了合作协议。", []),
    # not a name: the run ends in a verb's object or a venue, or is the city alone
    ("来自厦门、宁波的企业参加了论坛。", ["Xiamen", "Ningbo"]),
    ("论坛在厦门国际会展中心举行。", []),
])
def test_a_name_its_city_opens_is_no_mention_of_the_city(text, named):
    assert cities(text) == named


@pytest.mark.parametrize("text, named", [
    ("副省长将赴俄罗斯新西伯利亚市出席第五届西伯利亚经济论坛。", ["Novosibirsk"]),
    ("代表团赴日本名古屋市参加国际友好城市论坛。", ["Nagoya"]),
])
def test_a_verb_of_attending_ends_the_name_a_city_would_open(text, named):
    assert cities(text) == named


@pytest.mark.parametrize("text, lang", [
    ("来自俄罗斯伏尔加河流域各州的代表出席了论坛开幕式。", "zh"),
    ("四川企业家与俄罗斯伏尔加河沿岸联邦区的代表团座谈。", "zh"),
    ("ロシア・ヴォルガ川流域の州知事らがフォーラムに出席した。", "ja"),
])
def test_a_rivers_name_before_its_banks_or_basin_is_no_town(text, lang):
    assert [p.city for p in find_places(text, lang) if p.city is not None] == []


def test_a_day_written_in_characters_is_no_town():
    # GeoNames' 四日市 and 十日町 lose their suffix to bare keys that a date spells out
    assert cities("论坛于十月十二日在澳门开幕，于十四日闭幕。") == ["Macau"]
    assert cities("展会在四日市市举行。") == ["Yokkaichi"]


def test_a_name_after_a_title_and_a_surname_is_a_persons():
    assert cities("出席签约仪式的有苏州市副市长顾海东、无锡市副市长等。") == ["Suzhou", "Wuxi"]


def test_a_sight_named_after_a_town_is_no_city():
    assert cities("代表团还赴合肥包公祠、三河古镇参观交流。") == ["Hefei"]


def test_a_lists_closing_noun_of_regions_makes_its_names_regions():
    # 北京 and 上海 are provinces among provinces here; "等地" (and other places) says nothing of what they are
    assert cities("来自北京、天津、浙江、江苏等12个省市区的企业参展。") == []
    assert cities("合作机构主要来自俄罗斯、北京、广东等国家和地区。") == []
    assert cities("来自北京、上海等地的企业参展。") == ["Beijing", "Shanghai"]


def test_a_numeral_before_a_noun_of_islands_counts_them_but_a_towns_suffix_makes_a_name():
    assert cities("舟山、岱山、嵊泗三岛正携手发展海洋旅游。") == ["Zhoushan"]
    assert cities("日本三岛市代表团访问了杭州。") == ["Mishima", "Hangzhou"]

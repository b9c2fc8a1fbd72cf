"""English place mentions: datelines, regions, venues/streets/organisations named after cities (own sentences)."""
from __future__ import annotations

import pytest

from orchestration.extract.places import find_places
from tests.extract.document_helpers import summarise


def cities(text: str) -> list[str]:
    return [m.city.name_en for m in find_places(text, "en") if m.kind == "city" and not m.inside_name]


def kinds(text: str) -> dict[str, tuple[str, bool]]:
    return {m.surface: (m.kind, m.inside_name) for m in find_places(text, "en")}


def test_plain_and_possessive_city_names():
    assert cities("The forum opened in Kunming on Monday.") == ["Kunming"]
    assert cities("Xi'an hosted the summit, and Harbin's expo followed.") == ["Xi’an", "Harbin"]
    assert cities("Delegates from Ulaanbaatar and Luang Prabang attended.") == ["Ulaanbaatar", "Luang Prabang"]


@pytest.mark.parametrize("sentence, city", [
    ("Buyers from Dar es Salaam placed the largest orders.", "Dar es Salaam"),
    ("A delegation from Frankfurt am Main arrived on Tuesday.", "Frankfurt am Main"),
    ("The mayor of Kingston upon Hull opened the exhibition.", "Kingston upon Hull"),
])
def test_the_particles_inside_city_names_come_from_geonames(sentence, city):
    assert cities(sentence) == [city]


def test_a_city_written_after_a_town_and_a_comma_only_locates_it():
    # Setagaya lies in Tokyo: Tokyo says where, it is no second place of the report
    assert cities("A choir from Setagaya Ward, Tokyo sang at the twinning dinner.") == ["Setagaya"]
    assert cities("Delegates from Nanjing, Suzhou and Wuxi met.") == ["Nanjing", "Suzhou", "Wuxi"]


def test_a_small_town_called_so_once_is_that_town_everywhere():
    text = ("Guests from Lindenberg arrived on Friday. Lindenberg Mayor Eric Vogt thanked the hosts. "
            "Lindenberg has been twinned with the town since 2003.")
    assert cities(text) == ["Lindenberg"] * 3
    # a common word before a title is no town, whatever GeoNames lists ("Vice", Peru)
    assert cities("The Vice Mayor of Qingdao opened the fair.") == ["Qingdao"]


def test_a_short_abbreviation_filed_under_a_city_is_no_english_name_of_it():
    assert cities("The expo closed in Harbin. Hu said the deals would create jobs.") == ["Harbin"]


def test_all_capital_dateline():
    text = "NANNING, May 3 (Xinhua) -- The expo closed with record deals."
    mention = find_places(text, "en")[0]
    assert (mention.surface, mention.city.name_en) == ("NANNING", "Nanning")
    assert kinds(text)["Xinhua"] == ("organisation", True)


@pytest.mark.parametrize("sentence, surface, kind", [
    ("The fair took place in the Guangxi Zhuang Autonomous Region of south China.", "Guangxi", "admin_region"),
    ("Trade with Tibet and Inner Mongolia grew.", "Inner Mongolia", "admin_region"),
    ("Officials from Yunnan province attended.", "Yunnan", "admin_region"),
    ("Firms from Jiangsu signed the deals.", "Jiangsu", "admin_region"),
    ("Trade with Central Asia grew fast.", "Central Asia", "macro_region"),
    ("The corridor links Northeast China with Russia.", "Northeast China", "macro_region"),
    ("Members of the Shanghai Cooperation Organization met.", "Shanghai Cooperation Organization", "organisation"),
])
def test_regions_and_organisations_are_not_cities(sentence, surface, kind):
    assert kinds(sentence)[surface][0] == kind
    assert cities(sentence) == [] or surface not in sentence.split()


def test_venue_street_project_and_institution_named_after_a_city_are_inside_a_name():
    text = "Medals were shown at the Harbin Grand Theater on Friday."
    assert kinds(text)["Harbin"] == ("venue", True)
    assert kinds("Screens were put up along Nanchang Road.")["Nanchang"] == ("street", True)
    assert kinds("The Kunming Initiative was adopted.")["Kunming"] == ("project", True)
    assert kinds("Researchers of the Harbin Institute of Technology spoke.")["Harbin"] == ("organisation", True)
    assert kinds("He joined the University of Wuhan in 2010.")["Wuhan"] == ("organisation", True)
    assert cities("Medals were shown at the Harbin Grand Theater on Friday.") == []


def test_districts_and_organisations_without_a_city_word():
    text = "The secretariat sits in Chaoyang District, the Asian Federation of Rowing Associations said."
    assert cities(text) == []
    assert cities("The Silk Road and the Great Wall attract visitors.") == []


def test_person_names_are_not_places():
    assert cities("said deputy governor Erlan Taraz at a briefing in Astana.") == ["Astana"]
    assert cities("Said deputy head Yin Lei at the briefing.") == []
    assert cities("Acting Mayor Zhao Jianjun spoke first.") == []
    # a title before a comma, then the name
    assert cities("The deal was signed before the chamber's President, Abdul Karim Ahmad, in Kuwait City.") == \
        ["Kuwait City"]
    assert cities("Mobile payments grew in Shenzhen.") == ["Shenzhen"]


def test_common_words_and_small_foreign_towns_are_not_cities():
    # "Summit" and "Union" are US towns; a sentence-initial common word is no city either.
    assert cities("Summit organizers met the Union delegation.") == []
    assert cities("Beverly sponsored the race in Wuxi.") == ["Wuxi"]


def test_city_cue_admits_a_small_place():
    assert cities("The pilot zone is in Jiaozhou city.") == ["Jiaozhou"]


def test_countries_and_hong_kong():
    found = kinds("Firms from Hong Kong, China and the U.S. attended.")
    assert found["Hong Kong"][0] == "city"
    assert found["China"][0] == "country"
    assert cities("Firms from Hong Kong, China and the U.S. attended.") == ["Hong Kong"]


def test_a_capitalised_marker_right_before_a_word_begins_a_compound():
    # "Town Council", "City Hall": no town named Council or Hall; "the town of X" still marks X
    assert cities("The reception was hosted by the Town Council and held at City Hall.") == []
    assert cities("Delegates travelled on to the town of Grodno.") == ["Grodno"]


@pytest.mark.parametrize("sentence", [
    "The talks were attended by presidents Ilham Aliyev and Vladimir Putin.",
    "The summit brought together presidents Emomali Rahmon, Ilham Aliyev and Vladimir Putin in Sochi.",
])
def test_full_names_listed_after_a_plural_title_are_people(sentence):
    assert "Vladimir" not in cities(sentence)


def test_a_list_of_towns_after_a_plural_title_of_their_mayors_stays_towns():
    assert cities("Delegations led by the mayors of Vladimir and Tula attended.") == ["Vladimir", "Tula"]


def test_a_given_name_after_a_title_of_a_country_is_a_person():
    text = ("The President of Russia Vladimir Putin sent greetings. “Trade grows,” added Vladimir Putin. "
            "The Mayor of Harbin then visited Vladimir.")
    assert cities(text) == ["Harbin", "Vladimir"]
    assert [m.start for m in find_places(text, "en") if m.kind == "city" and m.city.name_en == "Vladimir"] == [
        text.rindex("Vladimir")]


def test_a_nationality_word_in_a_hyphenated_pair_is_no_city():
    # GeoNames lists "Kazakh" as an alternate name of towns; beside a named Kazakhstan it must still not be one
    text = "Kyrgyzstan and Kazakhstan signed deals at the Kyrgyz-Kazakh investment forum in Bishkek."
    cities = [(m.surface, m.city.name_en) for m in find_places(text, "en") if m.city is not None]
    assert cities == [("Bishkek", "Bishkek")]


@pytest.mark.parametrize("text, regions", [
    ("The governors of Omsk and Tomsk regions signed a memorandum.", ["Omsk", "Tomsk"]),
    ("Delegations of Omsk, Tomsk and Novosibirsk oblasts came to the fair.", ["Omsk", "Tomsk", "Novosibirsk"]),
])
def test_a_plural_marker_after_a_list_of_names_is_every_names(text, regions):
    found = find_places(text, "en")
    assert [p.surface for p in found if p.kind == "admin_region"] == regions
    assert not [p for p in found if p.kind == "city"]


def test_names_listed_without_a_marker_stay_cities():
    found = find_places("Delegations from Omsk and Tomsk came to the fair.", "en")
    assert [(p.kind, p.surface) for p in found] == [("city", "Omsk"), ("city", "Tomsk")]


def test_a_plural_head_of_a_listed_name_makes_every_name_an_organisations():
    found = find_places("Officials of the Omsk and Tomsk Regional Development Agencies signed the plan.", "en")
    assert [(p.kind, p.surface) for p in found] == [("organisation", "Omsk"), ("organisation", "Tomsk")]
    assert all(p.inside_name for p in found)


@pytest.mark.parametrize("sentence", [
    "India's harbour board chairman P. Anand Mohan Iyer said the berths were ready.",
    "The keynote came from T. Ravi Salem Kumar of India's shipping ministry.",
])
def test_a_name_after_an_initial_is_a_persons_however_many_words_follow_it(sentence):
    # Mohan and Salem are towns of India; after "P." or "T." they are parts of a person's name
    assert cities(sentence) == []


def test_a_city_of_that_very_name_comes_before_a_bigger_entry_bearing_it_as_an_alternate():
    # GeoNames also files Visakhapatnam's metropolis under a suburb's name, with more people
    assert cities("The port summit opened in Visakhapatnam on Monday.") == ["Visakhapatnam"]


def test_an_abbreviation_defined_after_a_city_stands_for_it():
    text = "The Kuala Lumpur (KL) trade week was held in KL on Monday. KL officials signed two deals."
    assert cities(text) == ["Kuala Lumpur", "Kuala Lumpur", "Kuala Lumpur"]
    # "UTS" abbreviates a university, not the city its name ends with
    assert cities("The University of Technology Sydney (UTS) signed. UTS staff came.") == ["Sydney"]
    # a dateline's agency is no name of its city
    assert cities("BEIJING (AP) - The fair opened.\nAP said more buyers came.") == ["Beijing"]


def test_a_big_city_of_the_text_vouches_for_its_country_as_the_countrys_name_would():
    assert cities("Guests from Germany arrive in Kinsale on Thursday and tour Dublin on Sunday.") \
        == ["Kinsale", "Dublin"]
    assert cities("Guests from Germany arrive in Kinsale on Thursday.") == []


def test_a_town_geonames_files_under_its_irish_name_has_its_english_one():
    assert cities("Twinning guests arrive in Newbridge on Thursday.") == ["Newbridge"]


def test_a_pronoun_before_a_host_verb_is_no_town():
    # a host verb makes a small town a place, but not a common word: "He welcomed" is a person
    text = "Mr. Fedotov introduced the institute. He welcomed the researchers to the conference."
    assert [p for p in find_places(text, "en") if p.kind == "city"] == []
    assert [p.city.name_en for p in find_places("Wertheim welcomed the delegation.", "en") if p.city] == ["Wertheim"]


@pytest.mark.parametrize("sentence, found", [
    # a city whose name is common only because the city is: after a preposition of place it is the city
    ("The summit on water rights opened in Geneva on Monday.", ["Geneva"]),
    ("Guests from Geneva toured the plant.", ["Geneva"]),
    # a common word naming only small towns stays a word there ("met in Commerce": Commerce, California)
    ("Bankers met in Commerce week after week.", []),
])
def test_a_common_word_after_a_preposition_of_place_is_a_city_of_some_size(sentence, found):
    assert cities(sentence) == found


@pytest.mark.parametrize("text, named", [
    # a marker reaches its name across "of", "the" and a few adjectives only, never across a verb
    ("A delegation of Nagano Prefecture visited Kazan in May.", ["Kazan"]),
    ("Guests came from the port city of Vanino.", ["Vanino"]),
    # a prefecture's or province's own government or assembly is the region's, not its capital's
    ("Members of the Shizuoka Prefectural Assembly met the Hubei Provincial Government.", []),
])
def test_markers_of_regions_and_their_reach(text, named):
    assert cities(text) == named


@pytest.mark.parametrize("text, named", [
    # a listed surname after a given name is a person's ("Chen" is also a town's alternate name)
    ("Speaking at the fair, Wendy Chen of a Hong Kong bank praised the organisers.", []),
    ("Guests from Harbin and Dalian attended.", ["Harbin", "Dalian"]),
])
def test_a_surname_after_a_given_name_is_a_person(text, named):
    assert [c for c in cities(text) if c != "Hong Kong"] == named


def test_a_small_towns_name_closing_another_proper_name_is_no_town():
    # a venue named "Sangeet Mandapam": Mandapam is also a small Indian town
    assert cities("The craft fair opened on 3 May 2024 at the restored Sangeet Mandapam in Chennai, India.") == \
        ["Chennai"]
    assert cities("Sangeet Mandapam's craft fair\nThe fair opened on 3 May 2024 at the restored Sangeet Mandapam in "
                  "Chennai, India.") == ["Chennai"]
    assert cities("Delegates from India met in Mandapam on Friday.") == ["Mandapam"]
    # a place before it, possessive too, is no other name's first word
    assert cities("Japan trip\nThe delegation visited Japan's Mooka on Friday.") == ["Mooka"]


def test_a_given_name_after_an_officers_title_is_a_person():
    # the association's treasurer and chair, not the towns of Norristown and Bristol
    text = "The MoU was signed by Chair Bristol Hayes and Treasurer Norris Keller of the association in Tianjin."
    assert cities(text) == ["Tianjin"]


@pytest.mark.parametrize("page", [
    "Cities forum\nPublished: 2024-05-10\nTurku-hosted Baltic Cities Forum drew mayors from Tartu and Klaipeda on "
    "Thursday.",
    "Cities forum\nPublished: 2024-05-10\nThe Turku-hosted Baltic Cities Forum drew mayors from Tartu and Klaipeda "
    "on Thursday.",
])
def test_a_city_joined_to_hosted_hosts_the_event(page):
    summary = summarise(page)
    assert (summary.host, summary.partners) == ("Turku", {"Tartu", "Klaipėda"})


def test_a_plural_place_noun_that_opens_a_list_by_example_says_what_its_names_are():
    found = {m.surface: m.kind for m in find_places("Russian regions including Amur and Primorye sent delegations, "
                                                    "as did cities such as Tartu.", "en")}
    assert (found["Amur"], found["Primorye"], found["Tartu"]) == ("admin_region", "admin_region", "city")


@pytest.mark.parametrize("sentence, expected", [
    # the gazetteer knows "St Martin" (Jersey), not the French town whose name goes on
    ("Deputy mayors for the neighbouring towns of Quimper and St Martin des Champs came.", ["Quimper"]),
    # a name the gazetteer holds whole is still the town
    ("Guests from the town of Saint-Martin-des-Champs toured Quimper.", ["Saint-Martin-des-Champs", "Quimper"]),
    ("The choir of the town of Bar le Duc sang in Quimper.", ["Bar-le-Duc", "Quimper"]),
    ("A delegation from Frankfurt am Main arrived in Quimper.", ["Frankfurt am Main", "Quimper"]),
])
def test_a_town_whose_name_runs_on_past_the_known_part_is_another_town(sentence, expected):
    assert cities(sentence) == expected

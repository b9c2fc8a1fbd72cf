"""The learned role models (host and partner cities, the event's date, its number of agreements): a weights file
decides where one is installed, the rules decide without it, and the training script fits one from labelled
articles of our own."""
import json

import pytest

from orchestration.evaluation import train_roles
from orchestration.extract.dates import PartialDate
from orchestration.extract.pipeline import extract_document
from orchestration.extract.roles import count_model, date_model, host_model, partner_model
from orchestration.extract.roles.learned import LogisticModel, rules_only, trained_model
from tests.extract.document_helpers import summarise

FESTIVAL = ("Twin-town festival in Bergen\n"
            "OSLO, May 14 -- A twin-town festival was held in Bergen on May 12, and delegations from Gdansk and "
            "Lund signed two cooperation agreements there.")


def write_model(path, features, weights, bias=0.0, threshold=0.5):
    path.write_text(json.dumps({"features": list(features), "weights": weights, "bias": bias,
                                "threshold": threshold, "means": [0.0] * len(features),
                                "scales": [1.0] * len(features)}), encoding="utf-8")


def test_a_logistic_model_scores_named_features():
    model = LogisticModel(("a", "b"), (2.0, -1.0), 0.0, 0.6, (0.0, 0.0), (1.0, 1.0))
    assert model.probability({"a": 1.0}) == pytest.approx(0.8808, abs=1e-4)
    assert model.accepts({"a": 1.0}) and not model.accepts({"a": 1.0, "b": 2.0})


def test_a_model_of_other_features_is_refused_and_training_sees_the_rules(tmp_path):
    path = tmp_path / "model.json"
    write_model(path, ("old_feature",), [1.0])
    with pytest.raises(ValueError, match="other features"):
        trained_model(path, ("new_feature",))
    with rules_only():
        assert trained_model(path, ("new_feature",)) is None


def test_without_a_weights_file_the_rules_decide():
    summary = summarise(FESTIVAL)
    assert summary.host == "Bergen" and summary.partners == {"Gdańsk", "Lund"}


def test_an_installed_host_model_ranks_the_candidates(tmp_path, monkeypatch):
    # a model that trusts the dateline alone overrules the stated locative: the weights, not the rules, decide
    path = tmp_path / "host.json"
    weights = [4.0 if name == "dateline" else 0.0 for name in host_model.FEATURES]
    write_model(path, host_model.FEATURES, weights, bias=-2.0)
    monkeypatch.setattr(host_model, "MODEL_PATH", path)
    assert summarise(FESTIVAL).host == "Oslo"
    result = extract_document("doc", FESTIVAL.split("\n", 1)[1], "en", title=FESTIVAL.split("\n", 1)[0])
    host_row = next(row for row in result.rows if row["kind"] == "city" and row["role"] == "host")
    assert json.loads(host_row["attributes"])["host_method"] == "learned"
    # no candidate above the threshold: the text names no host
    silent = tmp_path / "silent.json"
    write_model(silent, host_model.FEATURES, [0.0] * len(host_model.FEATURES), bias=-5.0, threshold=0.5)
    monkeypatch.setattr(host_model, "MODEL_PATH", silent)
    assert summarise(FESTIVAL).host is None


def test_an_installed_partner_model_accepts_or_rejects_each_candidate(tmp_path, monkeypatch):
    path = tmp_path / "partners.json"
    # a model that accepts only cities named in the first half of the text, and no dateline's: both delegations
    # come late, and Oslo is the dateline (a headline's last city and the next line's first are no one place)
    weights = [-6.0 if name in ("first_position", "in_dateline") else 0.0 for name in partner_model.FEATURES]
    write_model(path, partner_model.FEATURES, weights, bias=3.0)
    monkeypatch.setattr(partner_model, "MODEL_PATH", path)
    assert summarise(FESTIVAL).partners == set()


EXPO = ("Craft expo in Aarhus\n"
        "A craft expo was held in Aarhus on 3 June 2024, and exhibitors from Kiel signed two contracts at the expo "
        "on 4 June 2024.")


def _first_row(text: str, kind: str) -> dict | None:
    title, body = text.split("\n", 1)
    result = extract_document("doc", body, "en", title=title)
    return next((row for row in result.rows if row["kind"] == kind), None)


def _event_day(text: str) -> tuple | None:
    row = _first_row(text, "event_date")
    return None if row is None else (row["start_month"], row["start_day"])


def test_an_installed_date_model_ranks_the_dates(tmp_path, monkeypatch):
    with rules_only():
        assert _event_day(EXPO) == (6, 3)
    # a model that prefers the later of two dates overrules the rules' opening day: the weights decide
    path = tmp_path / "dates.json"
    write_model(path, date_model.FEATURES, [4.0 if name == "order" else 0.0 for name in date_model.FEATURES],
                bias=-1.0)
    monkeypatch.setattr(date_model.RANKER, "path", path)
    assert _event_day(EXPO) == (6, 4)
    # no date above the threshold: the text dates no event
    silent = tmp_path / "silent.json"
    write_model(silent, date_model.FEATURES, [0.0] * len(date_model.FEATURES), bias=-5.0)
    monkeypatch.setattr(date_model.RANKER, "path", silent)
    assert _event_day(EXPO) is None


FAIR = ("Wine fair in Porto\n"
        "A wine fair was held in Porto on 3 June 2024. Exhibitors signed 12 supply contracts, and the two towns "
        "signed 2 cooperation agreements.")


def _agreements(text: str) -> int | None:
    row = _first_row(text, "agreement_count")
    return None if row is None else row["count_value"]


def test_an_installed_count_model_ranks_the_counts(tmp_path, monkeypatch):
    assert _agreements(FAIR) == 12  # the rules: the largest signed count
    # a model that prefers the smallest figure overrules them: the weights decide
    path = tmp_path / "counts.json"
    write_model(path, count_model.FEATURES, [-4.0 if name == "log_value" else 0.0 for name in count_model.FEATURES],
                bias=3.0)
    monkeypatch.setattr(count_model.RANKER, "path", path)
    assert _agreements(FAIR) == 2
    silent = tmp_path / "silent.json"
    write_model(silent, count_model.FEATURES, [0.0] * len(count_model.FEATURES), bias=-5.0)
    monkeypatch.setattr(count_model.RANKER, "path", silent)
    assert _agreements(FAIR) is None


def test_training_labels_a_date_by_its_day():
    # a day written without its month ("14日") is right when it is the gold's day; a month alone never is
    wanted = {(6, 14), (6, 16)}
    assert train_roles._same_day(PartialDate(None, None, 14), wanted)
    assert train_roles._same_day(PartialDate(2024, 6, 16), wanted)
    assert not train_roles._same_day(PartialDate(2024, 7, 14), wanted)
    assert not train_roles._same_day(PartialDate(2024, 6, None), wanted)


def test_agreement_accuracy_leaves_out_reports_that_state_no_count_and_are_given_none():
    import numpy as np
    states_two = train_roles.Document("a", [[0.0], [0.0]], [0, 1], 1)
    states_none = train_roles.Document("b", [[0.0]], [0], 0)
    # the right count chosen, the silent report given none: one document counted, and it is right
    assert train_roles.agreement_accuracy([states_two, states_none], [np.array([0.2, 0.9]), np.array([0.1])], 0.5) == 1.0
    # a count given to the silent report is counted as wrong, as the scorer counts it
    assert train_roles.agreement_accuracy([states_two, states_none], [np.array([0.2, 0.9]), np.array([0.7])], 0.5) == 0.5
    # the wrong count chosen, or none where the gold has one, is wrong
    assert train_roles.agreement_accuracy([states_two], [np.array([0.9, 0.2])], 0.5) == 0.0
    assert train_roles.agreement_accuracy([states_two], [np.array([0.3, 0.4])], 0.5) == 0.0


ARTICLES = {
    "en-001": ("Sister-city forum in Tampere\nA sister-city forum took place in Tampere on 3 June 2023. Mayors "
               "from Linz and Pecs attended and signed a partnership pledge with Tampere.",
               {"name_en": "Tampere", "country": "FI"}, [{"name_en": "Linz", "country": "AT"},
                                                         {"name_en": "Pecs", "country": "HU"}]),
    "en-002": ("Trade fair opens in Poznan\nThe autumn trade fair opened in Poznan on 9 October 2022; companies "
               "from Leipzig showed machine tools, and a delegation from Brno signed a supply contract.",
               {"name_en": "Poznan", "country": "PL"}, [{"name_en": "Brno", "country": "CZ"}]),
    "en-003": ("Regional expo closes\nBERLIN, April 2 -- The regional expo held in Dresden closed on 1 April "
               "2021. Visitors came from Prague and Wroclaw, and exhibitors from Graz signed three deals.",
               {"name_en": "Dresden", "country": "DE"}, [{"name_en": "Graz", "country": "AT"}]),
    "en-004": ("Mayors meet in Turku\nOn 20 May 2024 mayors of Tartu and Uppsala met in Turku at a twin-city "
               "summit and signed a joint declaration on student exchange.",
               {"name_en": "Turku", "country": "FI"}, [{"name_en": "Tartu", "country": "EE"},
                                                       {"name_en": "Uppsala", "country": "SE"}]),
    "en-005": ("Investment forum in Kaunas\nAn investment forum was held in Kaunas on 14 March 2020, where "
               "investors from Riga signed two agreements.",
               {"name_en": "Kaunas", "country": "LT"}, [{"name_en": "Riga", "country": "LV"}]),
}


DAYS = {
    "en-001": {"start_date": "2023-06-03", "end_date": "2023-06-03", "agreements_count": 1},
    "en-002": {"start_date": "2022-10-09", "end_date": None, "agreements_count": 1},
    "en-003": {"start_date": None, "end_date": "2021-04-01", "agreements_count": 3},
    "en-004": {"start_date": "2024-05-20", "end_date": "2024-05-20", "agreements_count": 1},
    "en-005": {"start_date": "2020-03-14", "end_date": "2020-03-14", "agreements_count": 2},
}


@pytest.fixture
def labelled(tmp_path):
    corpus, gold = tmp_path / "tune", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    for doc_id, (text, host, partners) in ARTICLES.items():
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (gold / f"{doc_id}.json").write_text(json.dumps({"doc_id": doc_id, "events": [
            {"host_city": host, "partner_cities": partners, **DAYS[doc_id]}]}), encoding="utf-8")
    return corpus, gold


@pytest.mark.parametrize("task", ["hosts", "partners", "dates", "counts"])
def test_training_fits_a_model_the_extractor_can_load(labelled, tmp_path, task, capsys):
    corpus, gold = labelled
    out = tmp_path / f"{task}.json"
    assert train_roles.main([task, str(corpus), str(gold), "--out", str(out)]) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    features = {"hosts": host_model.FEATURES, "partners": partner_model.FEATURES, "dates": date_model.FEATURES,
                "counts": count_model.FEATURES}[task]
    # a document none of whose candidates the extractor finds has nothing to rank: counts skip the one whose
    # document (a partnership pledge) is no document noun the rules read
    assert model["features"] == list(features) and model["documents"] == len(ARTICLES) - (task == "counts")
    assert model["positives"] >= 3 and 0.1 <= model["threshold"] <= 0.8
    assert trained_model(out, features) is not None
    assert "model (5-fold)" in capsys.readouterr().out


def test_the_check_half_is_never_trained_on(labelled, tmp_path):
    corpus, gold = labelled
    check = tmp_path / "check"
    corpus.rename(check)
    with pytest.raises(SystemExit, match="scoring only"):
        train_roles.main(["hosts", str(check), str(gold), "--out", str(tmp_path / "m.json")])

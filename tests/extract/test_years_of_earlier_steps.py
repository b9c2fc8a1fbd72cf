"""A report with no date of its own takes the event's year from another sentence about the event only when no
later year of something already done is written: "the mayors first met at the fair in 2011 … the plan was renewed
in 2019" leaves a "20 October" signing without a year, while a year the story ends on still completes it.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise

STORIES = [
    # an earlier step: the event keeps no year
    ("ja", "覚書を締結\n10月20日、鳥取市と台中市は交流促進覚書を締結した。両市は2011年に台中市で開かれた花の博覧会への"
           "参加をきっかけに交流を始めた。2019年には市長が台中市を訪問していた。", None),
    ("zh", "签署备忘录\n10月20日,扬州市与奥地利格拉茨市签署友好交流备忘录。两市于2011年在格拉茨举办的博览会上结识。"
           "2019年两市市长曾互访。", None),
    ("ru", "Подписан меморандум\n20 октября мэры Твери и Гомеля подписали меморандум о сотрудничестве. Впервые делегации "
           "городов встретились на выставке в Гомеле в 2011 году. В 2019 году мэр Твери посещал Гомель.", None),
    ("en", "Memorandum signed\nOn 20 October the mayors of Gdansk and Turku signed a memorandum of cooperation. The two "
           "cities first met at a trade fair held in Turku in 2011. In 2019 the mayor of Gdansk visited Turku.", None),
    # the latest step of the story: its year completes the event's day
    ("ja", "覚書を締結\n10月20日、鳥取市と台中市は交流促進覚書を締結した。両市は2011年から交流を続けてきた。"
           "2019年の博覧会で台中市と覚書の準備を始めた。", 2019),
    ("zh", "签署备忘录\n10月20日,扬州市与奥地利格拉茨市签署友好交流备忘录。两市自2011年起开展交流。"
           "2019年两市在格拉茨举办的博览会上商定了备忘录文本。", 2019),
]


@pytest.mark.parametrize("lang, page, year", STORIES, ids=[f"{lang}-{year}" for lang, _, year in STORIES])
def test_a_year_from_another_sentence_completes_the_event_only_as_the_storys_latest(lang, page, year):
    summary = summarise(page)
    assert summary.date is not None and summary.date[:3] == (year, 10, 20)

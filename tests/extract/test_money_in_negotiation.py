"""A sum still being negotiated is no deal signed, in the four languages; the sum signed beside it stays one."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page", [
    "Forum closes\nThe investment forum closed in Havana on 8 November 2024. Ten projects were signed worth 200 "
    "million dollars, and 45 more are in advanced negotiations for an estimated nine billion dollars.",
    "Форум завершился\nИнвестфорум завершился в Гаване 8 ноября 2024 года. Подписано 10 соглашений на 200 млн "
    "долларов, ещё 45 проектов на 9 млрд долларов находятся на стадии переговоров.",
    "投資フォーラムが閉幕\n投資フォーラムは2024年11月8日、ハバナで閉幕した。10件、2億ドルの契約が締結され、さらに45件、90億ドルの"
    "案件が交渉中だ。",
    "投资论坛闭幕\n2024年11月8日,投资论坛在哈瓦那闭幕。共签约10个项目,金额2亿美元;另有45个项目正在洽谈中,金额约90亿美元。",
])
def test_a_sum_under_negotiation_is_no_deal(page):
    assert [deal[:2] for deal in summarise(page).deals] == [(200000000.0, "USD")]

"""Traditional Chinese is read through a same-length Simplified copy."""
from __future__ import annotations

from orchestration.extract.chinese import to_simplified
from orchestration.extract.pipeline import extract_document


def test_traditional_characters_fold_one_for_one():
    traditional = "第三屆東北亞博覽會在長春開幕，簽約項目達十二億元。"
    simplified = to_simplified(traditional)
    assert len(simplified) == len(traditional)
    assert simplified == "第三届东北亚博览会在长春开幕，签约项目达十二亿元。"
    assert to_simplified("合作论坛") == "合作论坛"  # Simplified text is left as it is


def test_a_traditional_report_yields_its_event_with_original_surfaces():
    text = "第五屆海峽兩岸經貿論壇12日在廈門舉行，雙方簽署合作協議8份，金額3億元。"
    result = extract_document("t1", text, "zh")
    assert result.is_relevant
    event = next(row for row in result.rows if row["kind"] == "event")
    assert "論壇" in event["event_name"]  # the name as written, not the folded copy
    assert event["surface"] == text[event["start_offset"]:event["end_offset"]]
    hosts = [row for row in result.rows if row["kind"] == "city" and row["role"] == "host"]
    assert hosts and hosts[0]["surface"] == "廈門"

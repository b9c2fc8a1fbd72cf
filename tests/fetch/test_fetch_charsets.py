"""Legacy charsets decode to the exact Unicode text, whether the charset is in the header, in <meta>, or nowhere."""
from __future__ import annotations

import pytest
from server import Reply

from orchestration.fetch.charsets import (
    declared_in_document,
    decode_body,
    normalize_label,
)

# Sentences written for these tests (not taken from any article).
RUSSIAN = (
    "Делегация Новосибирска подписала три соглашения о сотрудничестве на осеннем форуме в Харбине. "
    "Стороны договорились расширить обмен студентами и провести совместную выставку в следующем году."
)
JAPANESE = (
    "名古屋市と南京市の代表団は、技術協力に関する覚書を二件締結しました。"
    "両市は来年、若い研究者の交流を広げることで合意しています。"
)
CHINESE_SIMPLIFIED = "哈尔滨市与新西伯利亚市在经贸论坛上签署了五项合作协议。双方同意明年共同举办科技展览会，并扩大青年学者的交流。"
CHINESE_TRADITIONAL = "台中市與姊妹市代表團在論壇上簽署了兩項合作備忘錄。雙方同意明年共同舉辦科技展覽會，並擴大青年學者的交流。"

CASES = [
    ("windows-1251", RUSSIAN, "ru"),
    ("koi8-r", RUSSIAN, "ru"),
    ("shift_jis", JAPANESE, "ja"),
    ("euc-jp", JAPANESE, "ja"),
    ("gb18030", CHINESE_SIMPLIFIED, "zh-CN"),
    ("gbk", CHINESE_SIMPLIFIED, "zh-CN"),
    ("gb2312", CHINESE_SIMPLIFIED, "zh-CN"),
    ("big5", CHINESE_TRADITIONAL, "zh-TW"),
]


def _page(sentence: str, lang: str, meta: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head>{meta}<title>{sentence[:12]}</title></head>'
        f"<body><article><p>{sentence}</p></article></body></html>"
    )


@pytest.mark.parametrize("where", ["header", "meta", "http-equiv", "nowhere"])
@pytest.mark.parametrize("charset, sentence, lang", CASES, ids=[case[0] for case in CASES])
def test_legacy_charset_page_decodes_exactly(server, make_fetcher, charset, sentence, lang, where):
    meta = {"meta": f'<meta charset="{charset}">',
            "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'}.get(where, "")
    html = _page(sentence, lang, meta)
    content_type = f"text/html; charset={charset}" if where == "header" else "text/html"
    server.route("/page", Reply(200, html.encode(charset), {"Content-Type": content_type}))
    result = make_fetcher().fetch(server.url("/page"))
    assert result.status == "fetched"
    assert result.text == html
    assert sentence in result.text
    assert result.encoding_source == {"header": "header", "nowhere": "detected"}.get(where, "meta")
    assert result.body == html.encode(charset)  # the raw bytes are kept as received


def test_a_lying_utf8_header_yields_to_the_meta_charset():
    html = _page(RUSSIAN, "ru", '<meta charset="windows-1251">')
    assert decode_body(html.encode("cp1251"), "text/html; charset=utf-8") == (html, "cp1251", "meta")


def test_a_lying_utf8_header_without_meta_falls_back_to_detection():
    html = _page(RUSSIAN, "ru")
    text, encoding, how = decode_body(html.encode("cp1251"), "text/html; charset=UTF-8")
    assert (text, encoding, how) == (html, "cp1251", "detected")


def test_a_stray_invalid_byte_does_not_unseat_a_declared_utf8():
    html = _page(RUSSIAN * 5, "ru")
    body = html.encode("utf-8").replace("Харбине".encode(), "Харбине".encode() + b"\xff", 1)
    text, encoding, how = decode_body(body, "text/html; charset=utf-8")
    assert (encoding, how) == ("utf-8", "header")
    assert text.replace("\ufffd", "") == html


def test_gb2312_label_decodes_characters_only_gbk_and_gb18030_have():
    sentence = "朱镕基与代表团会见，签署协议。"  # 镕 is outside GB2312
    body = sentence.encode("gb18030")
    assert decode_body(body, "text/html; charset=gb2312") == (sentence, "gb18030", "header")


def test_shift_jis_label_decodes_windows_extensions():
    sentence = "①覚書の締結式は髙島屋の会場で行われた。"  # circled digit and 髙 are cp932 extensions
    body = sentence.encode("cp932")
    assert decode_body(body, "text/html; charset=Shift_JIS") == (sentence, "cp932", "header")


def test_big5_label_decodes_hkscs_characters():
    sentence = "香港與深圳簽署合作備忘錄，涉及粵港兩地。"
    assert decode_body(sentence.encode("big5hkscs"), "text/html; charset=big5") == (sentence, "big5hkscs", "header")


def test_xml_declaration_is_a_document_declaration():
    xml = f'<?xml version="1.0" encoding="koi8-r"?><rss><item><title>{RUSSIAN}</title></item></rss>'
    assert decode_body(xml.encode("koi8-r"), "application/xml") == (xml, "koi8-r", "meta")


def test_meta_after_a_long_script_is_still_found():
    html = "<html><head><script>" + "x = 1;\n" * 400 + f'</script><meta charset="euc-jp"></head><body>{JAPANESE}</body></html>'
    assert decode_body(html.encode("euc-jp"), None) == (html, "euc_jp", "meta")


def test_byte_order_mark_wins():
    assert decode_body("\ufeff" .encode("utf-8") + JAPANESE.encode("utf-8"), "text/html; charset=shift_jis") == (
        JAPANESE, "utf-8", "meta")


def test_meta_claiming_utf16_means_utf8():
    html = f'<html><head><meta charset="utf-16"></head><body>{RUSSIAN}</body></html>'
    assert decode_body(html.encode("utf-8"), None) == (html, "utf-8", "meta")


def test_unknown_label_is_ignored():
    html = f'<html><head><meta charset="x-no-such-charset"></head><body>{CHINESE_SIMPLIFIED}</body></html>'
    assert decode_body(html.encode("utf-8"), "text/html; charset=bogus") == (html, "utf-8", "detected")


def test_empty_and_ascii_bodies():
    assert decode_body(b"", None) == ("", "utf-8", "default")
    assert decode_body(b"<html>plain</html>", None) == ("<html>plain</html>", "utf-8", "detected")


def test_label_normalisation():
    assert normalize_label("GB2312") == normalize_label("GBK") == "gb18030"
    assert normalize_label("Shift_JIS") == normalize_label("x-sjis") == "cp932"
    assert normalize_label("BIG5") == "big5hkscs"
    assert normalize_label("windows-1251") == "cp1251"
    assert normalize_label("ISO-8859-1") == "cp1252"
    assert normalize_label("koi8-r") == "koi8-r"
    assert normalize_label("nonsense") is None


def test_declared_in_document_reads_both_meta_forms():
    assert declared_in_document(b'<meta http-equiv="content-type" content="text/html;charset=KOI8-R">') == "KOI8-R"
    assert declared_in_document(b"<META CHARSET=gbk>") == "gbk"
    assert declared_in_document(b'<meta name="viewport" content="width=device-width"><p>') is None


@pytest.mark.parametrize("label", ["base64", "rot13", "hex", "zlib", "uu", "idna", "punycode", "unicode_escape",
                                   "utf-7", "undefined", "quopri"])
def test_a_declaration_that_names_no_character_encoding_is_ignored(label):
    assert normalize_label(label) is None
    body = _page(RUSSIAN, "ru", f'<meta charset="{label}">').encode("windows-1251")
    text, encoding, how = decode_body(body, f"text/html; charset={label}")
    assert RUSSIAN in text and encoding == "cp1251" and how == "detected"


def test_a_bogus_charset_does_not_fail_the_parse():
    from orchestration.parse.document import parse_document

    page = _page(RUSSIAN, "ru", '<meta charset="base64">').encode("windows-1251")
    parsed = parse_document(page, content_type="text/html")
    assert "Новосибирска" in parsed.text

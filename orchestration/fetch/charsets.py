"""Bytes to text for fetched pages, in the order a browser trusts: a byte-order mark, the HTTP header charset,
`<meta charset>` / `<meta http-equiv=Content-Type>`, the XML declaration, then statistical detection.

Servers lie often enough (a default "utf-8" header on a windows-1251 page is the classic) that a declared charset
that cannot decode the bytes is passed over for the next clue instead of producing mojibake.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

DEFAULT_ENCODING = "utf-8"
# Where the encoding came from. A BOM and the XML declaration are declarations inside the document, like <meta>.
HOW_HEADER, HOW_META, HOW_DETECTED, HOW_DEFAULT = "header", "meta", "detected", "default"

# Labels that browsers (WHATWG Encoding Standard) map to a superset; the superset decodes every page written in the
# narrower encoding and also the many pages that use its extensions under the old label.
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "gb_2312": "gb18030",
    "csgb2312": "gb18030", "chinese": "gb18030", "iso-ir-58": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "csshiftjis": "cp932", "windows-31j": "cp932", "ms932": "cp932",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cn-big5": "big5hkscs", "x-x-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "ksc5601": "cp949", "windows-949": "cp949",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254", "iso-8859-11": "cp874", "tis-620": "cp874",
    "x-cp1251": "cp1251", "x-mac-cyrillic": "mac_cyrillic", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
}
# The character encodings a page may declare: those of the WHATWG Encoding Standard (what browsers honour) and a
# few legacy Cyrillic and CJK code pages, as Python codec names. Anything else a page names is ignored like an
# unknown label: a bytes codec (base64, zlib), a text transform (rot13), or a codec that is no character set
# (idna, punycode, unicode_escape, utf-7, undefined) would raise or turn the page into something it is not.
_TEXT_ENCODINGS = frozenset(codecs.lookup(label).name for label in (
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii",
    "ibm866", "cp855", "cp1125", "koi8-r", "koi8-u", "mac-cyrillic", "mac-roman", "tis-620", "cp874",
    *(f"iso-8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)),
    *(f"windows-{n}" for n in range(1250, 1259)),
    "gbk", "gb2312", "gb18030", "hz", "big5", "big5hkscs",
    "euc-jp", "euc-jis-2004", "iso-2022-jp", "shift_jis", "shift_jis_2004", "cp932", "euc-kr", "cp949", "iso-2022-kr",
))
# A page that can declare itself in ASCII bytes cannot be UTF-16 (WHATWG: such a <meta> means UTF-8).
_UTF16 = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
# Multi-byte encodings reject bytes that are not theirs, so a failed strict decode proves the label wrong.
# (Single-byte code pages accept any bytes, so for them the first clue is taken as is.)
_TOLERATED_ERROR_RATE = 0.001  # a stray invalid byte in a long UTF-8 page does not make it another encoding

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""", re.IGNORECASE)
_META_TAG = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:+-]+)["']""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_PRESCAN_BYTES = 8192  # browsers scan 1024; CMS templates often put <meta> after long inline scripts
_DETECTION_BYTES = 65536  # detection on a large prefix is as good as on the whole page and much faster


def normalize_label(label: str | None) -> str | None:
    """A Python codec name for a charset label, with browser supersets applied; None if the label is unknown or
    names no character encoding (``base64``, ``rot13``, ``idna``...)."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError):
        return None
    if name not in _TEXT_ENCODINGS:
        return None
    # codecs.lookup canonicalises some superset names back (e.g. "gbk" -> "gbk"); re-apply by canonical name too
    return _SUPERSETS.get(name.replace("_", "-"), _SUPERSETS.get(name, name))


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def declared_in_document(body: bytes) -> str | None:
    """The charset named by the first `<meta>` that names one, else by the XML declaration."""
    head = body[:_PRESCAN_BYTES]
    for tag in _META_TAG.finditer(head):
        match = _META_CHARSET.search(tag.group(0))
        if match:
            return match.group(1).decode("ascii")
    match = _XML_DECLARATION.match(head)
    return match.group(1).decode("ascii") if match else None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str, str]:
    """Decode a page: returns (text, encoding_used, how) with how one of header | meta | detected | default."""
    for bom, codec, name in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace"), name, HOW_META

    fallback: tuple[str, str] | None = None
    declarations = ((charset_from_content_type(content_type), HOW_HEADER), (declared_in_document(body), HOW_META))
    for raw_label, how in declarations:
        encoding = normalize_label(raw_label)
        if encoding is None:
            continue
        if how == HOW_META and encoding in _UTF16:
            encoding = "utf-8"
        text = _decode_if_consistent(body, encoding)
        if text is not None:
            return text, encoding, how
        fallback = fallback or (encoding, how)

    detected = detect_encoding(body)
    if detected is not None:
        text = _decode_if_consistent(body, detected)
        if text is not None:
            return text, detected, HOW_DETECTED
    if fallback is not None:  # every clue is imperfect: a declared charset with a few replacements beats a guess
        encoding, how = fallback
        return body.decode(encoding, errors="replace"), encoding, how
    return body.decode(DEFAULT_ENCODING, errors="replace"), DEFAULT_ENCODING, HOW_DEFAULT


def detect_encoding(body: bytes) -> str | None:
    """A statistical guess for undeclared bytes: UTF-8 when valid, else charset-normalizer's best match."""
    if not body:
        return None
    sample = body[:_DETECTION_BYTES]
    if _is_utf8(sample):
        return "utf-8"
    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        return None
    return normalize_label(best.encoding)


def _is_utf8(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        # the sample may cut a multi-byte character in half at its end
        return len(sample) - error.start < 4 and error.reason == "unexpected end of data"


def _decode_if_consistent(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = body.decode(encoding, errors="replace")
    if text.count("\ufffd") <= max(1, len(text) * _TOLERATED_ERROR_RATE):
        return text
    return None

"""HTML to article lines: drop the page chrome by element, keep block structure as lines."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

_CHROME = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "select", "template")
_CHROME_HINT = re.compile(r"\b(nav|menu|breadcrumb|sidebar|footer|header|related|share|social|comment|advert|ad-|banner|cookie|subscribe)", re.I)
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article", "blockquote", "pre", "dd", "dt", "figcaption", "time", "td"}


@dataclass(frozen=True)
class HtmlPage:
    title: str | None
    text: str  # block text, one block per line
    head_html: str  # the <head>, for metadata such as publication dates


def html_to_page(markup: str) -> HtmlPage:
    try:
        root = lxml_html.document_fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return HtmlPage(None, "", "")
    head = root.find("head")
    head_html = lxml_html.tostring(head, encoding="unicode") if head is not None else ""
    title = _meta_title(root)
    for element in list(root.iter(*_CHROME)):
        _drop(element)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        hint = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
        if element.tag not in ("html", "body", "article", "main") and _CHROME_HINT.search(hint):
            _drop(element)
    container = _main_container(root)
    lines: list[str] = []
    _collect(container, lines)
    text = "\n".join(line for line in (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(lines).split("\n")) if line)
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return HtmlPage(title, text, head_html)


def _drop(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    # keep the tail text, which belongs to the parent
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _meta_title(root) -> str | None:
    for xpath in ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content', "//h1//text()", "//title//text()"):
        values = [v.strip() for v in root.xpath(xpath) if v and v.strip()]
        if values:
            return re.sub(r"\s+", " ", " ".join(values) if xpath.startswith("//h1") else values[0]).strip()
    return None


def _main_container(root):
    """The <article> or <main> holding most text, else <body>."""
    candidates = root.xpath("//article | //main | //*[@itemprop='articleBody']")
    if candidates:
        return max(candidates, key=lambda el: len(el.text_content()))
    body = root.find("body")
    return body if body is not None else root


def _collect(element, out: list[str]) -> None:
    if not isinstance(element.tag, str):
        if element.tail:
            out.append(element.tail)
        return
    block = element.tag in _BLOCKS
    if block:
        out.append("\n")
    if element.text:
        out.append(element.text)
    for child in element:
        _collect(child, out)
    if block:
        out.append("\n")
    if element.tail:
        out.append(element.tail)

"""Builds the ru/ja/zh HTML evaluation pages from the labelled corpus's real article texts (run once; the pages
and ``evaldata.json`` are committed). See README.md.

    python sources/corpus/html/make_pages.py

Each article is laid into one of eight page layouts that reproduce the structures of real news sites (a
WordPress theme, an agency page with ``<main>``, an ASP.NET ``<form>`` page, an XHTML page with an XML
declaration, a portal of plain ``<div>``s, a Xinhua-style detail page, a page with JSON-LD, a page between
long teaser lists). The labels: every prose paragraph of the article is text, and three of them (the first,
one in the middle, the last) are the ``with`` snippets; the ``without`` snippets are the layout's furniture
(navigation, related and most-read headlines, share and subscribe labels, comments, editor lines,
copyright). Short lines of the original text around the article (bylines, captions, sources) are kept in the
page but never labelled either way.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELLED = HERE.parent / "labelled"

# (document, title as the page prints it: the article's own headline where its text has one, else one of ours)
ARTICLES = {
    "ru": [
        ("ru-006", "Машины и жевательный табак: Россия и Китай укрепляют сотрудничество на «Экспо» в Екатеринбурге"),
        ("ru-010", "Екатеринбург укрепляет международное партнерство"),
        ("ru-011", 'Участники форума "Города России" подписали втрое больше соглашений в 2025 году'),
        ("ru-012", "Челябинск и Далянь стали городами-побратимами"),
        ("ru-017", "На ПМЭФ заключили соглашений на 5,6 триллионов рублей"),
        ("ru-021", "В Шанхае подвели итоги восьмой ярмарки импорта"),
        ("ru-035", "Форум межрегионального сотрудничества РФ и Казахстана открылся в Костанае"),
        ("ru-040", "Товарооборот России и Китая сократился за девять месяцев"),
    ],
    "ja": [
        ("ja-004", "第五回中国・ユーラシア博覧会開催"),
        ("ja-009", "第1回中国-ロシア博覧会、ハルビンで開催へ"),
        ("ja-017", "第8回中日韓友好都市会議が閉幕"),
        ("ja-023", "第14回中国・北東アジア博覧会が長春で開催"),
        ("ja-027", "北京と東京がオンライン経済交流会"),
        ("ja-031", "ペテルブルク国際経済フォーラム、調印額が過去最高に"),
        ("ja-036", "輸入博覧会が閉幕、日本企業の出展が最多に"),
        ("ja-050", "東北アジア国際博覧センターのプロジェクトが着工"),
    ],
    "zh": [
        ("zh-001", "第三屆中國—東盟博覽會閉幕"),
        ("zh-007", "第七届中国—亚欧博览会落幕 签约合作项目金额超1万亿元创历届之最"),
        ("zh-009", "第五屆中國-亞歐博覽會開幕 聚焦“絲綢之路經濟帶”核心區"),
        ("zh-011", "共襄亚欧盛会 同绘发展蓝图——第八届中国—亚欧博览会开幕在即"),
        ("zh-018", "長春市借力東北亞博覽會簽約15個重大項目"),
        ("zh-021", "山海共济创未来——写在第七届中阿博览会召开之际"),
        ("zh-035", "福州193个重大项目开工 总投资1350亿元"),
        ("zh-044", "张国清出席天津市与墨尔本市建立友好城市关系40周年视频座谈会 增进友谊密切往来 开启务实合作新篇章"),
    ],
}

# page furniture in each language, written for this set
CHROME = {
    "ru": {
        "site": "Вестник Евразии", "nav": ["Главная", "Политика", "Экономика", "Общество", "Регионы", "Культура"],
        "nav_extra": "Курсы валют и погода",
        "related_label": "Читайте также", "top_label": "Самое читаемое",
        "related": ["Новый мост через Амур откроют для грузовиков весной", "Фермеры Приморья собрали рекордный урожай сои",
                    "В Новосибирске прошел фестиваль уличной еды", "Курс юаня на бирже снизился третий день подряд"],
        "share": "Поделиться в Telegram", "subscribe": "Подпишитесь на нашу рассылку",
        "comment": "Отличная новость для нашего региона, ждем новых совместных проектов!",
        "editor": "Редактор: Анна Смирнова", "copyright": "Перепечатка материалов только с письменного согласия редакции",
        "tags": "Теги: сотрудничество, выставки", "print": "Версия для печати",
        "ad": "Реклама: скидки на авиабилеты до конца месяца",
        "date": lambda y, m, d: f"{d} {['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'][m - 1]} {y}, 14:05",
    },
    "ja": {
        "site": "ユーラシア経済ニュース", "nav": ["トップ", "政治", "経済", "社会", "国際", "文化"],
        "nav_extra": "天気・防災情報",
        "related_label": "関連記事", "top_label": "アクセスランキング",
        "related": ["北海道で初雪、平年より5日早く", "新型蓄電池の量産、来年にも開始へ",
                    "大阪の商店街で秋祭りにぎわう", "円相場、一時1ドル150円台に"],
        "share": "この記事をシェアする", "subscribe": "メールマガジンの登録はこちら",
        "comment": "とても参考になりました。続報を期待しています。",
        "editor": "（編集担当：山田）", "copyright": "記事・写真の無断転載を禁じます",
        "tags": "タグ：博覧会、国際協力", "print": "印刷用ページ",
        "ad": "広告：秋の旅行キャンペーン実施中",
        "date": lambda y, m, d: f"{y}年{m}月{d}日 14:05",
    },
    "zh": {
        "site": "丝路新闻网", "nav": ["首页", "时政", "经济", "社会", "国际", "文化"],
        "nav_extra": "网上举报中心",
        "related_label": "相关新闻", "top_label": "热点排行",
        "related": ["多地迎来今冬首场降雪", "新能源汽车出口量同比增长三成", "城市公园周末游客量创新高", "秋粮收购工作全面展开"],
        "share": "分享到微信朋友圈", "subscribe": "扫码关注官方微信公众号",
        "comment": "希望两地合作越来越好，期待更多项目落地！",
        "editor": "【责任编辑：李明】", "copyright": "未经书面授权禁止转载或建立镜像",
        "tags": "标签：博览会 对外合作", "print": "打印本页 | 关闭窗口",
        "ad": "广告：金秋购物节全场满减",
        "date": lambda y, m, d: f"{y}-{m:02d}-{d:02d} 14:05",
    },
}

_DATE_PREFIX = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def article_parts(doc: str, lang: str, title: str) -> tuple[list[str], list[tuple[str, str]]]:
    """(lines before the first paragraph, [(kind, line)] from the first paragraph on: kind `p` is a prose
    paragraph, `other` a short line of the original page that is labelled neither way)."""
    text = (LABELLED / "tune" / f"{doc}.txt").read_text(encoding="utf-8")
    lines = [_DATE_PREFIX.sub("", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line and line != title and line not in ("test", "|")]
    if lines and lines[0].startswith(title):  # a saved page's first line: the headline, then a caption
        rest = lines[0][len(title):].strip()
        lines = ([rest] if rest else []) + lines[1:]
    minimum = 60 if lang in ("ja", "zh") else 80
    # a breadcrumb or a byline of fields ("編輯: … | 時間: …") can be long, but is no paragraph
    kinds = [("p" if len(line) >= minimum and "|" not in line and " > " not in line and "时间:" not in line
              else "other", line) for line in lines]
    first = next(i for i, (kind, _) in enumerate(kinds) if kind == "p")
    return [line for _, line in kinds[:first]], kinds[first:]


def snippet(paragraph: str, lang: str) -> str:
    """A stretch of a paragraph long enough to be unique: twenty CJK characters, else eight words; never across
    a bracket, where mirror sites put pinyin glosses (經(jīng)濟) that parsing may rightly drop."""
    if lang in ("ja", "zh"):
        starts = [s for s in range(2, max(3, len(paragraph) - 20)) if not set("()") & set(paragraph[s:s + 20])]
        start = starts[0] if starts else 0
        return paragraph[start:start + 20].strip()
    return " ".join(paragraph.split()[1:9])


def body_html(parts: list[tuple[str, str]], tag: str = "p") -> str:
    return "\n".join(f"<{tag}>{html.escape(line)}</{tag}>" for _, line in parts)


def head(title: str, site: str, lang: str, extra: str = "", og: bool = True) -> str:
    """Only some sites state an og:title; all put the site's name in <title>."""
    og_tags = (f'<meta property="og:title" content="{html.escape(title)}"><meta property="og:site_name" content="{site}">'
               if og else "")
    return (f'<head><meta charset="utf-8"><title>{html.escape(title)} | {site}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">{og_tags}'
            f'<link rel="stylesheet" href="/static/css/main.css"><script src="/static/js/analytics.js"></script>{extra}</head>')


def nav_list(c: dict, cls: str = "menu") -> str:
    items = "".join(f'<li><a href="/{i}/">{html.escape(n)}</a></li>' for i, n in enumerate(c["nav"] + [c["nav_extra"]]))
    return f'<ul class="{cls}">{items}</ul>'


def teaser_list(headlines: list[str], cls: str = "list") -> str:
    return f'<ul class="{cls}">' + "".join(f'<li><a href="/news/{i}.html">{html.escape(h)}</a></li>'
                                          for i, h in enumerate(headlines)) + "</ul>"


def json_ld(title: str, published: str | None) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title}
    if published:
        data["datePublished"] = f"{published}T14:05:00+03:00"
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def meta_date(name: str, published: str | None, attr: str = "property") -> str:
    return f'<meta {attr}="{name}" content="{published}T14:05:00+08:00">' if published else ""


def visible_date(c: dict, published: str | None) -> str:
    if not published:
        return ""
    y, m, d = (int(x) for x in published.split("-"))
    return c["date"](y, m, d)


# ---------------------------------------------------------------------------------------------- layouts
# Each returns (markup, without-snippets, where the page states its date: meta | json-ld | visible | None).

def wordpress(title, lang, c, pre, parts, published):
    markup = f"""<!DOCTYPE html><html lang="{lang}">{head(title, c['site'], lang, meta_date('article:published_time', published))}
<body class="post-template-default single single-post">
<div class="site-container"><header class="site-header"><div class="wrap"><p class="site-title"><a href="/">{c['site']}</a></p>
<nav class="nav-primary">{nav_list(c)}</nav></div></header>
<div class="site-inner"><div class="content-sidebar-wrap"><main class="content" id="genesis-content">
<article class="post type-post entry"><header class="entry-header"><h1 class="entry-title">{html.escape(title)}</h1>
<p class="entry-meta">{body_html([('', x) for x in pre], 'span')}</p></header>
<div class="entry-content">{body_html(parts)}</div>
<footer class="entry-footer"><p class="entry-tags">{c['tags']}</p><div class="share-buttons"><a href="#">{c['share']}</a></div></footer></article>
<section id="comments" class="entry-comments"><h3>1</h3><ol class="comment-list"><li class="comment"><div class="comment-content"><p>{c['comment']}</p></div></li></ol></section>
</main><aside class="sidebar sidebar-primary widget-area"><section class="widget"><h3 class="widgettitle">{c['top_label']}</h3>{teaser_list(c['related'][:3])}</section>
<section class="widget"><p>{c['subscribe']}</p></section></aside></div></div>
<footer class="site-footer"><div class="wrap"><p>© 2025 {c['site']}. {c['copyright']}</p></div></footer></div></body></html>"""
    return markup, [c["nav_extra"], c["related"][0], c["comment"], c["subscribe"], c["copyright"]], "meta" if published else None


def xinhua(title, lang, c, pre, parts, published):
    markup = f"""<!DOCTYPE html><html>{head(title, c['site'], lang, json_ld(title, published))}
<body><div class="header"><div class="logo"><a href="/"><img src="/logo.png" alt="{c['site']}"></a></div>{nav_list(c, 'nav')}</div>
<div class="main clearfix"><div class="part1"><div class="h-title"><h1>{html.escape(title)}</h1></div>
<div class="h-info">{body_html([('', x) for x in pre], 'span')}</div>
<div id="detail">{body_html(parts)}</div>
<div class="editor">{c['editor']}</div>
<div class="share"><span>{c['share']}</span></div></div>
<div class="part2"><div class="related"><h3>{c['related_label']}</h3>{teaser_list(c['related'])}</div></div></div>
<div class="foot"><p>{c['site']} {c['copyright']}</p></div></body></html>"""
    return markup, [c["nav_extra"], c["related"][1], c["editor"], c["share"], c["copyright"]], "json-ld" if published else None


def aspnet_form(title, lang, c, pre, parts, published):
    markup = f"""<!DOCTYPE html><html>{head(title, c['site'], lang, meta_date('publishdate', published, 'name'), og=False)}
<body><form method="post" action="./Detail.aspx?id=1" id="form1"><input type="hidden" name="__VIEWSTATE" value="dDwtMTA4NjUx">
<table width="1000" align="center"><tr><td class="top" colspan="2">{nav_list(c, 'topnav')}</td></tr>
<tr><td class="content" width="720"><h1>{html.escape(title)}</h1><span class="byline">{' '.join(html.escape(x) for x in pre)}</span>
<div id="zoom">{body_html(parts)}</div><p class="tools">{c['print']}</p></td>
<td class="side" width="280"><div class="box"><div class="tit">{c['related_label']}</div>{teaser_list(c['related'])}</div></td></tr>
<tr><td colspan="2" class="bottom">{c['site']} {c['copyright']}</td></tr></table></form></body></html>"""
    return markup, [c["nav_extra"], c["related"][2], c["print"], c["copyright"]], "meta" if published else None


def agency_main(title, lang, c, pre, parts, published):
    half = max(1, len(parts) // 2)
    stamp = visible_date(c, published)
    markup = f"""<!DOCTYPE html><html lang="{lang}">{head(title, c['site'], lang, og=False)}
<body><header class="header"><a class="header__logo" href="/">{c['site']}</a><nav class="header__nav">{nav_list(c)}</nav></header>
<main class="layout"><article class="article"><h1 class="article__title">{html.escape(title)}</h1>
<div class="article__meta"><span class="article__date">{stamp}</span> {' '.join(html.escape(x) for x in pre)}</div>
<div class="text-content">{body_html(parts[:half])}
<div class="read-also"><span>{c['related_label']}</span><a href="/news/9.html">{c['related'][3]}</a></div>
{body_html(parts[half:])}</div>
<div class="tags">{c['tags']}</div><div class="share">{c['share']}</div></article>
<section class="more-news"><h2>{c['top_label']}</h2>{teaser_list(c['related'][:3])}</section></main>
<footer class="footer"><p>{c['copyright']}</p></footer></body></html>"""
    return markup, [c["nav_extra"], c["related"][3], c["tags"], c["share"], c["copyright"]], "visible" if published else None


def xhtml(title, lang, c, pre, parts, published):
    markup = f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{lang}">{head(title, c['site'], lang, meta_date('dc.date', published, 'name'), og=False)}
<body><div id="wrapper"><div id="header"><h1 id="logo"><a href="/">{c['site']}</a></h1><div id="gnav">{nav_list(c)}</div></div>
<div id="contents"><div id="main"><div class="article"><h2 class="headline">{html.escape(title)}</h2>
<p class="info">{' '.join(html.escape(x) for x in pre)}</p>
<div class="article-body">{body_html(parts)}</div></div>
<div class="sns"><p>{c['share']}</p></div></div>
<div id="sub"><div class="ranking"><h3>{c['top_label']}</h3>{teaser_list(c['related'])}</div><div class="mail">{c['subscribe']}</div></div></div>
<div id="footer"><address>Copyright (C) {c['site']} {c['copyright']}</address></div></div></body></html>"""
    return markup, [c["nav_extra"], c["related"][0], c["share"], c["subscribe"], c["copyright"]], "meta" if published else None


def portal(title, lang, c, pre, parts, published):
    stamp = visible_date(c, published)
    markup = f"""<!DOCTYPE html><html>{head(title, c['site'], lang, og=False)}
<body><div class="page-banner"><div class="topbar">{nav_list(c, 'top-nav')}</div>
<div class="w1000 clearfix"><div class="fl left">
<div class="path"><a href="/">{c['nav'][0]}</a> &gt; <a href="/2/">{c['nav'][2]}</a></div>
<div class="title">{html.escape(title)}</div><div class="source">{stamp} {' '.join(html.escape(x) for x in pre)}</div>
<div class="artibody">{body_html(parts)}</div>
<div class="advert-box">{c['ad']}</div></div>
<div class="fr right"><div class="hot"><div class="hd">{c['top_label']}</div>{teaser_list(c['related'])}</div></div></div>
<div class="bottom">{c['copyright']}</div></div></body></html>"""
    return markup, [c["nav_extra"], c["related"][1], c["ad"], c["copyright"]], "visible" if published else None


def json_ld_page(title, lang, c, pre, parts, published):
    markup = f"""<!DOCTYPE html><html lang="{lang}">{head(title, c['site'], lang, json_ld(title, published))}
<body><div class="cookie-banner">cookie</div><header><nav>{nav_list(c)}</nav></header>
<div class="page"><div class="article-wrap"><h1>{html.escape(title)}</h1><div class="byline">{' '.join(html.escape(x) for x in pre)}</div>
<div class="post-body ad-free">{body_html(parts)}</div>
<div class="editor-note">{c['editor']}</div></div>
<div class="recommend"><h2>{c['related_label']}</h2>{teaser_list(c['related'])}</div>
<div class="subscribe-box">{c['subscribe']}</div></div>
<footer><p>{c['copyright']}</p></footer></body></html>"""
    return markup, [c["nav_extra"], c["related"][2], c["editor"], c["subscribe"], c["copyright"]], "json-ld" if published else None


def teaser_lists(title, lang, c, pre, parts, published):
    stamped = [f"{9 + i}:{15 + i * 7:02d} {h}" for i, h in enumerate(c["related"])]
    markup = f"""<!DOCTYPE html><html>{head(title, c['site'], lang, og=False)}
<body><div id="top">{nav_list(c)}</div><div class="ticker">{teaser_list(stamped[:2], 'ticker-list')}</div>
<div id="content"><h1>{html.escape(title)}</h1><div class="meta">{' '.join(html.escape(x) for x in pre)}</div>
<div class="text">{body_html(parts)}</div></div>
<div class="lenta"><div class="lenta-title">{c['top_label']}</div>{teaser_list(stamped)}</div>
<div id="bottom">{c['site']} {c['copyright']}</div></body></html>"""
    return markup, [c["nav_extra"], c["related"][3], c["copyright"]], None


LAYOUTS = [wordpress, xinhua, aspnet_form, agency_main, xhtml, portal, json_ld_page, teaser_lists]


def main() -> None:
    (HERE / "pages").mkdir(exist_ok=True)
    evaldata: dict[str, dict] = {}
    for lang, articles in ARTICLES.items():
        for index, (doc, title) in enumerate(articles):
            gold = json.loads((LABELLED / "gold" / "tune" / f"{doc}.json").read_text(encoding="utf-8"))
            pre, parts = article_parts(doc, lang, title)
            paragraphs = [line for kind, line in parts if kind == "p"]
            layout = LAYOUTS[index % len(LAYOUTS)]
            published = gold.get("published_date")
            markup, without, date_in = layout(title, lang, CHROME[lang], pre, parts, published)
            name = f"{doc}-{layout.__name__.replace('_', '-')}.html"
            (HERE / "pages" / name).write_text(markup, encoding="utf-8")
            chosen = [paragraphs[0], paragraphs[len(paragraphs) // 2], paragraphs[-1]]
            item = {"file": name, "language": lang, "layout": layout.__name__, "title": title,
                    "with": list(dict.fromkeys(snippet(p, lang) for p in chosen)), "without": without}
            if date_in:
                item["published"], item["published_in"] = published, date_in
            evaldata[gold["source_url"]] = item
    (HERE / "evaldata.json").write_text(json.dumps(evaldata, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

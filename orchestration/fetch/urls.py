"""URL normalisation: one spelling per page, so that the same article reached through a feed, a sitemap and a
shared link (with its tracking parameters) is stored once.

w3lib (Scrapy's URL library) canonicalises: case of scheme and host, IDNA, dot segments, percent-escapes, query
order, fragment. What is ours is policy: which parameters are tracking, no credentials, no default port.

`normalize_url` is for identity (dedup keys, cursors, validator stores). Fetch the URL as discovered: a few servers
do need a parameter we treat as tracking, and fetching the original costs nothing.
"""
from __future__ import annotations

from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

import lxml.etree
import lxml.html
from w3lib.url import canonicalize_url

# Query parameters that only say how a reader arrived, never which page they get. Compared case-insensitively.
# Kept as an explicit list (not "drop everything") because many news CMSs select the article by query (?id=123).
TRACKING_PARAMETERS = frozenset(
    {
        # ad and click ids
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "ysclid", "twclid", "ttclid",
        "igshid", "li_fat_id", "epik", "_openstat",
        # mail campaigns (Mailchimp, HubSpot, Marketo, Salesforce)
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "sfmc_id", "cmpid", "s_cid",
        # analytics referrals
        "_ga", "_gl", "wt.mc_id", "ncid", "ref_src", "ref_url", "rss_ref",
        # Chinese portals and WeChat/Weibo/Baidu shares (spm/scm: Alibaba-style click paths)
        "spm", "scm", "from", "isappinstalled", "share_token", "sharer_sharetime", "sharer_shareid",
        "wxshare_count", "clicktime", "enterid", "scene", "subscene", "chksm", "tt_from", "utm_referrer",
        # generic share buttons
        "share", "share_source", "share_medium", "share_from", "share_app", "sharesource", "shareid",
        "sns", "via",
    }
)
# Every parameter starting with one of these is tracking (utm_source, utm_medium, utm_campaign, utm_content, ...).
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hmsr", "hmpl", "hmcu", "hmkw", "hmci")

DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_parameter(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)


def normalize_url(url: str, base: str | None = None) -> str:
    """The identity spelling of a URL: absolute (resolved against `base`), lowercase scheme and host, IDN host in
    punycode, no default port, no fragment, no tracking parameters, remaining query parameters sorted, dot segments
    removed, percent-escapes in one case. Non-http(s) URLs come back resolved and otherwise untouched."""
    url = url.strip()
    if base:
        url = urljoin(base.strip(), url)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, parts.fragment)) if scheme else url
    canonical = urlsplit(canonicalize_url(urlunsplit((scheme, _netloc(parts, scheme), parts.path or "/",
                                                       _query(parts.query), ""))))
    # w3lib writes a space in the query as "+" (a literal plus is %2B); identities stored before it used %20
    return urlunsplit(canonical._replace(query=canonical.query.replace("+", "%20")))


def _netloc(parts, scheme: str) -> str:
    host = ascii_host((parts.hostname or "").rstrip("."))
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # a non-numeric port: leave the authority as written, lowercased
        return parts.netloc.lower()
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    return host  # a user or password never belongs to a page's identity (nor to anything stored)


def strip_credentials(url: str | None) -> str | None:
    """The URL without the user and password of its authority (``http://user:secret@host/`` -> ``http://host/``),
    otherwise as written. Applied to every URL Accords stores or logs."""
    if not url or "@" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.split("@", 1)[-1] if "://" not in url else _strip_raw(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, parts.query, parts.fragment))


def _strip_raw(url: str) -> str:
    scheme, _, rest = url.partition("://")
    authority, slash, tail = rest.partition("/")
    return f"{scheme}://{authority.rpartition('@')[2]}{slash}{tail}"


def ascii_host(host: str) -> str:
    host = host.lower()
    if host.isascii():
        return host
    try:
        import idna  # installed with requests; implements IDNA 2008 + UTS 46 as browsers do

        return idna.encode(host, uts46=True).decode("ascii")
    except Exception:
        try:
            return host.encode("idna").decode("ascii")
        except UnicodeError:
            return host


def _query(query: str) -> str:
    """The query without its tracking parameters, otherwise as written (w3lib encodes and sorts it)."""
    return "&".join(pair for pair in query.split("&")
                    if pair and not is_tracking_parameter(unquote_plus(pair.partition("=")[0])))


def canonical_url(html: str | bytes, base_url: str) -> str | None:
    """The page's `<link rel="canonical">` target, absolute and normalised; None when absent or not http(s)."""
    if not html or not html.strip():
        return None
    if isinstance(html, str) and html.lstrip().startswith("<?xml"):
        html = html.encode("utf-8")  # lxml refuses str input that carries an encoding declaration (XHTML)
    try:
        document = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    base = base_url
    for base_element in document.iterfind(".//base[@href]"):
        base = urljoin(base_url, base_element.get("href").strip())
        break
    for link in document.iterfind(".//link[@rel]"):
        rel_tokens = link.get("rel", "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel_tokens and href:
            resolved = normalize_url(href, base)
            return resolved if urlsplit(resolved).scheme in DEFAULT_PORTS else None
    return None

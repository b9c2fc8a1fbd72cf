"""Fetching sources. Import the submodules directly (kept empty so that `orchestration.fetch.files` stays light):

- http:      Fetcher, FetchResult — one polite, bounded, SSRF-guarded HTTP client
- discovery: discover, parse_feed, parse_sitemap, retry_later — which URLs an urls/rss/sitemap source offers
- urls:      normalize_url, canonical_url — URL identity
- charsets:  decode_body — bytes to text (header, <meta>, XML declaration, detection)
- robots:    robots.txt per RFC 9309
"""

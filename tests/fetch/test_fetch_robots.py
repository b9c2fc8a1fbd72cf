"""robots.txt policy: RFC 9309 matching on top of urllib.robotparser, and the reading of failed fetches."""
from __future__ import annotations

import pytest

from orchestration.fetch.robots import RobotsCache, RobotsFetch, RobotsPolicy

ROBOTS = """
# a news site
User-agent: *
Disallow: /search
Disallow: /*?print=
Disallow: /*.pdf$
Allow: /search/about
Disallow: /новости/черновики/
Crawl-delay: 2

User-agent: AccordsBot
Disallow: /private/
Allow: /private/press/
"""


def policy(agent: str) -> RobotsPolicy:
    return RobotsPolicy.from_fetch(RobotsFetch(200, ROBOTS), agent)


@pytest.mark.parametrize(
    "path, allowed",
    [
        ("/", True),
        ("/search?q=forum", False),
        ("/search/about", True),  # the longer Allow wins over the shorter Disallow
        ("/2025/03/forum.html", True),
        ("/2025/03/forum.html?print=1", False),  # wildcard
        ("/files/report.pdf", False),  # end anchor
        ("/files/report.pdf?download=1", True),
        ("/новости/черновики/1", False),  # non-ASCII rule vs percent-encoded request
        ("/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/%D1%87%D0%B5%D1%80%D0%BD%D0%BE%D0%B2%D0%B8%D0%BA%D0%B8/2", False),
        ("/robots.txt", True),
    ],
)
def test_star_group_rules(path, allowed):
    assert policy("SomeOtherBot").allows("https://example.com" + path) is allowed


def test_our_group_replaces_the_star_group():
    ours = policy("AccordsBot")
    assert not ours.allows("https://example.com/private/x")
    assert ours.allows("https://example.com/private/press/release")
    assert ours.allows("https://example.com/search?q=x")  # the * rules do not apply to us
    assert ours.crawl_delay is None
    assert policy("OtherBot").crawl_delay == 2.0


def test_allow_wins_a_tie():
    tie = RobotsPolicy.from_fetch(RobotsFetch(200, "User-agent: *\nDisallow: /page\nAllow: /page\n"), "Bot")
    assert tie.allows("https://example.com/page")


@pytest.mark.parametrize(
    "fetched, allows_all",
    [
        (RobotsFetch(404), True),
        (RobotsFetch(410), True),
        (RobotsFetch(401), True),  # RFC 9309: every 4xx is "unavailable"
        (RobotsFetch(403), True),
        (RobotsFetch(429), False),  # rate limiting is treated as a server error
        (RobotsFetch(500), False),
        (RobotsFetch(503), False),
        (RobotsFetch(None, failure="timeout"), False),
        (RobotsFetch(None, failure="connection_error"), False),
        (RobotsFetch(None, redirect_limit_exceeded=True), True),
        (RobotsFetch(200, ""), True),  # empty file
    ],
)
def test_failed_robots_fetches(fetched, allows_all):
    assert RobotsPolicy.from_fetch(fetched, "Bot").allows("https://example.com/any") is allows_all


def test_cache_is_per_origin_and_errors_expire_sooner():
    now = [0.0]
    answers = {"https://a.example:443/robots.txt": [RobotsFetch(503), RobotsFetch(200, "")]}
    requested: list[str] = []

    def fetch(url, allow_private):
        requested.append(url)
        queue = answers.get(url)
        return queue.pop(0) if queue else RobotsFetch(404)

    cache = RobotsCache(fetch, "Bot", clock=lambda: now[0], ttl=3600, error_ttl=60)
    assert not cache.policy_for("https://a.example/x").allows("https://a.example/x")
    assert not cache.policy_for("https://A.example:443/y").allows("https://a.example/y")  # same origin, cached
    cache.policy_for("http://a.example/x")  # another scheme is another origin
    now[0] = 61.0
    assert cache.policy_for("https://a.example/x").allows("https://a.example/x")  # retried after error_ttl
    assert requested == ["https://a.example:443/robots.txt", "http://a.example:80/robots.txt",
                         "https://a.example:443/robots.txt"]


def test_a_pattern_of_many_wildcards_is_matched_without_backtracking():
    # as a regex, twelve wildcards against this path took over a minute; protego matches part by part
    hostile = RobotsPolicy.from_fetch(RobotsFetch(200, "User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*a*b\n"), "Bot")
    path = "/" + "a" * 30_000
    assert hostile.allows("https://example.com" + path)  # no "b": the rule does not match
    assert not hostile.allows("https://example.com" + path + "b")
    assert hostile.allows("https://example.com/abc") and not hostile.allows("https://example.com/" + "a" * 12 + "b")


def test_rules_beyond_the_caps_are_ignored(monkeypatch):
    from orchestration.fetch import robots

    monkeypatch.setattr(robots, "ROBOTS_MAX_RULES", 3)
    many = "User-agent: *\n" + "".join(f"Disallow: /section-{n}/\n" for n in range(10))
    policy = RobotsPolicy.from_fetch(RobotsFetch(200, many), "Bot")
    assert not policy.allows("https://example.com/section-2/x")
    assert policy.allows("https://example.com/section-3/x")  # the fourth rule is beyond the cap

    starry = "/x" + "*x" * (robots.ROBOTS_MAX_WILDCARDS + 1)
    long_pattern = "/" + "p" * (robots.ROBOTS_MAX_PATTERN + 1)
    text = f"User-agent: *\nDisallow: {starry}\nDisallow: {long_pattern}\nDisallow: /kept\n"
    policy = RobotsPolicy.from_fetch(RobotsFetch(200, text), "Bot")
    assert policy.allows("https://example.com/x" + "x" * 100)
    assert policy.allows("https://example.com" + long_pattern)
    assert not policy.allows("https://example.com/kept")

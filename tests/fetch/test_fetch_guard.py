"""The SSRF guard: only public addresses unless the source allows private networks, checked on every hop.

The test server lives on 127.0.0.1, so the fetchers here trust exactly its host:port (allowed_endpoints) and
everything else stays guarded; hostnames resolve through an injected resolver, so no DNS is needed.
"""
from __future__ import annotations

import pytest
from server import Reply

from orchestration.fetch.http import AddressGuard, is_public_address

HTML = {"Content-Type": "text/html"}


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.8.9.10", "10.0.0.5", "172.16.3.4", "172.31.255.255", "192.168.1.1",
        "169.254.169.254",  # the cloud metadata service
        "169.254.0.1", "100.64.0.1", "100.127.255.254",  # link-local, CGNAT
        "0.0.0.0", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "198.18.0.1", "192.0.2.1",
        "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "fe80::1%eth0", "ff02::1", "ff0e::1",
        "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254",  # IPv4-mapped
        "2002:7f00:1::1", "2002:a00:1::1",  # 6to4 wrapping 127.0.0.1 / 10.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 wrapping 169.254.169.254
        "2001:db8::1",  # documentation
    ],
)
def test_non_public_addresses_are_refused(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address):
    assert is_public_address(address)


def test_guard_refuses_a_name_with_any_private_address():
    records = {"news.example": ["93.184.216.34"], "split.example": ["93.184.216.34", "10.0.0.7"],
               "intranet.example": ["192.168.0.10"]}
    guard = AddressGuard(resolver=lambda host, port: records[host])
    assert guard.refusal("news.example", 443) is None
    assert guard.refusal("split.example", 443) == "private_address"
    assert guard.refusal("intranet.example", 80) == "private_address"
    assert guard.refusal("169.254.169.254", 80) == "private_address"  # literals need no resolver


def test_guard_reports_unresolvable_names_as_connection_errors():
    def no_such_host(host, port):
        raise OSError("Name or service not known")

    assert AddressGuard(resolver=no_such_host).refusal("nowhere.invalid", 80) == "connection_error"


def test_allowed_endpoint_is_exact_host_and_port():
    guard = AddressGuard(resolver=lambda host, port: ["127.0.0.1"], allowed_endpoints=["127.0.0.1:8080"])
    assert guard.refusal("127.0.0.1", 8080) is None
    assert guard.refusal("127.0.0.1", 8081) == "private_address"
    assert guard.refusal("localhost", 8080) == "private_address"


def test_private_initial_url_is_skipped_without_a_request(server, make_fetcher):
    server.route("/page", Reply(200, b"<html></html>", HTML))
    fetcher = make_fetcher(allowed_endpoints=[])
    result = fetcher.fetch(server.url("/page"))
    assert (result.status, result.reason, result.attempts) == ("skipped", "private_address", 0)
    assert server.requests == []  # not even robots.txt
    assert fetcher.fetch(server.url("/page"), allow_private_network=True).status == "fetched"


@pytest.mark.parametrize(
    "location",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/admin",
        "http://[::ffff:127.0.0.1]:{port}/secret",
        "http://localhost:{port}/secret",  # the same server under a name that is not the trusted endpoint
        "http://intranet.example/secret",  # resolves (via the injected resolver) to a private address
    ],
)
def test_redirect_to_a_private_address_is_refused_at_the_hop(server, make_fetcher, location):
    location = location.format(port=server.port)
    server.route("/go", Reply(302, b"", {"Location": location}))
    server.route("/secret", Reply(200, b"<html>secret</html>", HTML))
    resolver = {"intranet.example": ["10.20.30.40"], "localhost": ["127.0.0.1"]}
    fetcher = make_fetcher(resolver=lambda host, port: resolver[host])
    result = fetcher.fetch(server.url("/go"))
    assert (result.status, result.reason, result.final_url) == ("skipped", "private_address", location)
    assert result.attempts == 1  # the first hop was requested, the private one never
    assert server.hits("/secret") == 0


def test_redirect_to_a_private_address_is_followed_when_the_source_allows_it(server, make_fetcher):
    server.route("/go", Reply(302, b"", {"Location": server.url("/secret", host="localhost")}))
    server.route("/secret", Reply(200, b"<html>secret</html>", HTML))
    result = make_fetcher(resolver=lambda host, port: ["127.0.0.1"]).fetch(server.url("/go"), allow_private_network=True)
    assert result.status == "fetched" and result.final_url == server.url("/secret", host="localhost")


def test_dns_rebinding_is_caught_at_connect_time(server, make_fetcher):
    # the resolver the guard consults claims a public address, but the connection lands on 127.0.0.1
    server.route("/secret", Reply(200, b"<html>secret</html>", HTML))
    fetcher = make_fetcher(allowed_endpoints=[], resolver=lambda host, port: ["93.184.216.34"], obey_robots=False)
    result = fetcher.fetch(server.url("/secret", host="localhost"))
    assert (result.status, result.reason) == ("skipped", "private_address")
    assert server.hits("/secret") == 0


@pytest.mark.parametrize("address", [
    "192.0.0.8", "192.0.0.170", "192.88.99.1",  # IETF protocol assignments, the old 6to4 relay
    "::a00:1", "::7f00:1",  # IPv4-compatible IPv6 (deprecated) wrapping 10.0.0.1 / 127.0.0.1
    "100::1", "fec0::1", "3fff::1", "5f00::1", "64:ff9b:1::1", "2001::1", "2001:2::1", "2001:20::1",
])
def test_special_purpose_ranges_are_refused(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("url", [
    "http://news.example\\@10.0.0.5/",  # Python's host is 10.0.0.5, a browser's news.example
    "http://10.0.0.5\\.news.example/",
    "http://news.example\\@{endpoint}/secret",
    "http://%31%32%37.0.0.1:{port}/secret",
    "http://news.example @10.0.0.5/",
    "http://news.example\t@10.0.0.5/",
])
def test_urls_that_parsers_read_differently_are_refused(server, make_fetcher, url):
    server.route("/secret", Reply(200, b"<html>secret</html>", HTML))
    url = url.format(endpoint=server.endpoint, port=server.port)
    result = make_fetcher(resolver=lambda host, port: ["93.184.216.34"]).fetch(url, allow_private_network=True)
    assert (result.status, result.reason, result.attempts) == ("failed", "bad_url", 0)
    assert server.hits("/secret") == 0


def test_a_redirect_to_an_ambiguous_url_is_refused_at_the_hop(server, make_fetcher):
    server.route("/go", Reply(302, b"", {"Location": f"http://news.example\\@{server.endpoint}/secret"}))
    server.route("/secret", Reply(200, b"<html>secret</html>", HTML))
    result = make_fetcher().fetch(server.url("/go"))
    assert (result.status, result.reason) == ("failed", "bad_url") and server.hits("/secret") == 0

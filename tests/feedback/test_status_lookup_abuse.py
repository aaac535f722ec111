"""Guessing query codes at the status look-up: a captcha after a few failures, per address and
per tracking number; an address that keeps guessing waits; the owner is never locked out; an
unknown number costs the same HMACs as a wrong code; Redis down still limits."""

from unittest import mock

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from feedback import codes
from feedback.factories import ComplaintFactory
from feedback.views import LOOKUP_GUARD
from portal.ratelimit import local_counters

pytestmark = pytest.mark.django_db

URL = "/complaints/status/"
CODE = "ABCD2345"
WRONG = "投诉编号或查询码不正确"
TOO_MANY = "查询失败次数过多"


@pytest.fixture
def complaint(market, complaint_page):
    return ComplaintFactory(department=market, query_code=CODE, name="张三")


def look_up(client, number, code, address, captcha=None):
    data = {"action": "lookup", "tracking_number": number, "query_code": code}
    if captcha is not None:
        data.update(captcha_0="any", captcha_1=captcha)
    return client.post(URL, data, REMOTE_ADDR=address)


def test_owner_gets_in_after_fifty_failures_from_other_addresses(client, complaint):
    for n in range(50):
        response = look_up(
            client, complaint.tracking_number, f"ZZZZ{n:04d}", f"198.51.100.{n}", "PASSED"
        )
        assert response.status_code == 200 and WRONG in response.content.decode()
    # The number is not locked: it asks the owner for a captcha, never answers 429.
    asked = look_up(client, complaint.tracking_number, CODE, "192.0.2.1")
    assert asked.status_code == 200
    assert 'name="captcha_1"' in asked.content.decode()
    response = look_up(client, complaint.tracking_number, CODE, "192.0.2.1", "PASSED")
    assert response.status_code == 303


def test_failures_for_a_number_ask_every_address_for_a_captcha(client, complaint):
    for n in range(LOOKUP_GUARD.challenge_after):
        look_up(client, complaint.tracking_number, "ZZZZ2345", f"198.51.100.{n}")
    # A fresh address guessing the same number must now solve a captcha; without one, or with
    # a wrong one, the code is not even checked.
    for captcha in (None, "wrong"):
        response = look_up(client, complaint.tracking_number, CODE, "203.0.113.9", captcha)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="captcha_1"' in html and WRONG not in html
    # Another number from a fresh address is not challenged.
    other = ComplaintFactory(department=complaint.department, query_code="WXYZ6789")
    assert look_up(client, other.tracking_number, "WXYZ6789", "203.0.113.10").status_code == 303


def test_failures_from_an_address_ask_it_for_a_captcha(client, complaint):
    others = [ComplaintFactory(department=complaint.department) for _ in range(3)]
    for other in others:
        look_up(client, other.tracking_number, "ZZZZ2345", "203.0.113.5")
    response = look_up(client, complaint.tracking_number, CODE, "203.0.113.5")
    assert response.status_code == 200 and 'name="captcha_1"' in response.content.decode()
    assert (
        look_up(client, complaint.tracking_number, CODE, "203.0.113.5", "PASSED").status_code == 303
    )


def test_the_wrong_code_page_shows_the_captcha_once_it_is_needed(client, complaint):
    pages = [
        look_up(client, complaint.tracking_number, "ZZZZ2345", "203.0.113.5").content.decode()
        for _ in range(LOOKUP_GUARD.challenge_after)
    ]
    assert 'name="captcha_1"' not in pages[0]
    assert 'name="captcha_1"' in pages[-1] and WRONG in pages[-1]


def test_an_address_that_keeps_guessing_waits(client, complaint):
    for n in range(LOOKUP_GUARD.address_limit):
        response = look_up(
            client, complaint.tracking_number, f"ZZZZ{n:04d}", "203.0.113.5", "PASSED"
        )
        assert response.status_code == 200
    refused = look_up(client, complaint.tracking_number, "ZZZZ2346", "203.0.113.5", "PASSED")
    assert refused.status_code == 429 and TOO_MANY in refused.content.decode()
    # Only that address: the owner elsewhere still gets in.
    assert (
        look_up(client, complaint.tracking_number, CODE, "192.0.2.1", "PASSED").status_code == 303
    )


def test_an_unknown_number_runs_the_same_hashing_as_a_wrong_code(client, complaint, monkeypatch):
    calls = []
    real = codes._code_digest

    def counting(code, secret):
        calls.append(code)
        return real(code, secret)

    monkeypatch.setattr(codes, "_code_digest", counting)
    look_up(client, complaint.tracking_number, "ZZZZ2345", "203.0.113.5")
    wrong_code = len(calls)
    calls.clear()
    look_up(client, "TS209901010001", "ZZZZ2345", "203.0.113.6")
    assert wrong_code >= 1 and len(calls) == wrong_code


def test_an_unknown_number_with_a_key_rotation_still_hashes_per_key(settings, monkeypatch):
    settings.SECRET_KEY_FALLBACKS = ["old-key-" * 8]
    calls = []
    real = codes._code_digest
    monkeypatch.setattr(
        codes, "_code_digest", lambda code, secret: calls.append(secret) or real(code, secret)
    )
    assert not codes.query_code_matches(CODE, None)
    assert not codes.query_code_matches(CODE, "garbage")
    assert len(calls) == 4


def test_redis_down_still_limits_guessing(client, complaint, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.TolerantRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    local_counters.clear()
    evaluated = []
    real = codes.query_code_matches

    def counting(code, stored):
        evaluated.append(code)
        return real(code, stored)

    try:
        with mock.patch("feedback.models.complaints.query_code_matches", counting):
            statuses = [
                look_up(
                    client, complaint.tracking_number, f"ZZZZ{n:04d}", "203.0.113.5", "PASSED"
                ).status_code
                for n in range(60)
            ]
    finally:
        local_counters.clear()
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
        cache.clear()
    assert len(evaluated) == LOOKUP_GUARD.address_limit
    assert statuses.count(429) == 60 - LOOKUP_GUARD.address_limit


@given(
    number=st.text(max_size=40),
    code=st.text(max_size=40),
    captcha=st.one_of(st.none(), st.text(max_size=10)),
)
def test_odd_input_on_a_challenged_address_never_breaks_the_look_up(
    client, complaint, number, code, captcha
):
    cache.clear()
    for _ in range(LOOKUP_GUARD.challenge_after):
        look_up(client, complaint.tracking_number, "ZZZZ2345", "203.0.113.7")
    response = look_up(client, number, code, "203.0.113.7", captcha)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="captcha_1"' in html and "办理过程" not in html

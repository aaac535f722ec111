"""The admin password-reset form sends its mail only within limits per address and per e-mail,
and answers the same whether or not a mail went out or the account exists."""

import pytest
from django.core import mail
from django.core.cache import cache

from portal.ratelimit import local_counters

from .conftest import make_admin_user

pytestmark = pytest.mark.django_db

URL = "/admin/password_reset/"
DONE = "/admin/password_reset/done/"


@pytest.fixture(autouse=True)
def _fresh():
    cache.clear()
    local_counters.clear()
    yield
    cache.clear()


def request_reset(client, email, address):
    return client.post(URL, {"email": email}, REMOTE_ADDR=address)


def test_one_address_cannot_flood_an_account(client):
    make_admin_user("clerk")
    responses = [request_reset(client, "clerk@example.gov.cn", "203.0.113.5") for _ in range(20)]
    assert all(r.status_code == 302 and r["Location"] == DONE for r in responses)
    assert 1 <= len(mail.outbox) <= 3


def test_many_addresses_cannot_flood_an_account(client):
    make_admin_user("clerk")
    for n in range(20):
        request_reset(client, "CLERK@example.gov.cn", f"198.51.100.{n}")
    assert 1 <= len(mail.outbox) <= 3


def test_one_address_cannot_flood_many_accounts(client):
    for n in range(20):
        make_admin_user(f"clerk{n}")
    for n in range(20):
        request_reset(client, f"clerk{n}@example.gov.cn", "203.0.113.5")
    assert 1 <= len(mail.outbox) <= 5


def test_the_answer_is_the_same_for_unknown_and_limited_accounts(client):
    make_admin_user("clerk")
    for _ in range(5):
        request_reset(client, "clerk@example.gov.cn", "198.51.100.1")
    sent = len(mail.outbox)
    limited = request_reset(client, "clerk@example.gov.cn", "198.51.100.2")
    assert len(mail.outbox) == sent
    unknown = request_reset(client, "nobody@example.gov.cn", "198.51.100.3")
    assert (limited.status_code, limited["Location"]) == (unknown.status_code, unknown["Location"])
    assert client.get(DONE).status_code == 200

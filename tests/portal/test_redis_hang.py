"""A hung Redis (accepts connections, never answers) costs a request a few hundred milliseconds
at most: pages are still served, rate limits let the request in."""

import socket
import threading
import time

import pytest
from django.core.cache import caches
from redis.exceptions import ConnectionError as RedisConnectionError

from portal import cache as portal_cache


@pytest.fixture
def hung_redis():
    """A loopback socket that accepts every connection and never sends a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    server.settimeout(0.1)
    held, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    portal_cache._resting_until.clear()
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    stop.set()
    thread.join(timeout=2)
    for connection in held:
        connection.close()
    server.close()
    portal_cache._resting_until.clear()


def _hung_caches(location, options=None):
    params = {"BACKEND": "portal.cache.TolerantRedisCache", "LOCATION": location}
    if options is not None:
        params["OPTIONS"] = options
    return {"default": params}


def test_a_cache_without_options_still_times_out(hung_redis, settings):
    settings.CACHES = _hung_caches(hung_redis)
    cache = caches.create_connection("default")
    started = time.monotonic()
    assert cache.get("key", "miss") == "miss"
    # The next calls are not sent to the hung Redis at all.
    assert cache.add("key", 1) is False
    with pytest.raises(RedisConnectionError):
        cache.incr("key")
    assert time.monotonic() - started < 0.6


@pytest.mark.django_db
def test_public_pages_are_served_promptly_while_redis_hangs(client, home, hung_redis, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert client.get("/?warm-up").status_code == 200  # templates compiled, memory cache
    started = time.monotonic()
    assert client.get("/?rendered").status_code == 200
    rendering = time.monotonic() - started  # this machine's time to render the page
    settings.CACHES = _hung_caches(hung_redis)
    for attempt in range(3):
        started = time.monotonic()
        response = client.get(f"/?attempt={attempt}")
        elapsed = time.monotonic() - started
        assert response.status_code == 200
        assert home.title in response.content.decode()
        # At most one 0.25 s timeout on top of rendering (a loaded machine gets some slack).
        assert elapsed < rendering * 1.5 + 0.5, (elapsed, rendering)


@pytest.mark.django_db
def test_rate_limits_let_requests_in_promptly_while_redis_hangs(hung_redis, settings):
    from portal.ratelimit import hit, is_limited

    settings.CACHES = _hung_caches(hung_redis)
    started = time.monotonic()
    for n in range(5):
        # A new address each time: while Redis hangs, the per-process counters still limit.
        assert hit("redis-hang", f"192.0.2.{n}", limit=1, window=60)
        assert is_limited("redis-hang", f"192.0.2.{n}", limit=1, window=60)
    assert time.monotonic() - started < 1.0


def test_redis_is_asked_again_after_the_rest(hung_redis, settings):
    settings.CACHES = _hung_caches(hung_redis, {"socket_timeout": 0.1})
    settings.REDIS_RETRY_AFTER_SECONDS = 0.3
    cache = caches.create_connection("default")
    cache.get("key")
    started = time.monotonic()
    cache.get("key")
    assert time.monotonic() - started < 0.05  # resting: not asked
    time.sleep(0.35)
    started = time.monotonic()
    cache.get("key")
    assert time.monotonic() - started >= 0.09  # asked again (and timed out again)

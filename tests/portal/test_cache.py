"""Redis down: reads miss, writes are dropped, pages are still served."""

import pytest
from django.core.cache import caches
from django.test import override_settings

DEAD_REDIS = {
    "default": {
        "BACKEND": "portal.cache.TolerantRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@override_settings(CACHES=DEAD_REDIS)
def test_unreachable_redis_reads_as_a_miss_and_writes_are_dropped():
    cache = caches.create_connection("default")
    assert cache.get("k", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("k", 1) is False
    cache.set("k", 1)
    cache.delete("k")
    with pytest.raises(Exception):  # noqa: B017 - the limiter decides what a failed incr means
        cache.incr("k")


@pytest.mark.django_db
def test_pages_and_rate_limits_survive_a_redis_outage(client, home, settings):
    settings.CACHES = DEAD_REDIS
    settings.PAGE_CACHE_SECONDS = 300
    # Django rebuilds its cache handlers when CACHES changes.
    assert client.get("/").status_code == 200
    from portal.ratelimit import hit

    # Counted in this process while Redis is down (tests/portal/test_ratelimit_fallback.py).
    assert hit("redis-outage", "192.0.2.200", limit=1, window=60)
    assert not hit("redis-outage", "192.0.2.200", limit=1, window=60)

"""Rate limits while the shared cache is down: each process counts on its own, thread-safe and
in bounded memory, instead of letting every request through."""

import threading
from unittest import mock

import pytest
from django.core.cache import cache

from portal.ratelimit import LocalCounters, hit, is_limited, local_counters


@pytest.fixture(autouse=True)
def _fresh():
    cache.clear()
    local_counters.clear()
    yield
    local_counters.clear()


def cache_down():
    """The cache as the tolerant Redis cache behaves in an outage: writes dropped, reads miss,
    incr raises."""
    return mock.patch.multiple(
        "portal.ratelimit.cache",
        add=mock.Mock(return_value=False),
        get=mock.Mock(return_value=None),
        incr=mock.Mock(side_effect=ConnectionError("redis down")),
    )


def test_the_limit_still_holds_while_the_cache_is_down():
    with cache_down():
        results = [hit("complaint-ip", "1.2.3.4", limit=3, window=60) for _ in range(60)]
        assert is_limited("complaint-ip", "1.2.3.4", limit=3, window=60)
        assert not is_limited("complaint-ip", "5.6.7.8", limit=3, window=60)
    assert results.count(True) == 3


def test_local_counters_count_every_thread():
    counters = LocalCounters()
    threads = [
        threading.Thread(target=lambda: [counters.add("k", 1, 60) for _ in range(500)])
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counters.add("k", 0, 60) == 4000


def test_local_counters_keep_bounded_memory():
    counters = LocalCounters(max_keys=100)
    for n in range(5000):
        counters.add(f"key-{n}", 1, 60)
    assert len(counters) <= 100
    # The newest windows are the ones kept.
    assert counters.add("key-4999", 0, 60) == 1


def test_an_expired_window_starts_again():
    counters = LocalCounters()
    with mock.patch("portal.ratelimit.time.monotonic", return_value=1000.0):
        assert counters.add("k", 5, 60) == 5
    with mock.patch("portal.ratelimit.time.monotonic", return_value=1061.0):
        assert counters.add("k", 1, 60) == 1


def test_a_working_cache_is_used_and_the_local_counters_stay_empty():
    for _ in range(4):
        hit("complaint-ip", "1.2.3.4", limit=3, window=60)
    assert is_limited("complaint-ip", "1.2.3.4", limit=3, window=60)
    assert len(local_counters) == 0

"""A Redis cache that turns an unreachable or hung Redis into cache misses instead of errors.

Wagtail's site lookup, the page cache and the rate limits all use the default cache; a Redis
outage must slow the site down, never take it (or a citizen's submission) offline.

Two bounds keep a hung Redis (one that accepts connections and never answers, as a stopped
process or a full server does) from holding requests: every connection has connect and read
timeouts (REDIS_CLIENT_OPTIONS), and after one failure the process stops asking Redis for
REDIS_RETRY_AFTER_SECONDS, so a page that makes a dozen cache calls pays one timeout, not twelve."""

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
UNAVAILABLE = (RedisError, ConnectionError, OSError, TimeoutError)
# Used when settings do not say: a few hundred milliseconds, and a few seconds of rest.
DEFAULT_CLIENT_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
DEFAULT_RETRY_AFTER_SECONDS = 5.0

# Per process and per Redis location, shared by the per-thread cache objects Django creates:
# the monotonic time before which Redis is not asked again.
_resting_until = {}
_resting_lock = threading.Lock()


def client_options():
    """Connect and read timeouts for every Redis client the portal creates."""
    return {**DEFAULT_CLIENT_OPTIONS, **getattr(settings, "REDIS_CLIENT_OPTIONS", {})}


class RedisResting(RedisConnectionError):
    """Redis failed moments ago; this call was not sent to it."""


def _tolerant(name, fallback):
    def method(self, *args, **kwargs):
        try:
            return self._guarded(name, *args, **kwargs)
        except UNAVAILABLE as error:
            if not isinstance(error, RedisResting):
                logger.warning("Redis cache unavailable (%s): %s", name, type(error).__name__)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    method.__name__ = name
    return method


class TolerantRedisCache(RedisCache):
    """Django's Redis cache; reads miss and writes are dropped while Redis is unreachable.

    `incr` still raises ValueError for a missing key (callers rely on it) and raises
    ConnectionError while Redis is down, so a rate limiter can decide to let the request in."""

    def __init__(self, server, params):
        # Whatever OPTIONS a deployment sets, a connection never waits without a timeout.
        params = {**params, "OPTIONS": {**client_options(), **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)

    def _guarded(self, name, *args, **kwargs):
        if time.monotonic() < _resting_until.get(self._location, 0.0):
            raise RedisResting("Redis failed recently; not asking it yet")
        try:
            return getattr(super(), name)(*args, **kwargs)
        except UNAVAILABLE:
            rest = getattr(settings, "REDIS_RETRY_AFTER_SECONDS", DEFAULT_RETRY_AFTER_SECONDS)
            with _resting_lock:
                _resting_until[self._location] = time.monotonic() + rest
            raise

    def incr(self, key, delta=1, version=None):
        return self._guarded("incr", key, delta, version)

    get = _tolerant("get", lambda key, default=None, version=None: default)
    get_many = _tolerant("get_many", {})
    set = _tolerant("set", None)
    add = _tolerant("add", False)
    set_many = _tolerant("set_many", [])
    touch = _tolerant("touch", False)
    delete = _tolerant("delete", False)
    delete_many = _tolerant("delete_many", None)
    has_key = _tolerant("has_key", False)
    clear = _tolerant("clear", None)

"""A Redis cache that turns an unreachable Redis into cache misses instead of errors.

Wagtail's site lookup, the page cache and the rate limits all use the default cache; a Redis
outage must slow the site down, never take it (or a citizen's submission) offline."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
UNAVAILABLE = (RedisError, ConnectionError, OSError, TimeoutError)


def _tolerant(name, fallback):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(TolerantRedisCache, self), name)(*args, **kwargs)
        except UNAVAILABLE as error:
            logger.warning("Redis cache unavailable (%s): %s", name, type(error).__name__)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    method.__name__ = name
    return method


class TolerantRedisCache(RedisCache):
    """Django's Redis cache; reads miss and writes are dropped while Redis is unreachable.

    `incr` still raises ValueError for a missing key (callers rely on it) and raises
    ConnectionError while Redis is down, so a rate limiter can decide to let the request in."""

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

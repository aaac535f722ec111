"""Fixed-window rate limits in the cache (Redis when REDIS_URL is set, so every worker counts
together). A cache failure lets the request through: a citizen's submission is never lost because
the rate limiter is down."""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the address the trusted proxies saw.

    TRUSTED_PROXY_COUNT proxies in front of the site each append to X-Forwarded-For, so the
    client is that many entries from the right; anything further left can be forged.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, identity, window):
    # Hash the identity: phone numbers and addresses never appear in cache keys.
    digest = hashlib.sha256(str(identity).encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{int(time.time() // window)}"


def hit(scope, identity, *, limit, window):
    """Count one attempt by `identity` in `scope`; True while it is within `limit` per `window`
    seconds."""
    if not identity:
        return True
    key = _key(scope, identity, window)
    try:
        cache.add(key, 0, timeout=window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window + 1)
            count = 1
    except Exception:
        logger.warning("Rate limiter unavailable for %s; allowing the request", scope)
        return True
    return count <= limit


def is_limited(scope, identity, *, limit, window):
    """Whether `identity` has already used up `limit` attempts in this window (no count added)."""
    if not identity:
        return False
    try:
        count = cache.get(_key(scope, identity, window), 0)
    except Exception:
        logger.warning("Rate limiter unavailable for %s; allowing the request", scope)
        return False
    return count >= limit

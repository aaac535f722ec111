"""Fixed-window rate limits in the cache (Redis when REDIS_URL is set, so every worker counts
together). While the cache fails, each process counts on its own (LocalCounters): the limits
get looser by the number of workers, never switched off, and a citizen's submission is still
never lost because Redis is down."""

import hashlib
import logging
import threading
import time
from collections import OrderedDict

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


class LocalCounters:
    """Per-process fixed-window counters, the fallback while the shared cache is down.

    Thread-safe (one lock) and bounded: at most `max_keys` windows are kept; expired ones go
    first, then the oldest, so a flood of new identities cannot grow memory without bound."""

    def __init__(self, max_keys=10_000):
        self.max_keys = max_keys
        self._counts = OrderedDict()  # key -> [count, expires_at]
        self._lock = threading.Lock()

    def add(self, key, delta, window):
        now = time.monotonic()
        with self._lock:
            entry = self._counts.get(key)
            if entry is None or entry[1] <= now:
                self._make_room(now)
                entry = self._counts[key] = [0, now + window]
            entry[0] += delta
            return entry[0]

    def _make_room(self, now):
        if len(self._counts) < self.max_keys:
            return
        for key in [key for key, (_count, expires) in self._counts.items() if expires <= now]:
            del self._counts[key]
        while len(self._counts) >= self.max_keys:
            self._counts.popitem(last=False)

    def __len__(self):
        return len(self._counts)

    def clear(self):
        with self._lock:
            self._counts.clear()


local_counters = LocalCounters()


def _count(scope, key, window, delta):
    """The window's count after adding `delta` (0 only reads), from the cache, or from this
    process's counters while the cache fails."""
    try:
        if delta:
            cache.add(key, 0, timeout=window + 1)
        try:
            # incr, not get: the tolerant Redis cache reads a miss while Redis is down, but
            # incr raises, which is how an outage is told apart from a fresh window.
            return cache.incr(key, delta)
        except ValueError:  # no count yet, or expired between add and incr
            if not delta:
                return 0
            cache.set(key, delta, timeout=window + 1)
            return delta
    except Exception:
        logger.warning("Rate-limit cache unavailable for %s; counting in this process", scope)
        return local_counters.add(key, delta, window)


def hit(scope, identity, *, limit, window):
    """Count one attempt by `identity` in `scope`; True while it is within `limit` per `window`
    seconds."""
    if not identity:
        return True
    return _count(scope, _key(scope, identity, window), window, 1) <= limit


def count(scope, identity, *, window):
    """How many attempts `identity` made in `scope` in this window (none added)."""
    if not identity:
        return 0
    return _count(scope, _key(scope, identity, window), window, 0)


def is_limited(scope, identity, *, limit, window):
    """Whether `identity` has already used up `limit` attempts in this window (no count added)."""
    return count(scope, identity, window=window) >= limit


class GuessGuard:
    """Failed guesses of a secret that goes with a public identifier (a tracking number and its
    query code): who must solve a captcha first, and which address must wait.

    Failures are counted per address and per identifier. Past `challenge_after` failures of
    either, every attempt needs a captcha; the identifier is never locked, so however many
    addresses guess at one number, its owner who solves the captcha gets in. Past
    `address_limit` failures in `window`, an address is refused outright: that is what slows a
    single guesser down."""

    def __init__(self, scope, *, challenge_after, address_limit, window):
        self.scope = scope
        self.challenge_after = challenge_after
        self.address_limit = address_limit
        self.window = window

    def _counts(self, address, identifier):
        return (
            count(f"{self.scope}-ip", address, window=self.window),
            count(f"{self.scope}-id", identifier, window=self.window),
        )

    def address_blocked(self, address):
        return is_limited(f"{self.scope}-ip", address, limit=self.address_limit, window=self.window)

    def needs_challenge(self, address, identifier):
        return any(
            failures >= self.challenge_after for failures in self._counts(address, identifier)
        )

    def fail(self, address, identifier):
        """Count one wrong guess."""
        hit(f"{self.scope}-ip", address, limit=self.address_limit, window=self.window)
        hit(f"{self.scope}-id", identifier, limit=self.challenge_after, window=self.window)

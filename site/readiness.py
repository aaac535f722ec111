"""Readiness (/readyz): can this node serve traffic? Database, cache, search and the task queue.

Liveness (/healthz) only asks whether the process and its database answer; readiness also
fails while a shared service is down or no worker drains the queue, so a balancer stops
sending traffic and an operator sees which one. Each check answers True or False and logs the
reason; the response names the failed checks and nothing more."""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .tasks import oldest_pending_age

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def check_cache():
    # A round trip through the cache: the tolerant Redis cache turns an outage into a miss.
    key = f"portal:readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    answered = cache.get(key) == "1"
    cache.delete(key)
    return answered


def check_search():
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is not None:
        return bool(client.ping())
    # The database backend: one query on its index.
    list(backend.search("就绪", Page)[:1])
    return True


def check_queue():
    age = oldest_pending_age()
    # None: no database queue (immediate backend or another engine's queue with its own checks).
    return age is None or age <= settings.TASK_QUEUE_MAX_AGE_SECONDS


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "queue": check_queue,
}


def failed_checks():
    """The names of the checks that failed, in CHECKS order; a check that raises has failed."""
    failed = []
    for name, check in CHECKS.items():
        try:
            ok = check()
        except Exception:
            logger.exception("Readiness check %s raised", name)
            ok = False
        if not ok:
            if name != "database":
                logger.warning("Readiness check %s failed", name)
            failed.append(name)
        if name == "database" and not ok:
            # Without the database the search and queue checks can only fail too.
            failed += ["search", "queue"]
            break
    return failed

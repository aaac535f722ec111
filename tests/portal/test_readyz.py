"""/readyz: 200 when database, cache, search and the task queue answer; 503 naming what failed
and nothing else. /healthz stays the liveness probe."""

import datetime
import json
from unittest import mock

import pytest
from django.db import DatabaseError
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from portal import readiness
from tests.task_queue import database_task_queue

pytestmark = pytest.mark.django_db


@task()
def noop():
    return None


def body(response):
    return json.loads(response.content)


def test_ready_when_everything_answers(client, home):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert body(response) == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_a_failed_cache_is_named(client):
    with mock.patch("portal.readiness.cache.get", return_value=None):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert body(response) == {"status": "unavailable", "failed": ["cache"]}


def test_a_failed_search_backend_is_named_without_its_error(client):
    broken = mock.Mock()
    broken.es.ping.side_effect = ConnectionError("es01.internal:9200 refused")
    with mock.patch("portal.readiness.get_search_backend", return_value=broken):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert body(response) == {"status": "unavailable", "failed": ["search"]}
    assert b"es01" not in response.content


def test_elasticsearch_that_does_not_ping_is_not_ready(client):
    backend = mock.Mock()
    backend.es.ping.return_value = False
    with mock.patch("portal.readiness.get_search_backend", return_value=backend):
        assert body(client.get("/readyz"))["failed"] == ["search"]


def test_without_the_database_the_checks_that_need_it_fail_too(client):
    with mock.patch.object(readiness, "connection") as connection:
        connection.cursor.side_effect = DatabaseError("could not connect to server db:5432")
        response = client.get("/readyz")
    assert response.status_code == 503
    assert body(response) == {"status": "unavailable", "failed": ["database", "search", "queue"]}
    assert b"5432" not in response.content


def test_a_queue_nobody_works_is_not_ready(client, settings):
    settings.TASK_QUEUE_MAX_AGE_SECONDS = 300
    with database_task_queue(settings):
        result = noop.enqueue()
        assert client.get("/readyz").status_code == 200
        DBTaskResult.objects.filter(pk=result.id).update(
            enqueued_at=timezone.now() - datetime.timedelta(minutes=6)
        )
        response = client.get("/readyz")
    assert response.status_code == 503
    assert body(response) == {"status": "unavailable", "failed": ["queue"]}


def test_healthz_stays_the_liveness_probe(client):
    with mock.patch("portal.readiness.cache.get", return_value=None):
        assert client.get("/healthz").status_code == 200


def test_readyz_answers_get_only(client):
    assert client.post("/readyz").status_code == 405

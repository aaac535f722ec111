"""PostgreSQL: tracking numbers stay unique and consecutive when citizens submit at once, and a
form sent twice at the same moment is saved once."""

import threading
import uuid

import pytest
from django.db import connection, connections

from feedback import services
from feedback.models import Complaint

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def submit(token, results, barrier):
    try:
        barrier.wait()
        submission = services.complaint_submit(
            category="other",
            subject="并发提交的投诉",
            description="同一时刻提交的投诉，编号必须各不相同，且按顺序连续。",
            name="张三",
            phone="13812345678",
            token=token,
        )
        results.append(submission)
    except Exception as error:  # collected and asserted on below
        results.append(error)
    finally:
        connections.close_all()


def run(tokens):
    results = []
    barrier = threading.Barrier(len(tokens))
    threads = [threading.Thread(target=submit, args=(t, results, barrier)) for t in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_concurrent_submissions_get_distinct_consecutive_numbers():
    results = run([uuid.uuid4() for _ in range(12)])
    assert not [r for r in results if isinstance(r, Exception)], results
    numbers = sorted(Complaint.objects.values_list("tracking_number", flat=True))
    assert len(numbers) == len(set(numbers)) == 12
    assert [int(n[-4:]) for n in numbers] == list(range(1, 13))


def test_the_same_form_sent_twice_at_once_is_saved_once():
    token = uuid.uuid4()
    results = run([token] * 4)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert Complaint.objects.count() == 1
    assert sum(r.created for r in results) == 1
    assert {r.complaint.pk for r in results} == {Complaint.objects.get().pk}
    # Every response shows the same query code (the clicks came within the receipt window).
    assert len({r.query_code for r in results}) == 1

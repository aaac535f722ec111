"""Queries per page do not grow with the number of items listed (10 vs 100)."""

import pytest

from decisions.factories import MajorDecisionPageFactory, PublicCommentFactory
from decisions.models import ModerationStatus
from tests.utils import queries_for

pytestmark = pytest.mark.django_db


def test_decision_index_queries_do_not_grow_with_notices(client, section, department):
    MajorDecisionPageFactory.create_batch(10, parent=section, issuing_department=department)
    at_10 = queries_for(client, section.url)
    MajorDecisionPageFactory.create_batch(90, parent=section, issuing_department=department)
    assert queries_for(client, section.url) == at_10


def published_comments(notice, count):
    for _ in range(count):
        PublicCommentFactory(
            notice=notice,
            status=ModerationStatus.PUBLISHED,
            published_text="建议将首次免费停车时间延长到 60 分钟，方便群众办事。",
        )


def test_notice_queries_do_not_grow_with_published_comments(client, notice):
    published_comments(notice, 10)
    at_10 = queries_for(client, notice.url)
    published_comments(notice, 90)
    assert notice.comments.filter(status=ModerationStatus.PUBLISHED).count() == 100
    assert queries_for(client, notice.url) == at_10

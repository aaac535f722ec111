"""Queries per page do not grow with the number of items listed (10 vs 100)."""

import datetime

import pytest

from feedback import services
from feedback.factories import (
    ComplaintFactory,
    SymposiumPageFactory,
    advance,
    inspection_finding,
    symposium_view,
)
from feedback.models import Ground, Outcome, PostLevel, Status
from tests.utils import queries_for

pytestmark = pytest.mark.django_db


def test_public_complaint_list_queries_do_not_grow(client, complaint_page, market, market_handler):
    def published(count):
        for _ in range(count):
            advance(ComplaintFactory(department=market), Status.REPLIED, actor=market_handler)

    published(10)
    url = complaint_page.public_url()
    at_10 = queries_for(client, url)
    published(90)
    assert queries_for(client, url) == at_10


def test_symposium_index_queries_do_not_grow(client, symposiums, market):
    def sessions(start, count):
        for number in range(start, start + count):
            day = datetime.date(2020, 1, 1) + datetime.timedelta(days=7 * number)
            page = SymposiumPageFactory(
                parent=symposiums,
                host_department=market,
                slug=f"session-{number}",
                date=day,
                period=f"{day.year}年度",
            )
            page.save_revision().publish()
            symposium_view(page)

    sessions(0, 10)
    at_10 = queries_for(client, symposiums.url)
    sessions(10, 90)
    assert queries_for(client, symposiums.url) == at_10


def test_accountability_index_queries_do_not_grow(
    client, accountability_page, market, chief, review_user
):
    def decided(count):
        for _ in range(count):
            finding = inspection_finding(market, actor=chief)
            finding = services.finding_refer(finding=finding, actor=chief, reason="性质严重。")
            case = services.case_open(
                actor=review_user,
                department=market,
                post_level=PostLevel.GENERAL,
                ground=Ground.SHIRKING,
                allegation="窗口工作人员推诿。",
                person_name="",
                person_post="窗口工作人员",
                findings=[finding],
            )
            services.case_decide(
                case=case, actor=review_user, outcome=Outcome.ADMONISHMENT, findings="属实。"
            )

    decided(10)
    at_10 = queries_for(client, accountability_page.url)
    decided(90)
    assert queries_for(client, accountability_page.url) == at_10

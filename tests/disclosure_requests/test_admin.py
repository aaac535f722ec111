"""The handlers' admin over HTTP, as each role: department scope, every step through the
action forms, the export without personal data, and the overdue row of the self-check."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from disclosure_requests import services
from disclosure_requests.models import Action, DisclosureRequest, Outcome, Status
from oversight.selectors import check_overdue_requests

pytestmark = pytest.mark.django_db
INDEX = "/admin/disclosure_requests/"


def act(client, req, name, **fields):
    data = {f"{name}-{key}": value for key, value in fields.items()}
    return client.post(f"{INDEX}{req.pk}/actions/{name}/", data)


def test_handler_sees_only_their_departments_requests(
    client, make_request, housing, resources, housing_handler
):
    own = make_request()
    other = make_request(department=resources)
    client.force_login(housing_handler)
    html = client.get(INDEX).content.decode()
    assert own.tracking_number in html and other.tracking_number not in html
    assert client.get(f"{INDEX}{other.pk}/").status_code == 404
    assert act(client, other, "receive").status_code == 404
    assert DisclosureRequest.objects.get(pk=other.pk).status == Status.SUBMITTED


def test_county_office_sees_all(client, make_request, resources, office):
    make_request()
    make_request(department=resources)
    client.force_login(office)
    html = client.get(INDEX).content.decode()
    assert html.count("YS") >= 2


def test_handler_works_a_request_through_the_admin(client, make_request, housing_handler):
    req = make_request(timezone.localdate())
    client.force_login(housing_handler)
    assert act(client, req, "receive").status_code == 302
    assert act(client, req, "correction", items="").status_code == 400
    assert act(client, req, "correction", items="请写明年度。").status_code == 302
    assert act(client, req, "corrected").status_code == 302
    response = act(client, req, "extend", days="10", approved_by="", reason="档案多")
    assert response.status_code == 400
    assert (
        act(client, req, "extend", days="10", approved_by="王局长", reason="档案多").status_code
        == 302
    )
    assert act(client, req, "consult", third_party="某公司").status_code == 302
    assert act(client, req, "consulted").status_code == 302
    assert act(client, req, "fee_notice", amount="200.00").status_code == 302
    assert act(client, req, "fee_paid").status_code == 302
    refused = act(client, req, "reply", outcome="withheld", reason="")
    assert refused.status_code == 400 and "须选择具体理由" in refused.content.decode()
    assert act(client, req, "reply", outcome="partial", text="部分提供。").status_code == 302
    req.refresh_from_db()
    assert (req.status, req.outcome) == (Status.CONCLUDED, Outcome.PARTIAL)
    actions = list(req.events.order_by("pk").values_list("action", flat=True))
    assert actions == [
        Action.SUBMIT,
        Action.RECEIVE,
        Action.REQUEST_CORRECTION,
        Action.CORRECT,
        Action.EXTEND,
        Action.CONSULT,
        Action.CONSULTED,
        Action.FEE_NOTICE,
        Action.FEE_PAID,
        Action.REPLY,
    ]
    appeal = act(
        client,
        req,
        "appeal",
        kind="review",
        filed_on=str(timezone.localdate()),
        result="pending",
        decided_on="",
    )
    assert appeal.status_code == 302 and req.appeals.count() == 1
    page = client.get(f"{INDEX}{req.pk}/").content.decode()
    assert "部分公开" in page and "王局长" in page


def test_export_has_no_personal_data(client, make_request, housing_handler):
    make_request(name="钱七", phone="13700001111")
    client.force_login(housing_handler)
    response = client.get(f"{INDEX}?export=csv")
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    assert "YS" in body and "钱七" not in body and "13700001111" not in body


def test_overdue_requests_on_the_self_check(make_request, housing_handler):
    req = make_request(datetime.date(2026, 3, 2))
    services.request_confirm_receipt(
        request=req,
        actor=housing_handler,
        now=timezone.make_aware(datetime.datetime(2026, 3, 2, 10)),
    )
    assert check_overdue_requests(datetime.date(2026, 3, 30)).count == 0
    row = check_overdue_requests(datetime.date(2026, 3, 31))
    assert row.count == 1 and row.items[0]["label"] == req.tracking_number
    assert row.severity == "danger"


def test_sweep_command_is_idempotent(make_request):
    make_request()
    out = io.StringIO()
    call_command("sweep_disclosure_requests", stdout=out)
    call_command("sweep_disclosure_requests", stdout=out)
    assert "办结" in out.getvalue()

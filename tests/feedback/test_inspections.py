"""Inspection findings (明查暗访): their rules, recorded and followed up by county supervisors
only, in the admin and through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from feedback import services
from feedback.factories import inspection_finding
from feedback.models import FindingStatus, InspectionFinding

pytestmark = pytest.mark.django_db

INDEX = "/admin/inspection-findings/"
ADD = f"{INDEX}new/"
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


def form(department, **overrides):
    data = {
        "inspected_on": (TODAY() - 2 * DAY).isoformat(),
        "department": department.pk,
        "post": "政务服务中心不动产登记窗口",
        "mode": "unannounced",
        "category": "discipline",
        "problem": "工作时间窗口无人，群众等候二十分钟。",
        "rectification": "落实 AB 岗制度。",
        "rectification_deadline": (TODAY() + 5 * DAY).isoformat(),
    }
    data.update(overrides)
    return data


def denied(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_rules(market, chief):
    with pytest.raises(ValidationError) as error:
        inspection_finding(market, actor=chief, inspected_on=TODAY() + DAY)
    assert "检查日期不能晚于今天" in str(error.value)
    with pytest.raises(ValidationError) as error:
        inspection_finding(
            market,
            actor=chief,
            inspected_on=TODAY() - 5 * DAY,
            rectification_deadline=TODAY() - 6 * DAY,
        )
    assert "整改期限不能早于检查日期" in str(error.value)
    with pytest.raises(ValidationError) as error:
        inspection_finding(market, actor=chief, post=" ", problem="", mode="x", category="y")
    assert {"mode", "category"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError) as error:
        inspection_finding(market, actor=chief, post=" ", problem="")
    assert {"post", "problem"} <= set(error.value.message_dict)
    assert not InspectionFinding.objects.exists()


def test_database_keeps_the_rectification_consistent(market, chief):
    finding = inspection_finding(market, actor=chief)
    with pytest.raises(IntegrityError), transaction.atomic():
        InspectionFinding.objects.filter(pk=finding.pk).update(status=FindingStatus.RECTIFIED)
    with pytest.raises(IntegrityError), transaction.atomic():
        InspectionFinding.objects.filter(pk=finding.pk).update(
            rectification_deadline=finding.inspected_on - DAY
        )


def test_rectification_and_overdue(market, chief):
    late = inspection_finding(
        market,
        actor=chief,
        inspected_on=TODAY() - 20 * DAY,
        rectification_deadline=TODAY() - 10 * DAY,
    )
    current = inspection_finding(market, actor=chief)
    assert list(InspectionFinding.objects.overdue()) == [late]
    assert late.is_overdue() and not current.is_overdue()
    with pytest.raises(ValidationError) as error:
        services.finding_rectify(finding=late, actor=chief, rectified_on=TODAY(), report="")
    assert "请填写整改情况" in str(error.value)
    with pytest.raises(ValidationError) as error:
        services.finding_rectify(
            finding=late, actor=chief, rectified_on=TODAY() + DAY, report="已整改。"
        )
    assert "整改完成日期不能晚于今天" in str(error.value)
    done = services.finding_rectify(
        finding=late, actor=chief, rectified_on=TODAY() - DAY, report="已整改。"
    )
    assert done.status == FindingStatus.RECTIFIED and done.rectified_late
    assert not InspectionFinding.objects.overdue().exists()
    with pytest.raises(services.ActionRefused):
        services.finding_rectify(finding=done, actor=chief, rectified_on=TODAY(), report="再次。")


def test_referral_once_with_a_reason(market, chief):
    finding = inspection_finding(market, actor=chief)
    with pytest.raises(ValidationError):
        services.finding_refer(finding=finding, actor=chief, reason=" ")
    finding = services.finding_refer(finding=finding, actor=chief, reason="性质严重。")
    assert list(InspectionFinding.objects.awaiting_review()) == [finding]
    assert finding.review_label == "转入问责审查（审查中）"
    with pytest.raises(services.ActionRefused):
        services.finding_refer(finding=finding, actor=chief, reason="再次。")


def test_only_county_supervisors_record_findings(market, market_handler, review_user, chief):
    for user in (market_handler, review_user):
        with pytest.raises(PermissionDenied):
            inspection_finding(market, actor=user)
    finding = inspection_finding(market, actor=chief)
    for user in (market_handler, review_user):
        with pytest.raises(PermissionDenied):
            services.finding_update(finding=finding, actor=user, post="改")
        with pytest.raises(PermissionDenied):
            services.finding_refer(finding=finding, actor=user, reason="转审。")


def test_admin_is_for_county_supervisors_only(client, market, market_handler, review_user, chief):
    finding = inspection_finding(market, actor=chief)
    urls = [INDEX, ADD, f"{INDEX}{finding.pk}/", f"{INDEX}edit/{finding.pk}/"]
    for user in (market_handler, review_user):
        client.force_login(user)
        for url in urls:
            assert denied(client.get(url)), url
        assert denied(client.post(ADD, form(market)))
        assert denied(
            client.post(f"{INDEX}{finding.pk}/actions/refer/", {"refer-reason": "转审理由"})
        )
    assert InspectionFinding.objects.count() == 1
    assert InspectionFinding.objects.get().referred_at is None
    client.force_login(chief)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_supervisor_records_corrects_and_follows_up_in_the_admin(client, market, chief):
    client.force_login(chief)
    response = client.post(ADD, form(market, rectification_deadline=""))
    assert response.status_code == 200
    assert not InspectionFinding.objects.exists()
    response = client.post(ADD, form(market))
    finding = InspectionFinding.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{INDEX}{finding.pk}/"
    assert finding.recorded_by == chief
    response = client.post(f"{INDEX}edit/{finding.pk}/", form(market, post="综合受理窗口"))
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.post == "综合受理窗口"
    response = client.post(
        f"{INDEX}{finding.pk}/actions/rectify/",
        {"rectify-rectified_on": TODAY().isoformat(), "rectify-report": "已落实 AB 岗制度。"},
    )
    assert response.status_code == 302
    response = client.post(f"{INDEX}{finding.pk}/actions/refer/", {"refer-reason": "  "})
    assert response.status_code == 400
    response = client.post(f"{INDEX}{finding.pk}/actions/refer/", {"refer-reason": "性质严重。"})
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.status == FindingStatus.RECTIFIED and finding.referred_at is not None
    # Both actions are done: neither is offered again, and a repeat is refused.
    page = client.get(f"{INDEX}{finding.pk}/").content.decode()
    assert "确认整改完成</summary>" not in page
    response = client.post(f"{INDEX}{finding.pk}/actions/refer/", {"refer-reason": "再次转。"})
    assert response.status_code == 409
    assert "该问题已转问责审查" in response.content.decode()

"""Accountability review: the case rules, who may open and decide cases, the links between a case
and the complaints, views and findings that raised it (both ways), and the public list of
decided cases, de-identified, with yearly counts."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from feedback import services
from feedback.factories import (
    ComplaintFactory,
    accountability_case,
    advance,
    inspection_finding,
    symposium_view,
)
from feedback.models import (
    AccountabilityCase,
    AccountabilityCaseSource,
    Action,
    CaseStatus,
    Complaint,
    Ground,
    Outcome,
    PostLevel,
    Status,
)

pytestmark = pytest.mark.django_db

PERSON = "欧阳明辉"
CODE = "ABCD2345"


@pytest.fixture
def referred_complaint(market, market_handler, chief, complaint_page):
    complaint = ComplaintFactory(department=market, query_code=CODE, name="张三")
    complaint = advance(complaint, Status.REPLIED, actor=market_handler)
    return services.complaint_refer(complaint=complaint, actor=chief, reason="涉嫌吃拿卡要。")


@pytest.fixture
def referred_finding(market, chief):
    finding = inspection_finding(market, actor=chief)
    return services.finding_refer(finding=finding, actor=chief, reason="性质严重。")


@pytest.fixture
def referred_view(session, chief, market):
    view = symposium_view(session, actor=chief, handling_department=market)
    return services.view_refer(view=view, actor=chief, reason="反映推诿。")


def open_case(user, department, **sources):
    return services.case_open(
        actor=user,
        department=department,
        post_level=PostLevel.GENERAL,
        ground=Ground.BRIBE_SEEKING,
        allegation="窗口工作人员暗示请吃饭。",
        person_name=PERSON,
        person_post="窗口工作人员",
        **sources,
    )


def decide(case, user, outcome=Outcome.ADMONISHMENT, **extra):
    return services.case_decide(
        case=case, actor=user, outcome=outcome, findings="经调查属实，本人承认。", **extra
    )


# --- rules -------------------------------------------------------------------------------


def test_cases_are_numbered_by_year(review_user, market, referred_finding):
    first = open_case(review_user, market, findings=[referred_finding])
    second = open_case(review_user, market, findings=[referred_finding])
    year = timezone.localdate().year
    assert (first.number, second.number) == (f"{year}-001", f"{year}-002")
    assert str(first) == f"问责审查 {year}-001"
    assert first.status == CaseStatus.OPEN and first.opened_by == review_user


def test_a_case_needs_a_referred_source(review_user, market, chief, session):
    with pytest.raises(ValidationError) as error:
        open_case(review_user, market)
    assert "至少选择一条问题线索" in str(error.value)
    finding = inspection_finding(market, actor=chief)
    view = symposium_view(session, actor=chief, handling_department=market)
    complaint = ComplaintFactory(department=market)
    with pytest.raises(ValidationError) as error:
        open_case(review_user, market, complaints=[complaint], views=[view], findings=[finding])
    assert set(error.value.message_dict) == {"complaints", "views", "findings"}
    assert complaint.tracking_number in error.value.message_dict["complaints"][0]
    assert not AccountabilityCase.objects.exists()


def test_case_rules(review_user, market, referred_finding):
    case = open_case(review_user, market, findings=[referred_finding])
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        decide(case, review_user, decided_on=case.opened_on - datetime.timedelta(days=1))
    assert "决定日期不能早于立案日期" in str(error.value)
    with pytest.raises(ValidationError) as error:
        decide(case, review_user, decided_on=today + datetime.timedelta(days=1))
    assert "决定日期不能晚于今天" in str(error.value)
    with pytest.raises(ValidationError) as error:
        decide(case, review_user, veto=True, veto_reason="")
    assert "一票否决须写明原因" in str(error.value)
    with pytest.raises(ValidationError) as error:
        decide(case, review_user, outcome=Outcome.NONE, veto=True, veto_reason="严重")
    assert "不予问责的案件不能一票否决" in str(error.value)
    with pytest.raises(ValidationError):
        services.case_decide(case=case, actor=review_user, outcome="fired", findings="x")
    with pytest.raises(ValidationError) as error:
        services.case_decide(case=case, actor=review_user, outcome=Outcome.NONE, findings=" ")
    assert "审查认定的事实" in str(error.value)
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    with pytest.raises(ValidationError) as error:
        services.case_open(
            actor=review_user,
            department=market,
            post_level="boss",
            ground="nothing",
            allegation="",
            findings=[referred_finding],
            opened_on=today + datetime.timedelta(days=2),
        )
    assert {"post_level", "ground"} <= set(error.value.message_dict)


def test_a_case_is_decided_once(review_user, market, referred_finding):
    case = decide(open_case(review_user, market, findings=[referred_finding]), review_user)
    assert case.status == CaseStatus.DECIDED and case.decided_on == timezone.localdate()
    with pytest.raises(services.ActionRefused):
        decide(case, review_user, outcome=Outcome.NONE)
    with pytest.raises(services.ActionRefused):
        services.case_update(
            case=case, actor=review_user, complaints=[], views=[], findings=[referred_finding]
        )


def test_database_refuses_an_incomplete_decision_and_a_sourceless_link(
    review_user, market, referred_finding
):
    case = open_case(review_user, market, findings=[referred_finding])
    with pytest.raises(IntegrityError), transaction.atomic():
        AccountabilityCase.objects.filter(pk=case.pk).update(status=CaseStatus.DECIDED)
    with pytest.raises(IntegrityError), transaction.atomic():
        AccountabilityCaseSource.objects.create(case=case)
    with pytest.raises(IntegrityError), transaction.atomic():
        AccountabilityCaseSource.objects.create(case=case, finding=referred_finding)


# --- who may -----------------------------------------------------------------------------


def test_only_the_review_group_opens_and_decides_cases(
    review_user, chief, market_handler, market, referred_finding
):
    for user in (chief, market_handler):
        with pytest.raises(PermissionDenied):
            open_case(user, market, findings=[referred_finding])
    case = open_case(review_user, market, findings=[referred_finding])
    for user in (chief, market_handler):
        with pytest.raises(PermissionDenied):
            decide(case, user)
        with pytest.raises(PermissionDenied):
            services.case_update(
                case=case, actor=user, complaints=[], views=[], findings=[referred_finding]
            )


ADD = "/admin/accountability-cases/new/"
INDEX = "/admin/accountability-cases/"


def denied(response):
    """Wagtail answers a permission failure with 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_case_admin_is_for_the_review_group_only(
    client, review_user, chief, market_handler, market, referred_finding
):
    case = open_case(review_user, market, findings=[referred_finding])
    urls = [INDEX, ADD, f"{INDEX}{case.pk}/", f"/admin/accountability-cases/edit/{case.pk}/"]
    for user in (chief, market_handler):
        client.force_login(user)
        for url in urls:
            assert denied(client.get(url)), url
        response = client.post(
            f"{INDEX}{case.pk}/actions/decide/",
            {"decide-outcome": "none", "decide-findings": "无问题。", "decide-decided_on": ""},
        )
        assert denied(response)
        response = client.post(ADD, {"department": market.pk, "findings": [referred_finding.pk]})
        assert denied(response)
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN and AccountabilityCase.objects.count() == 1
    client.force_login(review_user)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_reviewer_opens_and_decides_a_case_in_the_admin(
    client, review_user, market, referred_complaint, referred_finding
):
    client.force_login(review_user)
    form = client.get(ADD).content.decode()
    assert referred_complaint.tracking_number in form
    response = client.post(
        ADD,
        {
            "department": market.pk,
            "post_level": PostLevel.GENERAL,
            "person_name": PERSON,
            "person_post": "窗口工作人员",
            "ground": Ground.BRIBE_SEEKING,
            "allegation": "投诉反映工作人员暗示请吃饭。",
            "opened_on": timezone.localdate().isoformat(),
            "complaints": [referred_complaint.pk],
            "findings": [referred_finding.pk],
        },
    )
    case = AccountabilityCase.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{INDEX}{case.pk}/"
    assert [type(s).__name__ for s in case.source_objects()] == [
        "Complaint",
        "InspectionFinding",
    ]
    # No source: the form says so, nothing is saved.
    response = client.post(
        ADD,
        {
            "department": market.pk,
            "post_level": PostLevel.GENERAL,
            "ground": Ground.SHIRKING,
            "allegation": "没有线索。",
            "opened_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200
    assert "请至少选择一条问题线索" in response.content.decode()
    assert AccountabilityCase.objects.count() == 1

    response = client.post(
        f"{INDEX}{case.pk}/actions/decide/",
        {
            "decide-outcome": Outcome.ADMONISHMENT,
            "decide-findings": "经调查，工作人员以言语暗示请吃饭属实。",
            "decide-decided_on": timezone.localdate().isoformat(),
            "decide-veto": "on",
            "decide-veto_reason": "",
        },
    )
    assert response.status_code == 400
    assert "一票否决须写明原因" in response.content.decode()
    response = client.post(
        f"{INDEX}{case.pk}/actions/decide/",
        {
            "decide-outcome": Outcome.ADMONISHMENT,
            "decide-findings": "经调查，工作人员以言语暗示请吃饭属实。",
            "decide-decided_on": timezone.localdate().isoformat(),
            "decide-veto": "",
            "decide-veto_reason": "",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.outcome) == (CaseStatus.DECIDED, Outcome.ADMONISHMENT)
    # A decided case is no longer editable.
    response = client.get(f"/admin/accountability-cases/edit/{case.pk}/")
    assert response.status_code == 302 and response["Location"] == f"{INDEX}{case.pk}/"


# --- the links, both ways -----------------------------------------------------------------


def test_sources_and_cases_link_both_ways(
    review_user, market, referred_complaint, referred_view, referred_finding
):
    case = open_case(
        review_user,
        market,
        complaints=[referred_complaint],
        views=[referred_view],
        findings=[referred_finding],
    )
    assert case.source_objects() == [referred_complaint, referred_view, referred_finding]
    for source in (referred_complaint, referred_view, referred_finding):
        assert list(AccountabilityCase.objects.for_source(source)) == [case]
    assert referred_finding.review_label == "转入问责审查（审查中）"
    # Correcting the case changes its sources.
    services.case_update(
        case=case,
        actor=review_user,
        complaints=[referred_complaint],
        views=[],
        findings=[referred_finding],
        allegation="更正后的审查事项。",
    )
    assert list(AccountabilityCase.objects.for_source(referred_view)) == []
    assert case.source_objects() == [referred_complaint, referred_finding]


def test_decision_reaches_every_source(
    client,
    review_user,
    market,
    session,
    referred_complaint,
    referred_view,
    referred_finding,
    chief,
):
    case = open_case(
        review_user,
        market,
        complaints=[referred_complaint],
        views=[referred_view],
        findings=[referred_finding],
    )
    decide(case, review_user, outcome=Outcome.PUBLIC_CRITICISM)
    complaint = Complaint.objects.get(pk=referred_complaint.pk)
    assert complaint.status == Status.CLOSED
    event = complaint.events.get(action=Action.REVIEW_DECIDED)
    assert event.note == "转入问责审查 → 通报批评" and event.actor == review_user
    # The complainant's status page says it.
    client.post(
        "/complaints/status/",
        {"action": "lookup", "tracking_number": complaint.tracking_number, "query_code": CODE},
    )
    html = client.get(f"/complaints/status/?no={complaint.tracking_number}").content.decode()
    assert "转入问责审查 → 通报批评" in html
    assert PERSON not in html
    # The view's public entry says it.
    assert "转入问责审查 → 通报批评" in client.get(session.url).content.decode()
    # The finding shows it in the admin.
    referred_finding.refresh_from_db()
    assert referred_finding.review_label == "转入问责审查 → 通报批评"
    client.force_login(chief)
    page = client.get(f"/admin/inspection-findings/{referred_finding.pk}/").content.decode()
    assert "转入问责审查 → 通报批评" in page
    listing = client.get("/admin/inspection-findings/").content.decode()
    assert "转入问责审查 → 通报批评" in listing
    # The complaint's admin page lists the case (supervisors do not see the person).
    page = client.get(f"/admin/complaints/{complaint.pk}/").content.decode()
    assert case.number in page and "通报批评" in page and PERSON not in page


def test_a_complaint_in_two_cases_is_concluded_when_both_are_decided(
    review_user, market, referred_complaint
):
    first = open_case(review_user, market, complaints=[referred_complaint])
    second = open_case(review_user, market, complaints=[referred_complaint])
    decide(first, review_user, outcome=Outcome.REMINDER_TALK)
    referred_complaint.refresh_from_db()
    assert referred_complaint.status == Status.REFERRED
    assert not referred_complaint.events.filter(action=Action.REVIEW_DECIDED).exists()
    decide(second, review_user, outcome=Outcome.ADMONISHMENT)
    referred_complaint.refresh_from_db()
    assert referred_complaint.status == Status.CLOSED
    note = referred_complaint.events.get(action=Action.REVIEW_DECIDED).note
    assert note == "转入问责审查 → 提醒谈话、诫勉"


def test_a_concluded_complaint_cannot_join_a_new_case(review_user, market, referred_complaint):
    decide(open_case(review_user, market, complaints=[referred_complaint]), review_user)
    referred_complaint.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        open_case(review_user, market, complaints=[referred_complaint])
    assert "审查已结束" in str(error.value)


# --- the public list ----------------------------------------------------------------------


def test_public_list_shows_decided_cases_de_identified(
    client, accountability_page, review_user, market, referred_complaint, referred_finding
):
    decided = open_case(review_user, market, complaints=[referred_complaint])
    decide(
        decided,
        review_user,
        outcome=Outcome.ADMONISHMENT,
        veto=True,
        veto_reason=f"{PERSON}吃拿卡要",
    )
    still_open = accountability_case(
        market,
        actor=review_user,
        findings=[referred_finding],
        allegation="尚在审查的案件。",
        person_name="李四",
    )
    response = client.get(accountability_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for shown in ("示例县市场监督管理局", "一般岗位", "吃拿卡要", "诫勉", "群众投诉", "一票否决"):
        assert shown in html, shown
    for hidden in (
        PERSON,
        "欧阳",
        "窗口工作人员暗示请吃饭",
        "经调查属实",
        "李四",
        still_open.number,
        referred_complaint.tracking_number,
        "张三",
    ):
        assert hidden not in html, hidden
    csv = client.get(accountability_page.url, {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode("utf-8-sig")
    assert "诫勉" in body and "群众投诉：门难进、脸难看、事难办" in body
    for hidden in (PERSON, "李四", "经调查属实", referred_complaint.tracking_number):
        assert hidden not in body


def test_public_list_counts_cases_per_year(
    client, accountability_page, review_user, market, referred_finding
):
    this_year = timezone.localdate()
    last_year = this_year.replace(year=this_year.year - 1, month=6, day=15)
    old = services.case_open(
        actor=review_user,
        department=market,
        post_level=PostLevel.MIDDLE,
        ground=Ground.INACTION,
        allegation="去年的案件。",
        findings=[referred_finding],
        opened_on=last_year,
    )
    decide(old, review_user, outcome=Outcome.PUBLIC_CRITICISM, decided_on=last_year)
    for outcome in (Outcome.PUBLIC_CRITICISM, Outcome.NONE):
        decide(open_case(review_user, market, findings=[referred_finding]), review_user, outcome)
    counts = AccountabilityCase.objects.yearly_counts()
    assert [(row["year"], row["total"]) for row in counts] == [
        (this_year.year, 2),
        (last_year.year, 1),
    ]
    criticism = list(Outcome.values).index(Outcome.PUBLIC_CRITICISM)
    assert counts[0]["outcomes"][criticism] == 1 and counts[1]["outcomes"][criticism] == 1
    html = client.get(accountability_page.url, {"year": last_year.year}).content.decode()
    assert "去年的案件" not in html  # the allegation is never public
    assert f"{last_year.year}年已作出决定的问责案件" in html
    assert "共 1 起" in html

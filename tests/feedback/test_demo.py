"""The demo: about 40 complaints across departments and states, some overdue, some rated."""

from collections import Counter

import pytest
from django.core import mail

from feedback import demo
from feedback.factories import DEMO_QUERY_CODE
from feedback.models import Complaint, ComplaintFormPage, Status
from portal import demo as portal_demo

pytestmark = pytest.mark.django_db


def test_demo_loads_once_with_complaints_in_every_state(home, django_capture_on_commit_callbacks):
    portal_demo.load(home)
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(home)
        demo.load(home)
    assert ComplaintFormPage.objects.live().get().url == "/complaints/"
    complaints = Complaint.objects.all()
    assert 35 <= complaints.count() <= 45
    statuses = Counter(complaints.values_list("status", flat=True))
    assert set(statuses) == set(Status.values)
    assert complaints.overdue().count() >= 3
    assert complaints.exclude(rating="").count() >= 10
    assert complaints.values("handling_department").distinct().count() >= 10
    assert complaints.published().count() >= 10
    assert complaints.filter(is_anonymous=True, name="").exists()
    assert complaints.filter(handling_department__isnull=True).exists()
    assert all(c.check_query_code(DEMO_QUERY_CODE) for c in complaints[:3])
    # Old steps of demo content e-mail nobody.
    assert mail.outbox == []
    # Every event lies in the past and in order.
    for complaint in complaints:
        times = list(complaint.events.values_list("created_at", flat=True))
        assert times == sorted(times)


def test_demo_has_symposiums_inspections_cases_and_six_bulletins(home):
    from disclosure.models import MonthlyBulletinPage
    from feedback.models import (
        AccountabilityCase,
        CaseStatus,
        InspectionFinding,
        SymposiumPage,
        SymposiumView,
        ViewStatus,
    )
    from feedback.services.bulletins import previous_month

    portal_demo.load(home)
    demo.load(home)
    demo.load(home)
    sessions = SymposiumPage.objects.live().order_by("date")
    assert [s.period for s in sessions][-2:] and sessions.count() == 2
    assert sessions[0].date < sessions[1].date
    views = SymposiumView.objects.all()
    assert 28 <= views.count() <= 32
    assert set(views.values_list("status", flat=True)) == set(ViewStatus.values)
    assert views.overdue().exists() and views.filter(published=False).exists()
    findings = InspectionFinding.objects.all()
    assert 18 <= findings.count() <= 22
    assert findings.overdue().exists() and findings.awaiting_review().count() >= 3
    cases = AccountabilityCase.objects.all()
    assert 8 <= cases.count() <= 12
    assert set(cases.values_list("status", flat=True)) == set(CaseStatus.values)
    assert cases.filter(veto=True).exists()
    kinds = {link.kind for case in cases for link in case.sources.all()}
    assert kinds == {"complaint", "view", "finding"}
    # Demo complaints were referred and decided through the services.
    assert Complaint.objects.filter(events__action="review_decided").count() >= 2
    bulletins = MonthlyBulletinPage.objects.order_by("month")
    assert bulletins.count() == 6
    year, month = previous_month()
    latest = bulletins.last()
    assert (latest.month.year, latest.month.month) == (year, month)
    assert not latest.live
    assert all(page.live for page in bulletins[:5])
    # Every bulletin carries the service centre's figures and the compiled feedback figures.
    for page in bulletins:
        rows = page.get_latest_revision_as_object().rows.all()
        assert sum(row.cases_handled for row in rows) > 0
    draft_rows = latest.get_latest_revision_as_object().rows.all()
    assert sum(row.complaints_received for row in draft_rows) > 0
    assert any(row.rank == 1 for row in draft_rows)

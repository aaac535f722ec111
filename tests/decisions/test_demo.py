"""Demo content: six decisions in different states, loaded twice without duplicates."""

import pytest
from django.utils import timezone

from decisions import demo
from decisions.models import DecisionIndexPage, DirectoryEntry, MajorDecisionPage, PublicComment
from decisions.selectors import adoption_report
from portal import demo as portal_demo

pytestmark = pytest.mark.django_db


def test_demo_covers_every_state_and_is_idempotent(client, home):
    portal_demo.load(home)
    demo.load(home)
    pages = {page.slug: page for page in MajorDecisionPage.objects.live()}
    statuses = {slug: page.status().value for slug, page in pages.items()}
    assert statuses == {
        "elderly-care-facilities": "upcoming",
        "parking-fees": "open",
        "waste-sorting": "closed",
        "old-housing-renovation": "implementing",
        "rural-road-maintenance": "evaluated",
        "school-layout": "terminated",
    }
    assert pages["parking-fees"].closes_at > timezone.now()
    closed_report = adoption_report(pages["waste-sorting"])
    assert closed_report["total"] == 5 and closed_report["complete"]
    assert pages["old-housing-renovation"].tracking_updates.count() == 2
    linked = PublicComment.objects.filter(notice=pages["old-housing-renovation"]).exclude(
        changed_passage=""
    )
    assert linked.count() == 2
    counts = (
        MajorDecisionPage.objects.count(),
        PublicComment.objects.count(),
        DirectoryEntry.objects.count(),
    )
    demo.load(home)
    assert counts == (
        MajorDecisionPage.objects.count(),
        PublicComment.objects.count(),
        DirectoryEntry.objects.count(),
    )
    for page in pages.values():
        assert client.get(page.url).status_code == 200
    index = DecisionIndexPage.objects.get()
    html = client.get(index.url).content.decode()
    assert "年度重大行政决策事项目录" in html and "尚未公示" in html

"""The monthly bulletin's draft, compiled from live feedback data into a disclosure page.

The bulletin page belongs to `disclosure`, which knows nothing of feedback; this service reads
the feedback figures through `feedback.selectors` and writes them into a draft revision of the
month's `MonthlyBulletinPage`. It never publishes: an editor reviews the draft, writes the
narrative and the commendations and criticisms, and publishes it."""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disclosure.models import (
    BulletinIndexPage,
    BulletinRow,
    BulletinSettings,
    MonthlyBulletinPage,
    Topic,
    score_rows,
)
from portal.models import Department, PortalSettings

from ..selectors import BULLETIN_COUNTS, bulletin_figures

MONTH_RE = re.compile(r"^\s*(\d{4})\s*[-/年.]\s*(\d{1,2})\s*月?\s*$")


class BulletinDraftRefused(ValidationError):
    """The draft cannot be compiled (bad month, no bulletin section); the message is Chinese."""


@dataclass
class DraftResult:
    page: MonthlyBulletinPage
    created: bool
    departments: int
    added: list


def parse_month(value):
    """'2026-11' (also 2026/11, 2026年11月) → (2026, 11); a Chinese error otherwise."""
    match = MONTH_RE.match(value or "")
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if 2000 <= year <= 2100 and 1 <= month <= 12:
            return year, month
    raise BulletinDraftRefused(
        _("月份“%(value)s”无法识别，请写作 YYYY-MM，例如 2026-11。") % {"value": value or ""}
    )


def previous_month(today=None):
    today = today or timezone.localdate()
    last = today.replace(day=1) - datetime.timedelta(days=1)
    return last.year, last.month


def _issuing_department(index):
    """Who issues a new bulletin: whoever issued the latest one, else the site's host
    organisation, else the first department; editors may change it in the draft."""
    latest = (
        MonthlyBulletinPage.objects.child_of(index)
        .filter(issuing_department__isnull=False)
        .order_by("-month")
        .first()
    )
    if latest is not None:
        return latest.issuing_department, latest.topic
    host = PortalSettings.load().host_organisation
    department = Department.objects.filter(name=host).first() if host else None
    department = department or Department.objects.order_by("sort_order", "name").first()
    if department is None:
        raise BulletinDraftRefused(_("还没有任何部门，请先在“部门”中添加。"))
    return department, Topic.LABOUR


def _apply(row, figures):
    for name in BULLETIN_COUNTS:
        setattr(row, name, figures[name])
    row.outcomes = figures["outcomes"]
    row.veto = figures["veto"]
    row.veto_reason = figures["veto_reason"]


EMPTY = {**dict.fromkeys(BULLETIN_COUNTS, 0), "outcomes": "", "veto": False, "veto_reason": ""}


def _compile(index, first, figures, user, now):
    existing = MonthlyBulletinPage.objects.select_for_update().filter(month=first).first()
    if existing is not None:
        draft = existing.get_latest_revision_as_object()
        created = False
    else:
        department, topic = _issuing_department(index)
        draft = MonthlyBulletinPage(
            title=MonthlyBulletinPage.title_for(first),
            slug=MonthlyBulletinPage.slug_for(first),
            month=first,
            issuing_department=department,
            topic=topic,
            live=False,
        )
        created = True
    # The service centre's figures, the narrative and the notices are the editors' and stay;
    # the feedback figures are recompiled in full each time.
    rows = list(draft.rows.all())
    present = {row.department_id for row in rows}
    added = []
    new_departments = Department.objects.filter(pk__in=set(figures) - present).order_by(
        "sort_order", "name"
    )
    for department in new_departments:
        rows.append(BulletinRow(department=department))
        added.append(department.name)
    for row in rows:
        _apply(row, figures.get(row.department_id, EMPTY))
    score_rows(rows, BulletinSettings.load())
    for order, row in enumerate(rows):
        row.sort_order = order
    draft.rows = rows
    draft.compiled_at = now
    if created:
        index.add_child(instance=draft)
    draft.save_revision(user=user, log_action=True)
    return DraftResult(page=draft, created=created, departments=len(rows), added=added)


def bulletin_draft(*, year, month, user=None, now=None):
    """Create or update the DRAFT bulletin of `year`-`month` from live data: complaints, views
    answered on time, inspection findings, accountability cases with outcomes and vetoes;
    scores and ranks by the weights in BulletinSettings. Saves a revision, never publishes."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    try:
        first = datetime.date(year, month, 1)
    except (TypeError, ValueError):
        raise BulletinDraftRefused(_("月份无效，请写作 YYYY-MM，例如 2026-11。")) from None
    if first > today.replace(day=1):
        raise BulletinDraftRefused(_("不能为尚未开始的月份编制通报。"))
    index = BulletinIndexPage.objects.first()
    if index is None:
        raise BulletinDraftRefused(_("网站中还没有“月通报”栏目页面，请先在首页下创建。"))
    figures = bulletin_figures(year, month, today=today)
    for attempt in range(2):
        try:
            with transaction.atomic():
                return _compile(index, first, figures, user, now)
        except IntegrityError:
            # Another draft of the same new month was created at the same moment: update it.
            if attempt:
                raise
    raise AssertionError("unreachable")

"""Every write on an accountability case: opened from referred complaints, views and findings,
corrected while open, decided once. A decision is written onto every source: the complaint's
timeline (which concludes it once no other case is examining it) and the view's log."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    AccountabilityCase,
    AccountabilityCaseSource,
    CaseStatus,
    Ground,
    Outcome,
    PostLevel,
    Status,
    ViewStatus,
    beijing_date,
    review_label,
)
from ..permissions import case_policy
from .complaints import ActionRefused, complaint_record_review_outcome
from .symposiums import view_record_review_outcome

# Cases opened at the same moment by several reviewers retry for the next number.
ATTEMPTS = 5
CASE_FIELDS = (
    "department",
    "post_level",
    "person_name",
    "person_post",
    "ground",
    "allegation",
    "opened_on",
    "power_item",
    "power_trigger",
)


def _require_reviewer(actor):
    if actor is not None and not case_policy.user_has_permission(actor, "change"):
        raise PermissionDenied(_("只有问责审查组可以立案和作出问责决定。"))


def _check_sources(case, complaints, views, findings):
    """Every source must have been referred to review by the county supervisors; those the
    case names already stay valid while it is open."""
    complaints, views, findings = list(complaints), list(views), list(findings)
    if not (complaints or views or findings):
        raise ValidationError(
            _("请至少选择一条问题线索：转入问责审查的投诉、座谈会意见或明查暗访问题。")
        )
    linked = {"complaint": set(), "view": set(), "finding": set()}
    if case is not None:
        for link in case.sources.all():
            linked[link.kind.value].add(link.complaint_id or link.view_id or link.finding_id)
    errors = {}
    bad = [
        c.tracking_number
        for c in complaints
        if c.pk not in linked["complaint"] and c.status != Status.REFERRED
    ]
    if bad:
        errors["complaints"] = _("以下投诉未转入问责审查或审查已结束：%(items)s。") % {
            "items": "、".join(bad)
        }
    bad = [str(v) for v in views if v.pk not in linked["view"] and v.status != ViewStatus.REFERRED]
    if bad:
        errors["views"] = _("以下座谈会意见未转问责审查：%(items)s。") % {"items": "、".join(bad)}
    bad = [str(f) for f in findings if f.pk not in linked["finding"] and f.referred_at is None]
    if bad:
        errors["findings"] = _("以下明查暗访问题未转问责审查：%(items)s。") % {
            "items": "、".join(bad)
        }
    if errors:
        raise ValidationError(errors)
    return complaints, views, findings


def _set_sources(case, complaints, views, findings):
    # Complaints first, then views, then findings, each in the order given.
    wanted = [
        *(("complaint", c.pk) for c in complaints),
        *(("view", v.pk) for v in views),
        *(("finding", f.pk) for f in findings),
    ]
    existing = {}
    for link in case.sources.all():
        existing[(link.kind.value, link.complaint_id or link.view_id or link.finding_id)] = link
    for key, link in existing.items():
        if key not in wanted:
            link.delete()
    for kind, pk in dict.fromkeys(wanted):
        if (kind, pk) not in existing:
            AccountabilityCaseSource.objects.create(case=case, **{f"{kind}_id": pk})


def _check_choices(fields):
    errors = {}
    if "post_level" in fields and fields["post_level"] not in PostLevel.values:
        errors["post_level"] = _("请选择岗位层级。")
    if "ground" in fields and fields["ground"] not in Ground.values:
        errors["ground"] = _("请选择问责情形。")
    if "department" in fields and fields["department"] is None:
        errors["department"] = _("请选择被审查部门。")
    if errors:
        raise ValidationError(errors)


def _next_number(year):
    taken = AccountabilityCase.objects.filter(number__startswith=f"{year}-").count()
    return f"{year}-{taken + 1:03d}"


def case_open(
    *,
    actor,
    department,
    post_level,
    ground,
    allegation,
    complaints=(),
    views=(),
    findings=(),
    person_name="",
    person_post="",
    opened_on=None,
    power_item=None,
    power_trigger=None,
    now=None,
):
    """Open a case on referred complaints, views and/or findings; numbered 2026-001, …"""
    now = now or timezone.now()
    _require_reviewer(actor)
    opened_on = opened_on or beijing_date(now)
    fields = {
        "department": department,
        "post_level": post_level,
        "ground": ground,
        "allegation": (allegation or "").strip(),
        "person_name": (person_name or "").strip(),
        "person_post": (person_post or "").strip(),
        "opened_on": opened_on,
        "power_item": power_item,
        "power_trigger": power_trigger,
    }
    _check_choices(fields)
    complaints, views, findings = _check_sources(None, complaints, views, findings)
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                case = AccountabilityCase(
                    **fields,
                    number=_next_number(opened_on.year),
                    opened_by=actor if getattr(actor, "pk", None) else None,
                )
                case.full_clean(exclude=["number"])
                case.save()
                _set_sources(case, complaints, views, findings)
                return case
        except IntegrityError:
            # Two cases opened at the same moment took the same number: take the next.
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def case_update(*, case, actor, complaints, views, findings, **fields):
    """Correct an open case: its particulars (CASE_FIELDS) and its sources."""
    _require_reviewer(actor)
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable: {', '.join(sorted(unknown))}")
    _check_choices(fields)
    with transaction.atomic():
        locked = AccountabilityCase.objects.select_for_update().get(pk=case.pk)
        if locked.status != CaseStatus.OPEN:
            raise ActionRefused(_("案件已作出决定，不能再修改。"))
        complaints, views, findings = _check_sources(locked, complaints, views, findings)
        for name, value in fields.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        locked.full_clean()
        locked.save()
        _set_sources(locked, complaints, views, findings)
        return locked


def case_decide(
    *, case, actor, outcome, findings, decided_on=None, veto=False, veto_reason="", now=None
):
    """Decide the case once. Each complaint it names records “转入问责审查 → <outcome>” on its
    timeline and is concluded when no other case is still examining it; each view logs it."""
    now = now or timezone.now()
    _require_reviewer(actor)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("请选择问责方式。")})
    with transaction.atomic():
        locked = AccountabilityCase.objects.select_for_update().get(pk=case.pk)
        if locked.status != CaseStatus.OPEN:
            raise ActionRefused(_("该案件已作出决定。"))
        locked.status = CaseStatus.DECIDED
        locked.outcome = outcome
        locked.findings = (findings or "").strip()
        locked.decided_on = decided_on or beijing_date(now)
        locked.veto = bool(veto)
        locked.veto_reason = (veto_reason or "").strip() if veto else ""
        locked.decided_by = actor if getattr(actor, "pk", None) else None
        locked.full_clean()
        locked.save()
        note = _("转入问责审查 → %(outcome)s") % {"outcome": locked.get_outcome_display()}
        links = locked.sources.select_related("complaint", "view").order_by("pk")
        for link in links:
            if link.complaint_id:
                _conclude_complaint(link.complaint, actor, now)
            elif link.view_id:
                view_record_review_outcome(view=link.view, actor=actor, outcome=note, now=now)
        return locked


def _conclude_complaint(complaint, actor, now):
    """Record the review's outcome on the complaint once every case naming it is decided."""
    cases = list(AccountabilityCase.objects.for_source(complaint).order_by("decided_on", "pk"))
    if complaint.status != Status.REFERRED or any(not case.is_decided for case in cases):
        return
    complaint_record_review_outcome(
        complaint=complaint, actor=actor, outcome=str(review_label(cases)), now=now
    )

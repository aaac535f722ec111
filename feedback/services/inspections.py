"""Every write on an inspection finding (明查暗访): recorded, corrected, its rectification
confirmed, referred to accountability review. County supervisors only."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import FindingCategory, FindingStatus, InspectionFinding, InspectionMode
from ..permissions import finding_policy
from .complaints import ActionRefused

EDITABLE_FIELDS = (
    "inspected_on",
    "department",
    "post",
    "mode",
    "category",
    "problem",
    "rectification",
    "rectification_deadline",
)


def _require_supervisor(actor):
    if actor is not None and not finding_policy.user_has_permission(actor, "change"):
        raise PermissionDenied(_("只有县效能督查人员可以录入和处理明查暗访问题。"))


def _check_choices(fields):
    errors = {}
    if "mode" in fields and fields["mode"] not in InspectionMode.values:
        errors["mode"] = _("请选择明查或暗访。")
    if "category" in fields and fields["category"] not in FindingCategory.values:
        errors["category"] = _("请选择问题类别。")
    if errors:
        raise ValidationError(errors)


def _save(finding):
    finding.full_clean()
    finding.save()
    return finding


def finding_create(
    *,
    actor,
    inspected_on,
    department,
    post,
    mode,
    category,
    problem,
    rectification,
    rectification_deadline,
    now=None,
):
    """Record a problem found at a window or post, with the rectification required."""
    now = now or timezone.now()
    _require_supervisor(actor)
    fields = {
        "inspected_on": inspected_on,
        "department": department,
        "post": (post or "").strip(),
        "mode": mode,
        "category": category,
        "problem": (problem or "").strip(),
        "rectification": (rectification or "").strip(),
        "rectification_deadline": rectification_deadline,
    }
    _check_choices(fields)
    with transaction.atomic():
        return _save(
            InspectionFinding(
                **fields,
                recorded_at=now,
                recorded_by=actor if getattr(actor, "pk", None) else None,
            )
        )


def finding_update(*, finding, actor, **fields):
    """Correct a recorded finding (any of EDITABLE_FIELDS)."""
    _require_supervisor(actor)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable: {', '.join(sorted(unknown))}")
    _check_choices(fields)
    with transaction.atomic():
        locked = InspectionFinding.objects.select_for_update().get(pk=finding.pk)
        for name, value in fields.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        return _save(locked)


def finding_rectify(*, finding, actor, rectified_on, report):
    """Confirm that the department rectified the problem, on `rectified_on`."""
    _require_supervisor(actor)
    if not (report or "").strip():
        raise ValidationError({"rectification_report": _("请填写整改情况。")})
    if rectified_on is None:
        raise ValidationError({"rectified_on": _("请填写整改完成日期。")})
    with transaction.atomic():
        locked = InspectionFinding.objects.select_for_update().get(pk=finding.pk)
        if locked.status == FindingStatus.RECTIFIED:
            raise ActionRefused(_("该问题已确认整改完成。"))
        locked.status = FindingStatus.RECTIFIED
        locked.rectified_on = rectified_on
        locked.rectification_report = report.strip()
        return _save(locked)


def finding_refer(*, finding, actor, reason, now=None):
    """Send the finding to accountability review; its rectification continues regardless."""
    now = now or timezone.now()
    _require_supervisor(actor)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("请填写转问责审查的理由。")})
    with transaction.atomic():
        locked = InspectionFinding.objects.select_for_update().get(pk=finding.pk)
        if locked.referred_at is not None:
            raise ActionRefused(_("该问题已转问责审查。"))
        locked.referred_at, locked.referral_reason = now, reason.strip()
        return _save(locked)

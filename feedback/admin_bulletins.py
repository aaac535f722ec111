"""Admin: compile the month's bulletin draft from live data (the button on the bulletin pages)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from disclosure.models import BulletinIndexPage, MonthlyBulletinPage

from .admin_forms import BulletinDraftForm
from .services import BulletinDraftRefused, bulletin_draft, parse_month
from .services.bulletins import previous_month

URL_NAME = "feedback_bulletin_draft"


def may_draft(user, index, month=None):
    """Whether `user` may compile the draft of `month` (its first day): edit the month's
    bulletin when it exists, else add one under the index."""
    existing = MonthlyBulletinPage.objects.filter(month=month).first() if month else None
    if existing is not None:
        return existing.permissions_for_user(user).can_edit()
    return index.permissions_for_user(user).can_add_subpage()


def _requested_month(value):
    try:
        year, month = parse_month(value)
    except BulletinDraftRefused:
        return None
    return datetime.date(year, month, 1)


def bulletin_draft_view(request):
    """GET: choose the month; POST: compile its draft and open it in the page editor."""
    index = BulletinIndexPage.objects.first()
    if index is None:
        raise Http404(_("网站中还没有“月通报”栏目页面。"))
    requested = request.GET.get("month", "")
    if not may_draft(request.user, index, _requested_month(requested)):
        raise PermissionDenied
    year, month = previous_month()
    form = BulletinDraftForm(
        request.POST or None, initial={"month": requested or f"{year}-{month:02d}"}
    )
    if request.method == "POST" and form.is_valid():
        year, month = form.cleaned_data["month"]
        if not may_draft(request.user, index, datetime.date(year, month, 1)):
            raise PermissionDenied
        try:
            result = bulletin_draft(year=year, month=month, user=request.user)
        except BulletinDraftRefused as refused:
            form.add_error("month", refused.messages[0])
        else:
            verb = _("已新建") if result.created else _("已更新")
            messages.success(
                request,
                _(
                    "%(verb)s%(title)s草稿：%(count)d 个部门的投诉、座谈会意见、明查暗访和问责数据"
                    "已按实时数据汇总并计算得分排名；政务服务中心数据、通报正文和表扬批评保持不变。"
                    "请核对后发布。"
                )
                % {"verb": verb, "title": result.page.title, "count": result.departments},
            )
            return redirect(reverse("wagtailadmin_pages:edit", args=[result.page.pk]))
    return TemplateResponse(
        request,
        "feedback/admin/bulletin_draft.html",
        {"form": form, "index": index},
        status=400 if request.method == "POST" else 200,
    )

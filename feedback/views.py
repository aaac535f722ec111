"""The public complaint pages, served by ComplaintFormPage's routes: the form and its receipt,
the status look-up with the timeline and the rating, and the published complaints.

Pages with the form or a complaint's status are never cached: the captcha is single-use and the
status is private."""

import datetime
import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from portal.exports import csv_response
from portal.inputs import keep_form_in_history, parse_id
from portal.models import Department, PortalSettings
from portal.ratelimit import GuessGuard, client_ip, hit, is_limited
from portal.status_access import StatusAccess

from . import selectors
from .codes import (
    format_query_code,
    normalize_tracking_number,
    parse_token,
    query_code_matches,
)
from .forms import (
    ComplaintForm,
    RatingForm,
    StatusLookupForm,
    live_fee_item,
    live_procedure,
)
from .models import Action, Category, Complaint, Status
from .services import ActionRefused, complaint_rate, complaint_submit

# Complaint form posts per IP address: generous for a family or an office behind one address,
# far below what a script sends (the 20th post in a minute is always refused).
SUBMIT_IP_LIMIT, SUBMIT_IP_WINDOW = 10, 600
# Complaints per phone number per day.
SUBMIT_PHONE_LIMIT, SUBMIT_PHONE_WINDOW = 5, 86400
# Status look-ups (guessing query codes): past 3 wrong codes in an hour for a tracking number or
# from an address, each look-up also needs a captcha; an address with 20 wrong codes in an hour
# waits. A number is never locked: its owner who solves the captcha gets in (README, 投诉).
LOOKUP_GUARD = GuessGuard("complaint-lookup", challenge_after=3, address_limit=20, window=3600)
# A successful look-up lets this browser see the complaint for half an hour.
STATUS_SESSION_KEY = "feedback_complaints"
STATUS_ACCESS_SECONDS = 30 * 60
STATUS_ACCESS = StatusAccess(STATUS_SESSION_KEY, seconds=STATUS_ACCESS_SECONDS)
PUBLIC_PER_PAGE = 20


def _no_store(response):
    add_never_cache_headers(response)
    return response


def _revalidate(response):
    # Published complaints change without any page being published (a reply, a supervisor
    # withholding one, the retention purge): caches must ask again every time, so that a
    # withheld complaint disappears at once. The queries are few and cheap.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def error_list(form):
    """The form's errors in field order, each with the id of the input it belongs to."""
    errors = [{"href": "", "label": "", "message": message} for message in form.non_field_errors()]
    for field in form:
        for message in field.errors:
            errors.append(
                {"href": f"#{field.id_for_label}", "label": field.label, "message": message}
            )
    return errors


def _render(request, page, template, context, status=200):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


# --- the form and the receipt -------------------------------------------------------------


def _prefill(request):
    """A fresh form token, and what a link from a department, a 办事指南 (?procedure=) or a
    收费目录 item (?fee=) tells: unknown or unpublished ids are ignored without an error."""
    initial = {"submission_token": uuid.uuid4()}
    department_id = parse_id(request.GET.get("department"))
    if department_id is not None:
        department = Department.objects.filter(pk=department_id).first()
        if department is not None:
            initial["department"] = department.pk
    fee_item = live_fee_item(request.GET.get("fee"))
    if fee_item is not None:
        initial["fee_item"] = fee_item.pk
        initial["department"] = fee_item.charging_department_id
        initial["category"] = Category.ARBITRARY_FEES
    procedure = live_procedure(request.GET.get("procedure"))
    if procedure is not None:
        initial["procedure"] = procedure.pk
        initial["department"] = procedure.issuing_department_id
    return initial


def _form_context(page, form, **extra):
    site = PortalSettings.load()
    return {
        "form": form,
        "errors": error_list(form) if form.is_bound else [],
        "accept_days": site.complaint_accept_days,
        "reply_days": site.complaint_reply_days,
        "status_url": page.status_url(),
        "public_url": page.public_url(),
        "tab": "form",
        **extra,
    }


def _form_page(request, page, form, status=200):
    # Never no-store: a browser keeps what was typed in a page it may keep, and the citizen who
    # meets an error page after posting goes back to find the text still there.
    return keep_form_in_history(_render(request, page, None, _form_context(page, form), status))


def complaint_form(request, page):
    """GET: the empty form. POST: the receipt, or the form again with every error listed."""
    if request.method == "POST":
        return _submit(request, page)
    return _form_page(request, page, ComplaintForm(initial=_prefill(request)))


def _submit(request, page):
    token = parse_token(request.POST.get("submission_token"))
    # The token before the captcha: the captcha of a double-clicked form is already used up,
    # and its second post must show the first post's receipt.
    if token is not None:
        submission = selectors.submission_for_token(token)
        if submission is not None:
            return _receipt(request, page, submission)

    form = ComplaintForm(request.POST, request.FILES)
    if not hit("complaint-ip", client_ip(request), limit=SUBMIT_IP_LIMIT, window=SUBMIT_IP_WINDOW):
        form.is_valid()
        form.add_error(
            None,
            _("提交过于频繁，请 10 分钟后再试；紧急情况请拨打政务服务热线 12345。"),
        )
        return _form_page(request, page, form, status=429)
    if not form.is_valid():
        return _form_page(request, page, form)
    phone = form.cleaned_data.get("phone")
    if phone and is_limited(
        "complaint-phone", phone, limit=SUBMIT_PHONE_LIMIT, window=SUBMIT_PHONE_WINDOW
    ):
        form.add_error(
            "phone",
            _("该电话号码今天提交的投诉已达 %(n)d 件，请明天再提交，或拨打 12345 热线。")
            % {"n": SUBMIT_PHONE_LIMIT},
        )
        return _form_page(request, page, form, status=429)
    submission = complaint_submit(token=token or uuid.uuid4(), **form.submission_kwargs())
    if submission.created and phone:
        hit("complaint-phone", phone, limit=SUBMIT_PHONE_LIMIT, window=SUBMIT_PHONE_WINDOW)
    return _receipt(request, page, submission)


def _receipt(request, page, submission):
    complaint = submission.complaint
    site = PortalSettings.load()
    context = {
        "complaint": complaint,
        "created": submission.created,
        "query_code": format_query_code(submission.query_code) if submission.query_code else "",
        "reply_days": site.complaint_reply_days,
        "status_url": page.status_url(),
        "public_url": page.public_url(),
        "tab": "form",
    }
    # The receipt shows the query code: no copy anywhere, not even in the browser's history.
    return _no_store(_render(request, page, "feedback/complaint_receipt.html", context))


# --- the status page ----------------------------------------------------------------------


def _grant(request, complaint):
    STATUS_ACCESS.grant(request, complaint)


def _granted(request, tracking_number):
    return STATUS_ACCESS.granted(request, Complaint.objects.all(), tracking_number)


def _status_context(page, **extra):
    return {
        "status_url": page.status_url(),
        "public_url": page.public_url(),
        "tab": "status",
        "Status": Status,
        **extra,
    }


def _render_status(
    request, page, *, complaint=None, lookup_form=None, rating_form=None, status=200
):
    if complaint is not None:
        complaint = (
            Complaint.objects.select_related("department", "handling_department")
            .prefetch_related("events__department")
            .get(pk=complaint.pk)
        )
        if rating_form is None and complaint.can(Action.RATE):
            rating_form = RatingForm()
    bound = [form for form in (lookup_form, rating_form) if form is not None and form.is_bound]
    context = _status_context(
        page,
        complaint=complaint,
        lookup_form=lookup_form if complaint is None else None,
        rating_form=rating_form,
        errors=error_list(bound[0]) if bound else [],
    )
    return _render(request, page, "feedback/complaint_status.html", context, status=status)


def complaint_status(request, page):
    """Tracking number + query code → the timeline, and the rating of the reply."""
    if request.method == "POST":
        if request.POST.get("action") == "rate":
            return _no_store(_rate(request, page))
        return _no_store(_lookup(request, page))
    number = normalize_tracking_number(request.GET.get("no", ""))[:30]
    complaint = _granted(request, number)
    if complaint is None:
        form = StatusLookupForm(initial={"tracking_number": number} if number else None)
        return _no_store(_render_status(request, page, lookup_form=form))
    return _no_store(_render_status(request, page, complaint=complaint))


WRONG_CREDENTIALS = "投诉编号或查询码不正确，请核对后重新输入（查询码不区分大小写）。"
TOO_MANY_LOOKUPS = "本网络查询失败次数过多，请 1 小时后再试，或拨打政务服务热线 12345 查询。"


def _lookup(request, page):
    ip = client_ip(request)
    number = normalize_tracking_number(request.POST.get("tracking_number", ""))[:30]
    form = StatusLookupForm(request.POST, challenge=LOOKUP_GUARD.needs_challenge(ip, number))
    if LOOKUP_GUARD.address_blocked(ip):
        form.is_valid()
        form.add_error(None, _(TOO_MANY_LOOKUPS))
        return _render_status(request, page, lookup_form=form, status=429)
    if not form.is_valid():
        return _render_status(request, page, lookup_form=form)
    number, code = form.cleaned_data["tracking_number"], form.cleaned_data["query_code"]
    complaint = Complaint.objects.filter(tracking_number=number).first()
    if complaint is not None:
        matched = complaint.check_query_code(code)
    else:
        # The same HMACs as for a wrong code: the time taken must not tell the number is unknown.
        matched = query_code_matches(code, None)
    if matched:
        _grant(request, complaint)
        return HttpResponseRedirect(
            page.status_url() + "?" + urlencode({"no": complaint.tracking_number}), status=303
        )
    LOOKUP_GUARD.fail(ip, number)
    form.add_error(None, _(WRONG_CREDENTIALS))
    if LOOKUP_GUARD.needs_challenge(ip, number) and "captcha" not in form.fields:
        form.add_challenge()
    return _render_status(request, page, lookup_form=form)


def _rate(request, page):
    number = normalize_tracking_number(request.POST.get("tracking_number", ""))[:30]
    complaint = _granted(request, number)
    if complaint is None:
        form = StatusLookupForm(initial={"tracking_number": number})
        messages.error(request, _("查询已超时，请重新输入投诉编号和查询码后再评价。"))
        return _render_status(request, page, lookup_form=form, status=403)
    rating_form = RatingForm(request.POST)
    if not rating_form.is_valid():
        return _render_status(request, page, complaint=complaint, rating_form=rating_form)
    try:
        complaint_rate(
            complaint=complaint,
            rating=rating_form.cleaned_data["rating"],
            comment=rating_form.cleaned_data["comment"],
        )
    except ActionRefused as refused:
        rating_form.add_error(None, refused.messages[0])
        return _render_status(
            request, page, complaint=complaint, rating_form=rating_form, status=409
        )
    messages.success(request, _("感谢您的评价，已记录。"))
    return HttpResponseRedirect(
        page.status_url() + "?" + urlencode({"no": complaint.tracking_number}), status=303
    )


# --- public disclosure --------------------------------------------------------------------


def _month(value):
    try:
        moment = datetime.datetime.strptime(value or "", "%Y-%m")
    except ValueError:
        return None
    if not 2000 <= moment.year <= 2100:
        return None
    return moment.date()


def complaint_public(request, page):
    """投诉处理公开: replied complaints whose complainants consented, de-identified, and the
    month's counts per department and category."""
    department_id = parse_id(request.GET.get("department"))
    department = (
        Department.objects.filter(pk=department_id).first() if department_id is not None else None
    )
    category = request.GET.get("category", "")
    category = category if category in Category.values else ""
    complaints = selectors.published_complaints(department=department, category=category)
    page_obj = Paginator(complaints, PUBLIC_PER_PAGE).get_page(request.GET.get("page"))

    today = timezone.localdate()
    month = _month(request.GET.get("month")) or today.replace(day=1)
    figures = selectors.monthly_figures(month.year, month.month, today=today)
    months = selectors.months_with_complaints()
    if today.replace(day=1) not in months:
        months.insert(0, today.replace(day=1))

    filters = {"department": department.pk if department else "", "category": category}
    query_string = urlencode({key: value for key, value in filters.items() if value})
    context = {
        "page_obj": page_obj,
        "complaints": page_obj.object_list,
        "departments": Department.objects.all(),
        "categories": Category.choices,
        "selected_department": department,
        "selected_category": category,
        "query_string": query_string,
        "month": month,
        "months": months,
        "figures": figures,
        "status_url": page.status_url(),
        "public_url": page.public_url(),
        "tab": "public",
    }
    return _revalidate(_render(request, page, "feedback/complaint_public.html", context))


def complaint_public_detail(request, page, pk):
    complaint = selectors.published_complaints().prefetch_related("events").filter(pk=pk).first()
    if complaint is None:
        raise Http404(_("该投诉不存在或未公开。"))
    context = {
        "complaint": complaint,
        "status_url": page.status_url(),
        "public_url": page.public_url(),
        "tab": "public",
    }
    return _revalidate(_render(request, page, "feedback/complaint_public_detail.html", context))


# --- symposiums and accountability review -------------------------------------------------


def revalidated(response):
    """Views' statuses and case decisions change without any page being published: caches
    must ask again every time."""
    return _revalidate(response)


CASE_EXPORT_HEADERS = [
    "决定日期",
    "部门",
    "岗位层级",
    "问责情形",
    "问责方式",
    "一票否决",
    "问题线索来源",
]


def accountability_export(request, page):
    """The public list of decided cases as CSV: the same columns as the page, no person."""
    year = selectors.public_year(request.GET.get("year"))
    rows = selectors.public_case_rows(selectors.public_cases(year=year))
    return _revalidate(
        csv_response(
            f"accountability-{year or 'all'}",
            CASE_EXPORT_HEADERS,
            [
                [
                    row["decided_on"].isoformat(),
                    row["department"],
                    row["post_level"],
                    row["ground"],
                    row["outcome"],
                    _("是") if row["veto"] else _("否"),
                    "；".join(f"{source['kind']}：{source['text']}" for source in row["sources"]),
                ]
                for row in rows
            ],
        )
    )

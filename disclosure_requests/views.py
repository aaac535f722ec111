"""The public pages of 依申请公开, served by DisclosureRequestIndexPage's routes (the form and
its receipt, the status look-up, the reply's documents and letter) and the annual report's
downloads. The rate limits, the look-up guard and the session grant are the complaint pages'
(feedback.views): the same protection for the same kind of secret.

Pages with the form or a request's status are never cached: the captcha is single-use and the
status is private."""

import uuid

from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from feedback.views import _no_store, _render, error_list
from portal import pdf
from portal.codes import format_query_code, normalize_tracking_number, parse_token
from portal.inputs import keep_form_in_history
from portal.ratelimit import GuessGuard, client_ip, hit, is_limited
from portal.status_access import StatusAccess

from . import exports, letters
from .codes import query_code_matches
from .forms import DisclosureRequestForm, StatusLookupForm
from .models import (
    REPLY_WORKING_DAYS,
    AttachmentRole,
    DisclosureRequest,
    DisclosureRequestAttachment,
    Status,
)
from .services import receipt_for_token, request_submit

SUBMIT_IP_LIMIT, SUBMIT_IP_WINDOW = 10, 600
SUBMIT_PHONE_LIMIT, SUBMIT_PHONE_WINDOW = 5, 86400
LOOKUP_GUARD = GuessGuard("disclosure-lookup", challenge_after=3, address_limit=20, window=3600)
STATUS_SESSION_KEY = "disclosure_requests"
STATUS_ACCESS_SECONDS = 30 * 60
STATUS_ACCESS = StatusAccess(STATUS_SESSION_KEY, seconds=STATUS_ACCESS_SECONDS)
WRONG_CREDENTIALS = "申请编号或查询码不正确，请核对后重新输入（查询码不区分大小写）。"
TOO_MANY_LOOKUPS = "本网络查询失败次数过多，请 1 小时后再试，或拨打政务服务热线 12345 查询。"


def _form_context(page, form):
    return {
        "form": form,
        "errors": error_list(form) if form.is_bound else [],
        "reply_days": REPLY_WORKING_DAYS,
        "status_url": page.status_url(),
        "guide": page.guide(),
    }


def _form_response(request, page, form, status=200):
    return keep_form_in_history(_render(request, page, None, _form_context(page, form), status))


def request_form(request, page):
    """GET: the empty form. POST: the receipt, or the form again with every error listed."""
    if request.method == "POST":
        return _submit(request, page)
    return _form_response(
        request, page, DisclosureRequestForm(initial={"submission_token": uuid.uuid4()})
    )


def _submit(request, page):
    token = parse_token(request.POST.get("submission_token"))
    # The token before the captcha: a double-clicked form shows the first post's receipt.
    if token is not None:
        receipt = receipt_for_token(token)
        if receipt is not None:
            return _receipt(request, page, receipt)
    form = DisclosureRequestForm(request.POST, request.FILES)
    if not hit("disclosure-ip", client_ip(request), limit=SUBMIT_IP_LIMIT, window=SUBMIT_IP_WINDOW):
        form.is_valid()
        form.add_error(None, _("提交过于频繁，请 10 分钟后再试。"))
        return _form_response(request, page, form, status=429)
    if not form.is_valid():
        return _form_response(request, page, form)
    phone = form.cleaned_data["phone"]
    if is_limited("disclosure-phone", phone, limit=SUBMIT_PHONE_LIMIT, window=SUBMIT_PHONE_WINDOW):
        form.add_error(
            "phone",
            _("该电话号码今天提交的申请已达 %(n)d 件，请明天再提交。") % {"n": SUBMIT_PHONE_LIMIT},
        )
        return _form_response(request, page, form, status=429)
    receipt = request_submit(token=token or uuid.uuid4(), **form.submission_kwargs())
    if receipt.created:
        hit("disclosure-phone", phone, limit=SUBMIT_PHONE_LIMIT, window=SUBMIT_PHONE_WINDOW)
    return _receipt(request, page, receipt)


def _receipt(request, page, receipt):
    context = {
        "disclosure_request": receipt.request,
        "created": receipt.created,
        "query_code": format_query_code(receipt.query_code) if receipt.query_code else "",
        "reply_days": REPLY_WORKING_DAYS,
        "status_url": page.status_url(),
    }
    return _no_store(_render(request, page, "disclosure_requests/request_receipt.html", context))


# --- the status page --------------------------------------------------------------------------


def _grant(request, req):
    STATUS_ACCESS.grant(request, req)


def _granted(request, tracking_number):
    return STATUS_ACCESS.granted(request, DisclosureRequest.objects.all(), tracking_number)


def _render_status(request, page, *, req=None, lookup_form=None, status=200):
    if req is not None:
        req = (
            DisclosureRequest.objects.select_related("department")
            .prefetch_related("events", "attachments")
            .get(pk=req.pk)
        )
    context = {
        "disclosure_request": req,
        "reply_documents": (
            [a for a in req.attachments.all() if a.role == AttachmentRole.REPLY] if req else []
        ),
        "lookup_form": lookup_form if req is None else None,
        "errors": error_list(lookup_form)
        if lookup_form is not None and lookup_form.is_bound
        else [],
        "status_url": page.status_url(),
        "Status": Status,
    }
    return _no_store(
        _render(request, page, "disclosure_requests/request_status.html", context, status=status)
    )


def request_status(request, page):
    """申请编号 + 查询码 → the timeline, the reply and its documents."""
    if request.method == "POST":
        return _lookup(request, page)
    number = normalize_tracking_number(request.GET.get("no", ""))[:30]
    req = _granted(request, number)
    if req is None:
        form = StatusLookupForm(initial={"tracking_number": number} if number else None)
        return _render_status(request, page, lookup_form=form)
    return _render_status(request, page, req=req)


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
    req = DisclosureRequest.objects.filter(tracking_number=number).first()
    # The same HMACs for an unknown number: the time taken must not tell it does not exist.
    matched = req.check_query_code(code) if req is not None else query_code_matches(code, None)
    if matched:
        _grant(request, req)
        return HttpResponseRedirect(
            page.status_url() + "?" + urlencode({"no": req.tracking_number}), status=303
        )
    LOOKUP_GUARD.fail(ip, number)
    form.add_error(None, _(WRONG_CREDENTIALS))
    if LOOKUP_GUARD.needs_challenge(ip, number) and "captcha" not in form.fields:
        form.add_challenge()
    return _render_status(request, page, lookup_form=form)


def reply_download(request, page, pk):
    """A document of the reply, as an attachment, only to the browser that looked the request
    up with its query code."""
    number = normalize_tracking_number(request.GET.get("no", ""))[:30]
    req = _granted(request, number)
    if req is None or req.status != Status.CONCLUDED:
        raise Http404
    document = DisclosureRequestAttachment.objects.filter(
        pk=pk, request=req, role=AttachmentRole.REPLY
    ).first()
    if document is None:
        raise Http404
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name or f"{req.tracking_number}-{document.pk}.{document.kind}",
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return _no_store(response)


def reply_letter(request, page):
    """The 告知书 as a page, or as a PDF with ?format=pdf; only with the query code."""
    number = normalize_tracking_number(request.GET.get("no", ""))[:30]
    req = _granted(request, number)
    if req is None or req.status != Status.CONCLUDED:
        raise Http404
    title, paragraphs = letters.letter(req)
    if request.GET.get("format") == "pdf":
        response = HttpResponse(pdf.render(str(title), paragraphs), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{req.tracking_number}.pdf"'
        return _no_store(response)
    context = {"disclosure_request": req, "title": title, "paragraphs": paragraphs}
    return _no_store(_render(request, page, "disclosure_requests/reply_letter.html", context))


# --- the annual report ------------------------------------------------------------------------


def annual_report_xlsx(request, report):
    response = HttpResponse(
        exports.report_xlsx(report),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="annual-report-{report.slug}.xlsx"'
    return response


def annual_report_pdf(request, report):
    response = HttpResponse(exports.report_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="annual-report-{report.slug}.pdf"'
    return response

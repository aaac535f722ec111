"""Thin views of the decisions app: the comment post on a notice, and the downloads (CSV, JSON,
Atom) of the section and of one notice."""

import uuid

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from portal.exports import atom_response, csv_response, json_response
from portal.hosts import absolute_url
from portal.inputs import keep_form_in_history
from portal.ratelimit import client_ip, hit, is_limited

from . import selectors, services
from .forms import PublicCommentForm, normalise_text, parse_token
from .models import DecisionStatus, PublicComment

# Comments from one address: generous for a person commenting on several articles of a draft,
# tight enough to stop a flood.
COMMENT_RATE_SCOPE = "decision-comment"
COMMENT_RATE_LIMIT = 10
COMMENT_RATE_WINDOW = 60 * 60
# Within this many seconds of the opening, an upcoming notice is not kept by caches.
OPENING_SOON = 60 * 60
EXPORT_LIMIT = 5000
FEED_LIMIT = 50


def _no_store(response):
    """A receipt is the citizen's own: never kept anywhere, not even in the browser's history."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def render_decision(request, notice, *, status=200, **context_overrides):
    context = notice.get_context(request, **context_overrides)
    response = TemplateResponse(request, notice.get_template(request), context, status=status)
    if "receipt" in context_overrides:
        return _no_store(response)
    # The form, or the refusal that keeps the text: the browser may keep what was typed.
    return keep_form_in_history(response)


def serve_decision(request, notice, default_serve, *args, **kwargs):
    """The notice page: ?format= downloads, the comment post, or the page itself."""
    if not getattr(request, "is_preview", False):
        # The records are read many times (status, indicator, sections): load them once. A
        # preview keeps the unsaved records of the editor's form instead.
        prefetch_related_objects(
            [notice],
            "steps__document",
            "tracking_updates__responsible_unit",
            "attachments__document",
        )
    if request.GET.get("format"):
        return decision_export(request, notice)
    if request.method == "POST":
        return comment_post(request, notice)
    response = default_serve(request, *args, **kwargs)
    now = timezone.now()
    if notice.is_open_for_comment(now):
        # Not no-store: coming back from an error page, the citizen finds the text still typed.
        keep_form_in_history(response)
    elif notice.status(now) == DecisionStatus.UPCOMING and notice.opens_at:
        # A copy kept by a page cache must not hide the form once the period opens.
        remaining = int((notice.opens_at - now).total_seconds())
        if remaining < OPENING_SOON:
            patch_cache_control(response, no_cache=True)
        else:
            patch_cache_control(response, max_age=remaining - OPENING_SOON)
    return response


def comment_post(request, notice):
    """A citizen's comment: saved once per form token, only while the period is open."""
    now = timezone.now()
    token = parse_token(request.POST.get("submission_token"))
    # Before the captcha: the second request of a double click finds the first one's comment
    # (its captcha key is already used up) and shows the same receipt.
    if token:
        existing = PublicComment.objects.filter(submission_token=token, notice=notice).first()
        if existing is not None:
            return render_decision(request, notice, now=now, receipt=existing)
    if not notice.is_open_for_comment(now):
        return render_decision(
            request,
            notice,
            now=now,
            status=403,
            refusal=services.refusal_message(notice, now),
            kept_text=normalise_text(request.POST.get("text", ""))[:5000],
        )
    form = PublicCommentForm(request.POST)
    ip = client_ip(request)
    too_many = _(
        "提交过于频繁：同一网络每小时最多提交 %(limit)s 条意见。您填写的内容仍保留在下方，"
        "请稍后再提交，或拨打 12345 反映。"
    ) % {"limit": COMMENT_RATE_LIMIT}
    if is_limited(COMMENT_RATE_SCOPE, ip, limit=COMMENT_RATE_LIMIT, window=COMMENT_RATE_WINDOW):
        return render_decision(
            request, notice, now=now, status=429, form=_kept(form), refusal=too_many
        )
    if not form.is_valid():
        if token:
            # The first request of a double click may have committed meanwhile.
            existing = PublicComment.objects.filter(submission_token=token, notice=notice).first()
            if existing is not None:
                return render_decision(request, notice, now=now, receipt=existing)
        # Rendering the bound form shows its errors; the captcha widget renders a new challenge.
        return render_decision(request, notice, now=now, form=form)
    if not hit(COMMENT_RATE_SCOPE, ip, limit=COMMENT_RATE_LIMIT, window=COMMENT_RATE_WINDOW):
        return render_decision(
            request, notice, now=now, status=429, form=_kept(form), refusal=too_many
        )
    data = form.cleaned_data
    try:
        comment, _created = services.comment_submit(
            notice=notice,
            text=data["text"],
            name=data["name"],
            contact=data["contact"],
            sector=data["sector"],
            token=data["submission_token"],
            now=now,
        )
    except services.CommentRefused as refusal:
        return render_decision(
            request,
            notice,
            now=now,
            status=403,
            refusal=refusal.message,
            kept_text=data["text"],
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, message)
        return render_decision(request, notice, now=now, form=form)
    return render_decision(request, notice, now=now, receipt=comment)


def _kept(form):
    """An unvalidated copy of the form holding the visitor's words (with a new captcha when
    rendered), for a post refused before or after validation."""
    data = form.data
    token = parse_token(data.get("submission_token")) or uuid.uuid4()
    return PublicCommentForm(
        initial={
            "text": data.get("text", ""),
            "sector": data.get("sector", ""),
            "name": data.get("name", ""),
            "contact": data.get("contact", ""),
            "submission_token": str(token),
        }
    )


# -- downloads ------------------------------------------------------------------------------------

INDEX_COLUMNS = [
    ("index_number", "索引号"),
    ("title", "决策事项"),
    ("department", "发布机构"),
    ("status_label", "状态"),
    ("opens_at", "征求意见开始时间"),
    ("closes_at", "征求意见截止时间"),
    ("comment_count", "收到意见（条）"),
    ("date_published", "发布日期"),
    ("url", "链接"),
]
DIRECTORY_COLUMNS = [
    ("number", "序号"),
    ("title", "决策事项名称"),
    ("department", "承办单位"),
    ("basis", "决策依据"),
    ("planned_time", "计划完成时间"),
    ("hearing", "拟举行听证"),
    ("status_label", "进展"),
    ("notes", "备注"),
]
REPORT_COLUMNS = [
    ("receipt_number", "回执编号"),
    ("submitted_on", "提交日期"),
    ("sector", "界别"),
    ("text", "意见内容（已隐去个人信息）"),
    ("outcome_label", "处理结果"),
    ("reason", "理由"),
]


def _format(request, allowed):
    fmt = request.GET.get("format")
    if fmt not in allowed:
        raise Http404(_("不支持的格式"))
    return fmt


def _when(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def index_export(request, index_page):
    """The filtered notices as ?format=csv, json or atom; the directory with &table=directory."""
    fmt = _format(request, ("csv", "json", "atom"))
    now = timezone.now()
    stamp = timezone.localdate(now).strftime("%Y%m%d")
    filters = selectors.parse_index_filters(request.GET)
    if request.GET.get("table") == "directory" and fmt != "atom":
        year = filters.get("year") or timezone.localdate(now).year
        table = selectors.directory(index_page, year, now)
        rows = [
            {**row, "hearing": "是" if row["hearing_planned"] else "否"} for row in table["rows"]
        ]
        if fmt == "json":
            return json_response(
                f"decision-directory-{year}",
                {
                    "year": year,
                    "count": len(rows),
                    "results": [{key: row[key] for key, _l in DIRECTORY_COLUMNS} for row in rows],
                },
            )
        return csv_response(
            f"{year}年度重大行政决策事项目录",
            [label for _k, label in DIRECTORY_COLUMNS],
            ([row[key] for key, _l in DIRECTORY_COLUMNS] for row in rows),
        )
    items = selectors.decision_items(index_page, filters, now)
    if fmt == "atom":
        rows = selectors.decision_rows(
            items.order_by("-first_published_at", "-pk")[:FEED_LIMIT], request
        )
        return atom_response(
            title=index_page.title,
            link=index_page.get_full_url(request),
            description=index_page.summary or index_page.title,
            feed_url=absolute_url(request.get_full_path(), request),
            items=[
                {
                    "title": f"【{row['status_label']}】{row['title']}",
                    "link": row["url"],
                    "description": _feed_description(row),
                    "pubdate": row["first_published_at"],
                    "updateddate": row["last_published_at"],
                    "unique_id": row["url"],
                    "categories": [row["status_label"], row["department"]],
                }
                for row in rows
            ],
        )
    rows = selectors.decision_rows(items[:EXPORT_LIMIT], request)
    for row in rows:
        row["opens_at"], row["closes_at"] = _when(row["opens_at"]), _when(row["closes_at"])
    if fmt == "json":
        return json_response(
            f"decisions-{stamp}",
            {
                "count": len(rows),
                "results": [
                    {"status": row["status"], **{key: row[key] for key, _l in INDEX_COLUMNS}}
                    for row in rows
                ],
            },
        )
    return csv_response(
        f"重大决策-{stamp}",
        [label for _k, label in INDEX_COLUMNS],
        ([row[key] for key, _l in INDEX_COLUMNS] for row in rows),
    )


def _feed_description(row):
    period = ""
    if row["opens_at"] and row["closes_at"]:
        period = f" · 征求意见：{_when(row['opens_at'])} 至 {_when(row['closes_at'])}"
    return f"{row['department']} · {row['status_label']}{period}"


def decision_export(request, notice):
    """One notice as ?format=json; its adoption report as ?format=csv once consultation ended."""
    fmt = _format(request, ("json", "csv"))
    if fmt == "json":
        return json_response(f"decision-{notice.pk}", selectors.decision_payload(notice, request))
    if not notice.consultation_ended():
        raise Http404(_("征求意见结束后公布意见采纳情况。"))
    report = selectors.adoption_report(notice)
    return csv_response(
        f"{notice.title}-意见采纳情况",
        [label for _k, label in REPORT_COLUMNS],
        ([item[key] for key, _l in REPORT_COLUMNS] for item in report["comments"]),
    )

"""Admin wiring of the decisions app: 征求意见管理 (moderate and answer public comments, filtered
by notice, status and outcome, exported as CSV) and the history-log actions of the services."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic.models import DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.coreutils import multigetattr

from portal.exports import csv_response, safe_cell
from portal.models import user_department

from . import services
from .forms import CommentModerationForm
from .models import MajorDecisionPage, ModerationStatus, PublicComment, ResponseOutcome

UNANSWERED = "none"


def scoped_comments(user, queryset):
    """A department's staff see the comments on their department's notices; superusers and
    county-level staff (no department) see all."""
    if getattr(user, "is_superuser", False):
        return queryset
    department = user_department(user)
    if department is None:
        return queryset
    return queryset.filter(notice__issuing_department=department)


class CommentFilterSet(WagtailFilterSet):
    notice = django_filters.ModelChoiceFilter(
        label=_("决策事项"), queryset=MajorDecisionPage.objects.none()
    )
    status = django_filters.ChoiceFilter(label=_("审核状态"), choices=ModerationStatus.choices)
    outcome = django_filters.ChoiceFilter(
        label=_("处理结果"),
        choices=[(UNANSWERED, _("未答复")), *ResponseOutcome.choices],
        method="filter_outcome",
    )

    class Meta:
        model = PublicComment
        fields = ["notice", "status", "outcome"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        notices = MajorDecisionPage.objects.order_by("-opens_at", "-pk")
        user = getattr(self.request, "user", None)
        department = None if getattr(user, "is_superuser", False) else user_department(user)
        if department is not None:
            notices = notices.filter(issuing_department=department)
        self.filters["notice"].queryset = notices

    def filter_outcome(self, queryset, name, value):
        return queryset.filter(outcome="" if value == UNANSWERED else value)


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("notice")
        return scoped_comments(self.request.user, queryset)

    def write_csv_response(self, queryset):
        """CSV that Excel opens (BOM) and that cannot run formulas, via portal.exports."""
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (
            [_cell(multigetattr(item, field)) for field in self.list_export] for item in queryset
        )
        return csv_response(f"{self.get_filename()}-{timezone.localdate():%Y%m%d}", headings, rows)

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # Wagtail stores a would-be formula as text; the quote also keeps it text after an
        # editor retypes the cell in Excel.
        safe = {
            key: safe_cell(value) if isinstance(value, str) else value
            for key, value in row_dict.items()
        }
        return super().generate_xlsx_row(worksheet, safe, date_format)


def _cell(value):
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return "" if value is None else str(value)


class CommentEditView(EditView):
    """Saves through the services, so moderation and responses follow the same rules and leave
    the same history whether they come from here or elsewhere."""

    def get_queryset(self):
        return scoped_comments(self.request.user, PublicComment.objects.select_related("notice"))

    def save_instance(self):
        data = self.form.cleaned_data
        stored = PublicComment.objects.get(pk=self.object.pk)
        user = self.request.user
        moderation = (data["status"], data["rejection_reason"], data["published_text"])
        if moderation != (stored.status, stored.rejection_reason, stored.published_text):
            services.comment_moderate(
                comment=stored,
                status=data["status"],
                reason=data["rejection_reason"],
                published_text=data["published_text"],
                user=user,
            )
        response = (data["outcome"], data["response_reason"], data["changed_passage"])
        if response != (stored.outcome, stored.response_reason, stored.changed_passage):
            services.comment_respond(
                comment=stored,
                outcome=data["outcome"],
                reason=data["response_reason"],
                changed_passage=data["changed_passage"],
                user=user,
            )
        return PublicComment.objects.get(pk=stored.pk)


class CommentDeleteView(DeleteView):
    def get_queryset(self):
        return scoped_comments(self.request.user, PublicComment.objects.all())


class PublicCommentViewSet(ModelViewSet):
    model = PublicComment
    name = "decision_comments"
    icon = "comment"
    menu_label = _("征求意见管理")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    delete_view_class = CommentDeleteView
    # Comments come from the public form only; the admin moderates and answers them.
    copy_view_enabled = False
    list_display = [
        "receipt_number",
        "notice",
        "submitted_at",
        "sector",
        "status",
        "outcome",
    ]
    filterset_class = CommentFilterSet
    search_fields = ["receipt_number", "text"]
    ordering = ["-submitted_at"]
    list_per_page = 50
    # Exports never carry the name or the contact, and the text is de-identified.
    list_export = [
        "receipt_number",
        "notice_title",
        "submitted_at",
        "sector_label",
        "status_label",
        "rejection_reason",
        "export_text",
        "outcome_label",
        "response_reason",
        "changed_passage",
    ]
    export_headings = {
        "receipt_number": _("回执编号"),
        "notice_title": _("决策事项"),
        "submitted_at": _("提交时间"),
        "sector_label": _("界别"),
        "status_label": _("审核状态"),
        "rejection_reason": _("不予公开理由"),
        "export_text": _("意见内容（已隐去个人信息）"),
        "outcome_label": _("处理结果"),
        "response_reason": _("答复理由"),
        "changed_passage": _("对应的修改内容"),
    }
    export_filename = "征求意见"

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("receipt_number", read_only=True),
                    FieldPanel("notice", read_only=True),
                    FieldPanel("submitted_at", read_only=True),
                    FieldPanel("sector", read_only=True),
                    FieldPanel("text", read_only=True),
                    FieldPanel("name", read_only=True),
                    FieldPanel("contact", read_only=True),
                ],
                heading=_("意见原文"),
                help_text=_("姓名和联系方式仅供工作人员联系提交人，不得公开或导出。"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("rejection_reason"),
                    FieldPanel("published_text"),
                ],
                heading=_("审核"),
            ),
            MultiFieldPanel(
                [
                    HelpPanel(
                        content=_(
                            "每条意见都应答复：采纳、部分采纳、不采纳或不适用，并说明理由。"
                            "征求意见截止后，已公开意见的答复在公示页面“意见采纳情况”中公布。"
                        )
                    ),
                    FieldPanel("outcome"),
                    FieldPanel("response_reason"),
                    FieldPanel("changed_passage"),
                ],
                heading=_("答复"),
            ),
        ],
        base_form_class=CommentModerationForm,
    )

    def get_common_view_kwargs(self, **kwargs):
        # No add view: the add button and its URL name are dropped everywhere.
        return {**super().get_common_view_kwargs(**kwargs), "add_url_name": None}

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return PublicCommentViewSet()


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action("decisions.comment.submit", _("提交意见"), _("公众通过网站提交了意见"))
    actions.register_action("decisions.comment.moderate", _("审核意见"), _("审核了意见"))
    actions.register_action("decisions.comment.respond", _("答复意见"), _("答复了意见"))
    actions.register_action(
        "decisions.comment.purge", _("清除个人信息"), _("保存期满，清除了意见人的个人信息")
    )

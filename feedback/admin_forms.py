"""Admin forms of symposium views, inspection findings, accountability cases and the bulletin
draft. They validate input; every save goes through a service."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from disclosure.models import AccountabilityTrigger, PowerItemPage
from portal.models import Department

from .forms import DepartmentChoiceField, multi_line, reason_field, single_line
from .models import (
    AccountabilityCase,
    Complaint,
    InspectionFinding,
    Outcome,
    Status,
    SymposiumPage,
    SymposiumView,
)


class DepartmentsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class TextCleaningMixin:
    """Strip control characters from every text field, as the public forms do."""

    single_line_fields = ()

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = (
                    single_line(value) if name in self.single_line_fields else multi_line(value)
                )
        return cleaned


# --- symposium views ----------------------------------------------------------------------


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.period} · {obj.title}（{obj.date:%Y-%m-%d}）"


class SymposiumViewForm(TextCleaningMixin, WagtailAdminModelForm):
    """The minutes-taker's form: one view as raised at the session."""

    single_line_fields = ("raised_by",)

    session = SessionChoiceField(
        label=_("座谈会"),
        queryset=SymposiumPage.objects.none(),
        error_messages={"required": _("请选择座谈会。")},
    )
    concerned_departments = DepartmentsField(
        label=_("涉及部门"),
        queryset=Department.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    handling_department = DepartmentChoiceField(
        label=_("承办部门"),
        queryset=Department.objects.all(),
        required=False,
        help_text=_("选择后即交办，答复期限从今天起按工作日计算；也可以录入后再交办。"),
    )

    class Meta:
        model = SymposiumView
        fields = [
            "session",
            "text",
            "sector",
            "raised_by",
            "topic",
            "concerned_departments",
            "handling_department",
            "reply_days",
            "published",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sessions = SymposiumPage.objects.filter(date__lte=timezone.localdate()).order_by("-date")
        self.fields["session"].queryset = sessions
        if self.instance.pk:
            # Assignment, publication and the session are actions of their own once recorded.
            for name in ("session", "handling_department", "published"):
                del self.fields[name]
            if self.instance.assigned_at is not None:
                self.fields["reply_days"].disabled = True
                self.fields["reply_days"].help_text = _("意见已交办，答复时限不能再修改。")


class ViewActionForm(TextCleaningMixin, forms.Form):
    """Base of the actions on a view: bound to the view they act on."""

    def __init__(self, *args, instance, **kwargs):
        self.instance = instance
        super().__init__(*args, **kwargs)


class ViewAssignForm(ViewActionForm):
    department = DepartmentChoiceField(
        label=_("承办部门"),
        queryset=Department.objects.all(),
        error_messages={"required": _("请选择承办部门。")},
    )
    reason = reason_field(
        _("改派理由"), required=False, help_text=_("改派给其他部门时必须说明理由。")
    )

    def clean(self):
        cleaned = super().clean()
        department, current = cleaned.get("department"), self.instance.handling_department
        if department is not None and current is not None:
            if department == current:
                self.add_error("department", _("新承办部门与当前承办部门相同。"))
            elif not cleaned.get("reason"):
                self.add_error("reason", _("改派给其他部门时，请说明理由。"))
        return cleaned


class ViewStartForm(ViewActionForm):
    note = reason_field(_("办理说明"), required=False)


class ViewReplyForm(ViewActionForm):
    reply = reason_field(
        _("答复内容"),
        min_length=10,
        max_length=5000,
        help_text=_("公开的意见，答复会隐去个人信息后显示在座谈会页面。"),
    )

    def __init__(self, *args, instance, **kwargs):
        super().__init__(*args, instance=instance, **kwargs)
        self.fields["reply"].initial = instance.reply


class ViewAdoptForm(ViewReplyForm):
    def __init__(self, *args, instance, **kwargs):
        super().__init__(*args, instance=instance, **kwargs)
        self.fields["reply"].label = _("采纳情况和具体措施")


class ViewReferForm(ViewActionForm):
    reason = reason_field(_("转问责审查的理由"))


class ConfirmForm(ViewActionForm):
    """An action without input (publish, unpublish)."""


# --- inspection findings ------------------------------------------------------------------


class InspectionFindingForm(TextCleaningMixin, WagtailAdminModelForm):
    single_line_fields = ("post",)

    department = DepartmentChoiceField(
        label=_("被检查部门"),
        queryset=Department.objects.all(),
        error_messages={"required": _("请选择被检查部门。")},
    )

    class Meta:
        model = InspectionFinding
        fields = [
            "inspected_on",
            "department",
            "post",
            "mode",
            "category",
            "problem",
            "rectification",
            "rectification_deadline",
        ]
        widgets = {
            "inspected_on": AdminDateInput,
            "rectification_deadline": AdminDateInput,
            "problem": forms.Textarea(attrs={"rows": 5}),
            "rectification": forms.Textarea(attrs={"rows": 3}),
        }


class FindingRectifyForm(ViewActionForm):
    rectified_on = forms.DateField(
        label=_("整改完成日期"),
        widget=AdminDateInput,
        error_messages={"required": _("请填写整改完成日期。"), "invalid": _("日期格式不正确。")},
    )
    report = reason_field(_("整改情况"), max_length=3000)


class FindingReferForm(ViewActionForm):
    reason = reason_field(_("转问责审查的理由"))


# --- accountability cases -----------------------------------------------------------------


class ComplaintSourcesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        department = obj.responsible_department
        return (
            f"{obj.tracking_number} {obj.subject}（{department.name if department else '未转办'}）"
        )


class ViewSourcesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        department = obj.handling_department
        text = obj.text if len(obj.text) <= 40 else obj.text[:39] + "…"
        return f"{obj}：{text}（{department.name if department else '未交办'}）"


class FindingSourcesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj}：{obj.get_category_display()}"


class AccountabilityCaseForm(TextCleaningMixin, WagtailAdminModelForm):
    """Opening (or correcting) a case: the particulars and the referred sources it examines."""

    single_line_fields = ("person_name", "person_post")

    department = DepartmentChoiceField(
        label=_("被审查部门"),
        queryset=Department.objects.all(),
        error_messages={"required": _("请选择被审查部门。")},
    )
    complaints = ComplaintSourcesField(
        label=_("转入的投诉"),
        queryset=Complaint.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("县效能督查转入问责审查的投诉。"),
    )
    views = ViewSourcesField(
        label=_("转入的座谈会意见"),
        queryset=SymposiumView.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    findings = FindingSourcesField(
        label=_("转入的明查暗访问题"),
        queryset=InspectionFinding.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = AccountabilityCase
        fields = [
            "department",
            "post_level",
            "person_name",
            "person_post",
            "ground",
            "allegation",
            "opened_on",
            "power_item",
            "power_trigger",
        ]
        widgets = {"opened_on": AdminDateInput, "allegation": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        case = self.instance if self.instance.pk else None
        complaints = Complaint.objects.filter(status=Status.REFERRED)
        views = SymposiumView.objects.awaiting_review()
        findings = InspectionFinding.objects.awaiting_review()
        if case is not None:
            links = list(case.sources.all())
            complaints = complaints | Complaint.objects.filter(
                pk__in=[link.complaint_id for link in links if link.complaint_id]
            )
            views = views | SymposiumView.objects.filter(
                pk__in=[link.view_id for link in links if link.view_id]
            )
            findings = findings | InspectionFinding.objects.filter(
                pk__in=[link.finding_id for link in links if link.finding_id]
            )
            self.initial.update(
                complaints=[link.complaint_id for link in links if link.complaint_id],
                views=[link.view_id for link in links if link.view_id],
                findings=[link.finding_id for link in links if link.finding_id],
            )
        else:
            self.initial.setdefault("opened_on", timezone.localdate())
        self.fields["complaints"].queryset = complaints.distinct().select_related(
            "department", "handling_department"
        )
        self.fields["views"].queryset = views.distinct().select_related(
            "session", "handling_department"
        )
        self.fields["findings"].queryset = findings.distinct().select_related("department")
        self.fields["power_item"].queryset = PowerItemPage.objects.order_by("code")
        self.fields["power_item"].label_from_instance = lambda item: f"{item.code} {item.title}"
        self.fields["power_trigger"].queryset = AccountabilityTrigger.objects.select_related(
            "page"
        ).order_by("page__code", "sort_order", "pk")
        self.fields["power_trigger"].label_from_instance = lambda trigger: (
            f"{trigger.page.code}：{trigger}"
        )

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("complaints") or cleaned.get("views") or cleaned.get("findings")):
            raise forms.ValidationError(
                _("请至少选择一条问题线索：转入问责审查的投诉、座谈会意见或明查暗访问题。")
            )
        return cleaned


class CaseDecideForm(ViewActionForm):
    outcome = forms.ChoiceField(
        label=_("问责方式"),
        choices=[("", "---------"), *Outcome.choices],
        error_messages={"required": _("请选择问责方式。")},
    )
    findings = reason_field(_("审查认定的事实"), min_length=10, max_length=5000)
    decided_on = forms.DateField(
        label=_("决定日期"),
        widget=AdminDateInput,
        error_messages={"required": _("请填写决定日期。"), "invalid": _("日期格式不正确。")},
    )
    veto = forms.BooleanField(
        label=_("一票否决"),
        required=False,
        help_text=_("因效能问题对工作造成严重影响的，当年评优评先、晋职晋级一票否决。"),
    )
    veto_reason = forms.CharField(
        label=_("一票否决原因"),
        required=False,
        max_length=300,
        help_text=_("会写入月通报，不写当事人姓名。"),
    )

    def __init__(self, *args, instance, **kwargs):
        super().__init__(*args, instance=instance, **kwargs)
        self.fields["decided_on"].initial = timezone.localdate()
        self.fields["findings"].initial = instance.findings

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("veto"):
            if not cleaned.get("veto_reason"):
                self.add_error("veto_reason", _("一票否决须写明原因。"))
            if cleaned.get("outcome") == Outcome.NONE:
                self.add_error("veto", _("不予问责的案件不能一票否决。"))
        return cleaned


# --- the monthly bulletin -----------------------------------------------------------------


class BulletinDraftForm(forms.Form):
    month = forms.CharField(
        label=_("通报月份"),
        max_length=10,
        widget=forms.TextInput(attrs={"type": "month"}),
        help_text=_("例如 2026-11。已有该月通报的，在其最新版本上重新汇总。"),
        error_messages={"required": _("请选择通报月份。")},
    )

    def clean_month(self):
        from .services import BulletinDraftRefused, parse_month

        try:
            return parse_month(self.cleaned_data["month"])
        except BulletinDraftRefused as refused:
            raise forms.ValidationError(refused.messages[0]) from None

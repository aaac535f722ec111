"""The handlers' action forms, one per step; each names the service it calls."""

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.forms import DepartmentChoiceField, MultipleFileField
from feedback.uploads import clean_upload
from portal.models import Department

from . import services
from .models import MAX_EXTENSION_WORKING_DAYS, Action, AppealKind, AppealResult, Outcome, Reason


class ActionForm(forms.Form):
    def __init__(self, *args, disclosure_request=None, **kwargs):
        self.disclosure_request = disclosure_request
        super().__init__(*args, **kwargs)


class ReceiveForm(ActionForm):
    def call(self, req, user):
        return services.request_confirm_receipt(request=req, actor=user)


class TransferForm(ActionForm):
    department = DepartmentChoiceField(label=_("转至机关"), queryset=Department.objects.all())
    reason = forms.CharField(label=_("转办理由"), widget=forms.Textarea(attrs={"rows": 2}))

    def call(self, req, user):
        return services.request_transfer(request=req, actor=user, **self.cleaned_data)


class CorrectionForm(ActionForm):
    items = forms.CharField(
        label=_("需要补正的事项"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("一次性逐项列明；补正只能告知一次，须在收到申请之日起 7 个工作日内作出。"),
    )

    def call(self, req, user):
        return services.request_ask_correction(request=req, actor=user, **self.cleaned_data)


class NoteForm(ActionForm):
    note = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CorrectedForm(NoteForm):
    def call(self, req, user):
        return services.request_receive_correction(request=req, actor=user, **self.cleaned_data)


class ConsultForm(ActionForm):
    third_party = forms.CharField(label=_("征求意见的第三方"), max_length=100)

    def call(self, req, user):
        return services.request_consult_third_party(request=req, actor=user, **self.cleaned_data)


class ConsultedForm(NoteForm):
    def call(self, req, user):
        return services.request_third_party_answered(request=req, actor=user, **self.cleaned_data)


class ExtendForm(ActionForm):
    days = forms.IntegerField(
        label=_("延长工作日数"), min_value=1, max_value=MAX_EXTENSION_WORKING_DAYS
    )
    approved_by = forms.CharField(label=_("批准的机构负责人"), max_length=50)
    reason = forms.CharField(
        label=_("延期理由（告知申请人）"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def call(self, req, user):
        return services.request_extend(request=req, actor=user, **self.cleaned_data)


class FeeNoticeForm(ActionForm):
    amount = forms.DecimalField(label=_("信息处理费（元）"), min_value=0, decimal_places=2)
    note = forms.CharField(label=_("计费说明"), required=False, max_length=200)

    def call(self, req, user):
        return services.request_fee_notice(request=req, actor=user, **self.cleaned_data)


class FeePaidForm(ActionForm):
    def call(self, req, user):
        return services.request_fee_paid(request=req, actor=user)


class ReplyForm(ActionForm):
    outcome = forms.ChoiceField(label=_("答复类型"), choices=Outcome.choices)
    reason = forms.ChoiceField(
        label=_("具体情形"),
        choices=[("", _("（予以公开、部分公开不选）")), *Reason.choices],
        required=False,
    )
    text = forms.CharField(
        label=_("答复内容"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    documents = MultipleFileField(label=_("答复文件"), required=False)

    def clean_documents(self):
        return [clean_upload(item) for item in self.cleaned_data.get("documents") or []]

    def call(self, req, user):
        return services.request_reply(request=req, actor=user, **self.cleaned_data)


class AppealForm(ActionForm):
    kind = forms.ChoiceField(label=_("类型"), choices=AppealKind.choices)
    filed_on = forms.DateField(label=_("提起日期"), widget=forms.DateInput(attrs={"type": "date"}))
    result = forms.ChoiceField(label=_("结果"), choices=AppealResult.choices)
    decided_on = forms.DateField(
        label=_("审结日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def call(self, req, user):
        return services.appeal_record(request=req, **self.cleaned_data)


# name → (action whose state rule applies, form, message on success)
ACTIONS = {
    "receive": (Action.RECEIVE, ReceiveForm, _("已确认收到，答复期限开始计算。")),
    "transfer": (Action.TRANSFER, TransferForm, _("已转办。")),
    "correction": (Action.REQUEST_CORRECTION, CorrectionForm, _("已告知补正，计时暂停。")),
    "corrected": (Action.CORRECT, CorrectedForm, _("已收到补正，答复期限重新计算。")),
    "consult": (Action.CONSULT, ConsultForm, _("已征求第三方意见，期间不计入答复期限。")),
    "consulted": (Action.CONSULTED, ConsultedForm, _("第三方意见已返回，继续计时。")),
    "extend": (Action.EXTEND, ExtendForm, _("答复期限已延长。")),
    "fee_notice": (Action.FEE_NOTICE, FeeNoticeForm, _("已发出收费通知。")),
    "fee_paid": (Action.FEE_PAID, FeePaidForm, _("已登记缴费，继续计时。")),
    "reply": (Action.REPLY, ReplyForm, _("已答复，申请办结。")),
    "appeal": (None, AppealForm, _("已登记行政复议或行政诉讼。")),
}

"""Forms of the decisions app: the public comment form, the notice's admin form and the admin
form that moderates and answers a comment."""

import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from disclosure.forms import DisclosurePageForm
from portal.captcha import PortalCaptchaField
from portal.deidentify import deidentify
from portal.inputs import PublicTextMixin

# The models import this module (the notice's admin form, the text rules), so the forms import
# the models lazily, inside the methods that need them.
TEXT_MIN_LENGTH = 10
TEXT_MAX_LENGTH = 2000
PHONE = re.compile(r"^[0-9+\-() ]{5,30}$")
HONEYPOT_MESSAGE = _(
    "提交未成功：表单中供识别自动程序的隐藏栏目被填写了。"
    "如果您使用了自动填表工具，请关闭后重新填写提交；也可拨打 12345 反映意见。"
)


def normalise_text(value):
    """Line breaks as a browser counts them (one character each), without outer blanks."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def text_length_error(text):
    """The Chinese message for a comment text outside 10–2000 characters, or None."""
    length = len(text)
    if length < TEXT_MIN_LENGTH:
        return _("意见内容至少 %(min)s 个字，您填写了 %(count)s 个字。") % {
            "min": TEXT_MIN_LENGTH,
            "count": length,
        }
    if length > TEXT_MAX_LENGTH:
        return _("意见内容最多 %(max)s 个字，您填写了 %(count)s 个字，请精简后再提交。") % {
            "max": TEXT_MAX_LENGTH,
            "count": length,
        }
    return None


def parse_token(value):
    """The submission token of a form post as a UUID, or None when absent or malformed."""
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


class PublicCommentForm(PublicTextMixin, forms.Form):
    """A citizen's comment on a draft decision: text, optional name, contact and sector."""

    text = forms.CharField(
        label=_("意见内容"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": TEXT_MAX_LENGTH}),
        error_messages={"required": _("请填写意见内容。")},
        help_text=_(
            "请写明针对哪一条、哪一处的意见和理由，10 至 2000 字。"
            "意见经审核后公开，公开前会隐去姓名、电话、证件号、住址等个人信息。"
        ),
    )
    sector = forms.ChoiceField(
        label=_("所属界别（选填）"), required=False, help_text=_("将随意见一并公开。")
    )
    name = forms.CharField(
        label=_("姓名（选填，不公开）"),
        required=False,
        max_length=50,
        error_messages={"max_length": _("姓名最多 50 个字。")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact = forms.CharField(
        label=_("联系方式（选填，不公开）"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("联系方式最多 100 个字符。")},
        widget=forms.TextInput(attrs={"autocomplete": "tel"}),
        help_text=_("手机号、固定电话或电子邮箱，仅供工作人员必要时与您联系。"),
    )
    captcha = PortalCaptchaField()
    # A field people never see: automated form fillers complete it, people leave it empty.
    website = forms.CharField(
        label=_("网址（请勿填写此项）"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    submission_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        from .models import Sector

        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("不选择")), *Sector.choices]
        self.fields["sector"].error_messages["invalid_choice"] = _("请从列表中选择界别。")

    def full_clean(self):
        super().full_clean()
        # Screen readers announce a field's error with the field: point aria-describedby at it.
        for name in self.errors:
            # The captcha widget describes its answer box with its own instructions.
            if name in self.fields and name != "captcha":
                field = self.fields[name]
                ids = [f"id_{name}_error"]
                if field.help_text:
                    ids.insert(0, f"id_{name}_helptext")
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def clean_text(self):
        text = normalise_text(self.cleaned_data.get("text"))
        if not text:
            raise ValidationError(_("请填写意见内容。"), code="required")
        error = text_length_error(text)
        if error:
            raise ValidationError(error, code="length")
        return text

    def clean_name(self):
        return " ".join(self.cleaned_data.get("name", "").split())

    def clean_contact(self):
        contact = self.cleaned_data.get("contact", "").strip()
        if not contact:
            return ""
        if "@" in contact:
            try:
                validate_email(contact)
            except ValidationError:
                raise ValidationError(_("请填写有效的电子邮箱，或改填电话号码。")) from None
        elif not PHONE.match(contact):
            raise ValidationError(_("请填写有效的电话号码（数字、空格和 + - ( )）或电子邮箱。"))
        return contact

    def clean_submission_token(self):
        return parse_token(self.cleaned_data.get("submission_token"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        return cleaned


class MajorDecisionPageForm(DisclosurePageForm):
    """The notice's admin form: rules across the page and its records (a decision only after
    the consultation, tracking and evaluation only after a decision)."""

    def _rows(self, name):
        """(instance, form) of the formset's kept rows, or None while the formset is invalid."""
        formset = self.formsets.get(name)
        if formset is None:
            return []
        if not formset.is_valid():
            return None
        return [
            (form.instance, form)
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def _post_clean(self):
        super()._post_clean()
        steps, updates = self._rows("steps"), self._rows("tracking_updates")
        if steps is None or updates is None:
            return
        forms_by_row = {id(row): form for row, form in [*steps, *updates]}
        page_errors, row_errors = self.instance.record_errors(
            [row for row, _form in steps], [row for row, _form in updates]
        )
        for field, messages in page_errors.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        for row, field, message in row_errors:
            forms_by_row[id(row)].add_error(field, message)
        if row_errors and not page_errors:
            self.add_error(None, _("法定程序或跟踪督查记录有误，请查看标红的记录。"))
        from .models import ADOPTING_OUTCOMES, StepKind
        from .models.decision import has_text

        decided = any(
            row.kind == StepKind.COLLECTIVE_DECISION and row.outcome in ADOPTING_OUTCOMES
            for row, _form in steps
        )
        if decided and self.is_publishing() and not has_text(self.instance.final_text):
            self.add_error(
                "final_text", _("已记录集体讨论决定通过，发布或提交审核前须填写决策文本。")
            )


class CommentModerationForm(WagtailAdminModelForm):
    """The admin's form for one comment: moderation and the response. The passage a response
    points at is chosen from the notice's current 修改对照."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "changed_passage" in self.fields:
            notice = self.instance.notice if self.instance.notice_id else None
            choices = [("", _("（不关联）"))]
            if notice is not None:
                choices += [
                    (change.passage, f"修改 {change.number}：{change.summary}")
                    for change in notice.changes
                ]
            current = self.instance.changed_passage
            if current and current not in dict(choices):
                choices.append(
                    (current, _("（已不在修改对照中）%(text)s") % {"text": current[:60]})
                )
            self.fields["changed_passage"] = forms.ChoiceField(
                label=_("对应的修改内容"),
                choices=choices,
                required=False,
                help_text=_("采纳或部分采纳时，可选择决策文本中据此修改的段落。"),
            )

    def clean(self):
        cleaned = super().clean()
        from .models import ModerationStatus

        # Published without an edited text: the original, de-identified, is what the public sees.
        if (
            cleaned.get("status") == ModerationStatus.PUBLISHED
            and not (cleaned.get("published_text") or "").strip()
        ):
            cleaned["published_text"] = deidentify(self.instance.text, names=[self.instance.name])
        return cleaned

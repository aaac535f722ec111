"""Forms: the public complaint form, the status look-up and rating, and the handlers' actions.
Every message is Chinese; nothing typed is interpreted as HTML anywhere."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from disclosure.models import FeeItem, ServiceProcedurePage
from portal.captcha import PortalCaptchaField
from portal.inputs import PublicTextMixin, parse_id
from portal.models import Department

from .codes import normalize_query_code, normalize_tracking_number
from .models import MAX_EXTENSION_WORKING_DAYS, Category, Rating
from .uploads import MAX_ATTACHMENTS, clean_upload

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
AREA_CODE_RE = re.compile(r"^0(?:1\d|2\d|[3-9]\d{2})$")
# Letters of any script, the middle dot of minority and foreign names, spaces.
NAME_RE = re.compile(r"^[^\W\d_]+(?:[ ·•.][^\W\d_]+)*$")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def required(message):
    return {"required": message}


def single_line(value):
    """Collapse line breaks and control characters a crafted POST can put into a one-line
    field (they would break e-mail subjects and CSV rows)."""
    return " ".join(CONTROL_CHARS.sub("", value).split())


def multi_line(value):
    return CONTROL_CHARS.sub("", value).replace("\r\n", "\n").strip()


def normalize_phone(value):
    """'138 1234 5678' / '+86-13812345678' → '13812345678'; '0571 8601 2345' →
    '0571-86012345'; '010-12345678-801' keeps its extension; None when it is neither a mainland
    mobile nor a landline number."""
    value = value.strip()
    for prefix in ("+86", "0086", "86-", "86 "):
        if value.startswith(prefix) and len(re.sub(r"\D", "", value)) > 11:
            value = value[len(prefix) :]
            break
    digits = re.sub(r"[\s\-()（）]", "", value)
    if MOBILE_RE.match(digits):
        return digits
    parts = [part for part in re.split(r"[\s\-()（）]+", value) if part]
    if len(parts) >= 2 and AREA_CODE_RE.match(parts[0]):
        # Written with separators: area code, number (maybe in two groups), extension.
        area, rest = parts[0], parts[1:]
        number = rest[0]
        if len(rest) >= 2 and len(rest[0]) + len(rest[1]) in (7, 8):
            number, rest = rest[0] + rest[1], rest[1:]
        extension = rest[1] if len(rest) == 2 else ""
        if (
            len(rest) <= 2
            and re.fullmatch(r"\d{7,8}", number)
            and re.fullmatch(r"\d{0,6}", extension)
        ):
            return f"{area}-{number}" + (f"-{extension}" if extension else "")
        return None
    # Digits only: 010 and 02x are the three-digit area codes, all others have four.
    if re.fullmatch(r"0\d{9,11}", digits):
        length = 3 if digits[1] in "12" else 4
        area, number = digits[:length], digits[length:]
        if 7 <= len(number) <= 8:
            return f"{area}-{number}"
    return None


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one <input type="file" multiple>."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [item for item in files if item]
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("最多上传 %(max)d 个附件，您选择了 %(count)d 个。")
                % {"max": MAX_ATTACHMENTS, "count": len(files)}
            )
        single_clean = super().clean
        return [single_clean(item, initial) for item in files]


def live_procedure(value):
    """The live service procedure with id `value`; None for anything else (no error: a stale
    or edited link must not stop a complaint)."""
    pk = parse_id(value)
    if pk is None:
        return None
    return ServiceProcedurePage.objects.live().filter(pk=pk).first()


def live_fee_item(value):
    """The fee item with id `value` on a live fee schedule; None for anything else."""
    pk = parse_id(value)
    if pk is None:
        return None
    return FeeItem.objects.on_live_schedules().filter(pk=pk).first()


class DepartmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SubmissionFormMixin:
    """What every public submission form with attachments shares: the upload checks, the
    hidden `website` trap for robots, and the input hints of its contact and file fields."""

    # Shown at the top of the form when the trap was filled in; says nothing about the trap.
    trap_message = _("提交未通过校验，请刷新页面后重新填写。")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["attachments"].widget.attrs.update(
            {"accept": ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"}
        )

    def clean_attachments(self):
        uploads, errors = [], []
        for uploaded in self.cleaned_data.get("attachments") or []:
            try:
                uploads.append(clean_upload(uploaded))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return uploads

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise ValidationError(_("提交未通过校验。"))
        return ""

    def clean(self):
        cleaned = super().clean()
        if self.has_error("website"):
            self.errors.pop("website", None)
            self.add_error(None, self.trap_message)
        return cleaned


class ComplaintForm(SubmissionFormMixin, PublicTextMixin, forms.Form):
    """The public complaint form. A hidden one-time token makes a double submit harmless."""

    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)
    # Set from ?procedure= and ?fee= links on 办事指南 and 收费目录 pages.
    procedure = forms.CharField(widget=forms.HiddenInput, required=False)
    fee_item = forms.CharField(widget=forms.HiddenInput, required=False)
    category = forms.ChoiceField(
        label=_("投诉类别"),
        choices=[("", _("请选择投诉类别")), *Category.choices],
        error_messages={
            "required": _("请选择投诉类别。"),
            "invalid_choice": _("请从列表中选择投诉类别。"),
        },
    )
    department = DepartmentChoiceField(
        label=_("被投诉部门"),
        queryset=Department.objects.all(),
        required=False,
        empty_label=_("不清楚（由县效能督查部门转办）"),
        help_text=_("不清楚是哪个部门的，可以不选。"),
        error_messages={"invalid_choice": _("请从列表中选择被投诉部门。")},
    )
    subject = forms.CharField(
        label=_("投诉主题"),
        min_length=4,
        max_length=100,
        help_text=_("一句话概括，4 至 100 字，例如：办理营业执照被多次要求补交材料。"),
        error_messages={
            "required": _("请填写投诉主题。"),
            "min_length": _("投诉主题至少 %(limit_value)d 个字。"),
            "max_length": _("投诉主题不能超过 %(limit_value)d 个字（现在 %(show_value)d 个）。"),
        },
    )
    description = forms.CharField(
        label=_("投诉内容"),
        min_length=20,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("请写明经过、涉及的窗口或人员、您的诉求，20 至 5000 字。"),
        error_messages={
            "required": _("请填写投诉内容。"),
            "min_length": _(
                "投诉内容至少 %(limit_value)d 个字（现在 %(show_value)d 个），请写明经过和诉求。"
            ),
            "max_length": _(
                "投诉内容不能超过 %(limit_value)d 个字（现在 %(show_value)d 个），"
                "较长的材料可以作为附件上传。"
            ),
        },
    )
    occurred_on = forms.DateField(
        label=_("发生日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("例如 2026-11-20；不记得可以不填。"),
        error_messages={"invalid": _("请按“年-月-日”填写发生日期，例如 2026-11-20。")},
    )
    location = forms.CharField(
        label=_("发生地点"),
        required=False,
        max_length=200,
        help_text=_("例如：县政务服务中心二楼 12 号窗口。"),
        error_messages={"max_length": _("发生地点不能超过 %(limit_value)d 个字。")},
    )
    attachments = MultipleFileField(
        label=_("附件"),
        required=False,
        help_text=_(
            "可选，最多 3 个，每个不超过 5 MB，只接受 JPEG、PNG 图片或 PDF 文件。"
            "照片中的拍摄地点等信息会被自动去除。"
        ),
        error_messages={"invalid": _("附件上传失败，请重新选择文件。")},
    )
    is_anonymous = forms.BooleanField(
        label=_("匿名投诉"),
        required=False,
        help_text=_(
            "选择匿名后，系统不保存您的姓名和联系方式，办理结果只能凭投诉编号和查询码在本网站查看。"
        ),
    )
    name = forms.CharField(
        label=_("姓名"),
        required=False,
        max_length=30,
        error_messages={"max_length": _("姓名不能超过 %(limit_value)d 个字。")},
    )
    phone = forms.CharField(
        label=_("联系电话"),
        required=False,
        max_length=30,
        help_text=_("手机号码或带区号的固定电话，例如 13812345678 或 0571-86012345。"),
        error_messages={"max_length": _("联系电话不能超过 %(limit_value)d 位。")},
    )
    email = forms.EmailField(
        label=_("电子邮箱"),
        required=False,
        max_length=254,
        help_text=_("可选。填写后，答复时会发邮件提醒您查看。"),
        error_messages={"invalid": _("请填写有效的电子邮箱地址，例如 name@example.com。")},
    )
    publish_consent = forms.BooleanField(
        label=_("同意在隐去个人信息后公开本投诉及答复"),
        required=False,
        help_text=_("公开时姓名、电话、身份证号、车牌号、邮箱和详细地址都会被隐去。"),
    )
    # A field people never see: bots that fill every input give themselves away.
    website = forms.CharField(label=_("请勿填写此项"), required=False, max_length=200)
    captcha = PortalCaptchaField()

    field_order = [
        "submission_token",
        "procedure",
        "fee_item",
        "category",
        "department",
        "subject",
        "description",
        "occurred_on",
        "location",
        "attachments",
        "is_anonymous",
        "name",
        "phone",
        "email",
        "publish_consent",
        "website",
        "captcha",
    ]

    trap_message = _("提交未通过校验，请刷新页面后重新填写；如仍无法提交，请拨打 12345 热线。")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        source = self.data if self.is_bound else self.initial
        self.linked_procedure = live_procedure(source.get("procedure"))
        self.linked_fee_item = live_fee_item(source.get("fee_item"))

    def clean_procedure(self):
        return live_procedure(self.cleaned_data["procedure"])

    def clean_fee_item(self):
        return live_fee_item(self.cleaned_data["fee_item"])

    def clean_subject(self):
        return single_line(self.cleaned_data["subject"])

    def clean_description(self):
        return multi_line(self.cleaned_data["description"])

    def clean_location(self):
        return single_line(self.cleaned_data["location"])

    def clean_name(self):
        return single_line(self.cleaned_data["name"])

    def clean_occurred_on(self):
        day = self.cleaned_data["occurred_on"]
        if day is None:
            return None
        if day > timezone.localdate():
            raise ValidationError(_("发生日期不能晚于今天。"))
        if day < datetime.date(2000, 1, 1):
            raise ValidationError(_("发生日期不能早于 2000 年。"))
        return day

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_anonymous"):
            # No contact is kept for an anonymous complaint, whatever was typed.
            cleaned["name"] = cleaned["phone"] = cleaned["email"] = ""
            return cleaned
        name = cleaned.get("name", "")
        if "name" in cleaned:
            if not name:
                self.add_error("name", _("请填写姓名，或选择匿名投诉。"))
            elif len(name) < 2 or not NAME_RE.match(name):
                self.add_error("name", _("姓名只能由文字组成，至少 2 个字，例如：张三。"))
        phone = cleaned.get("phone", "")
        if "phone" in cleaned:
            if not phone.strip():
                self.add_error("phone", _("请填写联系电话，或选择匿名投诉。"))
            else:
                normalized = normalize_phone(phone)
                if normalized is None:
                    self.add_error(
                        "phone",
                        _(
                            "请填写有效的手机号码（11 位，以 1 开头）或带区号的固定电话，"
                            "例如 0571-86012345。"
                        ),
                    )
                else:
                    cleaned["phone"] = normalized
        return cleaned

    def submission_kwargs(self):
        """The cleaned values as the keyword arguments of `complaint_submit`."""
        data = self.cleaned_data
        return {
            "category": data["category"],
            "department": data.get("department"),
            "subject": data["subject"],
            "description": data["description"],
            "occurred_on": data.get("occurred_on"),
            "location": data.get("location", ""),
            "attachments": data.get("attachments") or [],
            "is_anonymous": data.get("is_anonymous", False),
            "name": data.get("name", ""),
            "phone": data.get("phone", ""),
            "email": data.get("email", ""),
            "publish_consent": data.get("publish_consent", False),
            "procedure": data.get("procedure"),
            "fee_item": data.get("fee_item"),
        }


class StatusLookupForm(PublicTextMixin, forms.Form):
    """Tracking number and query code: the complainant's key to their complaint."""

    tracking_number = forms.CharField(
        label=_("投诉编号"),
        max_length=30,
        help_text=_("提交投诉时显示的编号，例如 TS202611260001。"),
        error_messages={
            "required": _("请填写投诉编号。"),
            "max_length": _("投诉编号或查询码不正确。"),
        },
    )
    query_code = forms.CharField(
        label=_("查询码"),
        max_length=30,
        help_text=_("提交投诉时显示的 8 位查询码，不区分大小写。"),
        error_messages={
            "required": _("请填写查询码。"),
            "max_length": _("投诉编号或查询码不正确。"),
        },
    )

    def __init__(self, *args, challenge=False, **kwargs):
        super().__init__(*args, **kwargs)
        if challenge:
            self.add_challenge()
        self.fields["tracking_number"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )
        self.fields["query_code"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )

    def clean_tracking_number(self):
        return normalize_tracking_number(self.cleaned_data["tracking_number"])

    def clean_query_code(self):
        return normalize_query_code(self.cleaned_data["query_code"])

    def add_challenge(self):
        """Ask for a captcha too (after failed look-ups); added after validation, the field
        shows a fresh challenge for the next attempt without an error of its own."""
        self.fields["captcha"] = PortalCaptchaField()


class RatingForm(PublicTextMixin, forms.Form):
    """The complainant's satisfaction with the reply."""

    rating = forms.ChoiceField(
        label=_("您对答复是否满意？"),
        choices=Rating.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("请选择满意、基本满意或不满意。"),
            "invalid_choice": _("请选择满意、基本满意或不满意。"),
        },
    )
    comment = forms.CharField(
        label=_("评价意见"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("选择“不满意”时请说明原因，便于重新办理。不超过 500 字。"),
        error_messages={"max_length": _("评价意见不能超过 %(limit_value)d 个字。")},
    )

    def clean_comment(self):
        return multi_line(self.cleaned_data["comment"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("rating") == Rating.DISSATISFIED and not cleaned.get("comment"):
            self.add_error("comment", _("选择“不满意”时，请说明不满意的原因。"))
        return cleaned


# --- the handlers' actions in the admin ---------------------------------------------------


def reason_field(label, *, required=True, min_length=4, max_length=1000, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        min_length=min_length if required else None,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=help_text,
        error_messages={
            "required": _("请填写%(label)s。") % {"label": label},
            "min_length": _("%(label)s至少 %(n)d 个字。") % {"label": label, "n": min_length},
            "max_length": _("%(label)s不能超过 %(n)d 个字。") % {"label": label, "n": max_length},
        },
    )


class ActionForm(forms.Form):
    """Base of the handlers' action forms: bound to the complaint they act on."""

    def __init__(self, *args, complaint, **kwargs):
        self.complaint = complaint
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = multi_line(value)
        return cleaned


def department_field(label, help_text=""):
    return DepartmentChoiceField(
        label=label,
        queryset=Department.objects.all(),
        help_text=help_text,
        error_messages={
            "required": _("请选择%(label)s。") % {"label": label},
            "invalid_choice": _("请从列表中选择部门。"),
        },
    )


class AcceptForm(ActionForm):
    department = department_field(_("承办部门"), _("受理后由该部门在答复期限内答复投诉人。"))
    note = reason_field(_("受理意见"), required=False)

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, complaint=complaint, **kwargs)
        self.fields["department"].initial = complaint.responsible_department


class RejectForm(ActionForm):
    reason = reason_field(
        _("不予受理的理由"), help_text=_("投诉人会在查询页面看到此理由，请写明依据。")
    )


class AssignForm(ActionForm):
    department = department_field(_("新承办部门"))
    reason = reason_field(
        _("转办理由"), required=False, help_text=_("改派给其他部门时必须说明理由。")
    )

    def clean(self):
        cleaned = super().clean()
        department = cleaned.get("department")
        current = self.complaint.handling_department
        if department is not None and current is not None:
            if department == current:
                self.add_error("department", _("新承办部门与当前承办部门相同。"))
            elif not cleaned.get("reason"):
                self.add_error("reason", _("改派给其他部门时，请说明理由。"))
        return cleaned


class ReplyForm(ActionForm):
    reply = reason_field(
        _("答复内容"),
        min_length=10,
        max_length=5000,
        help_text=_("投诉人会在查询页面看到答复；投诉人同意公开的，隐去个人信息后公开。"),
    )


class ExtendForm(ActionForm):
    days = forms.IntegerField(
        label=_("延长工作日数"),
        min_value=1,
        max_value=MAX_EXTENSION_WORKING_DAYS,
        initial=5,
        error_messages={
            "required": _("请填写延长的工作日数。"),
            "invalid": _("请填写整数。"),
            "min_value": _("至少延长 %(limit_value)s 个工作日。"),
            "max_value": _("最多延长 %(limit_value)s 个工作日。"),
        },
    )
    reason = reason_field(_("延期理由"), help_text=_("每件投诉只能延期一次，投诉人可以看到理由。"))


class CloseForm(ActionForm):
    note = reason_field(_("办结说明"), required=False)


class ReferForm(ActionForm):
    reason = reason_field(_("转入问责审查的理由"))


class PublicationForm(ActionForm):
    reason = reason_field(_("理由"))

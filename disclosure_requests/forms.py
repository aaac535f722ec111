"""The public request form and the status look-up. The text, phone, upload and captcha rules
are the complaint form's (feedback.forms, feedback.uploads): one set of rules for the public."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from feedback.forms import (
    NAME_RE,
    DepartmentChoiceField,
    MultipleFileField,
    SubmissionFormMixin,
    multi_line,
    normalize_phone,
    single_line,
)
from feedback.forms import StatusLookupForm as ComplaintStatusLookupForm
from portal.captcha import PortalCaptchaField
from portal.inputs import PublicTextMixin
from portal.models import Department

from .models import ApplicantType, Delivery, FormWanted

ID_CARD_RE = re.compile(r"^\d{17}[\dX]$")
ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CARD_CHECK = "10X98765432"
# 统一社会信用代码 (GB 32100-2015): 18 characters, no I, O, S, V, Z.
CREDIT_CODE_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def id_card_valid(value):
    """An 18-digit resident ID card number with a correct check character."""
    if not ID_CARD_RE.match(value):
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], ID_CARD_WEIGHTS, strict=True))
    return ID_CARD_CHECK[total % 11] == value[17]


class DisclosureRequestForm(SubmissionFormMixin, PublicTextMixin, forms.Form):
    """The online application (申请表): who asks, what for, in what form; captcha and a hidden
    one-time token so a double submit saves one request."""

    submission_token = forms.CharField(widget=forms.HiddenInput, required=False)
    department = DepartmentChoiceField(
        label=_("受理机关"),
        queryset=Department.objects.all(),
        empty_label=_("请选择制作或保存该信息的机关"),
        error_messages={
            "required": _("请选择受理机关。"),
            "invalid_choice": _("请从列表中选择受理机关。"),
        },
    )
    applicant_type = forms.ChoiceField(
        label=_("申请人类型"),
        choices=ApplicantType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("请选择申请人类型。"),
            "invalid_choice": _("请选择申请人类型。"),
        },
    )
    name = forms.CharField(
        label=_("姓名或名称"),
        max_length=100,
        help_text=_("自然人填写姓名；法人或其他组织填写全称。"),
        error_messages={"required": _("请填写申请人姓名或名称。")},
    )
    id_number = forms.CharField(
        label=_("身份证号码或统一社会信用代码"),
        max_length=30,
        help_text=_("自然人填写 18 位居民身份证号码；法人或其他组织填写 18 位统一社会信用代码。"),
        error_messages={"required": _("请填写身份证号码或统一社会信用代码。")},
    )
    contact_person = forms.CharField(
        label=_("联系人"),
        required=False,
        max_length=30,
        help_text=_("法人或其他组织申请时必填。"),
    )
    phone = forms.CharField(
        label=_("联系电话"),
        max_length=30,
        help_text=_("手机号码或带区号的固定电话，例如 13812345678 或 0571-86012345。"),
        error_messages={"required": _("请填写联系电话。")},
    )
    email = forms.EmailField(
        label=_("电子邮箱"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("请填写有效的电子邮箱地址，例如 name@example.com。")},
    )
    address = forms.CharField(
        label=_("通信地址"),
        required=False,
        max_length=200,
        help_text=_("选择邮寄获取信息时必填。"),
    )
    description = forms.CharField(
        label=_("所需政府信息的名称或内容描述"),
        min_length=10,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("请尽量写明信息的名称、制作机关、时间等，便于查找，10 至 3000 字。"),
        error_messages={
            "required": _("请填写所需政府信息的名称或内容描述。"),
            "min_length": _("内容描述至少 %(limit_value)d 个字（现在 %(show_value)d 个）。"),
            "max_length": _("内容描述不能超过 %(limit_value)d 个字（现在 %(show_value)d 个）。"),
        },
    )
    document_number = forms.CharField(
        label=_("文号"),
        required=False,
        max_length=60,
        help_text=_("知道的请填写，例如：示政发〔2025〕12号。"),
    )
    other_features = forms.CharField(label=_("其他特征描述"), required=False, max_length=300)
    form_wanted = forms.ChoiceField(
        label=_("信息的指定提供载体形式"),
        choices=FormWanted.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("请选择纸质或电子。"),
            "invalid_choice": _("请选择纸质或电子。"),
        },
    )
    delivery = forms.ChoiceField(
        label=_("获取信息的方式"),
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("请选择获取信息的方式。"),
            "invalid_choice": _("请选择获取信息的方式。"),
        },
    )
    attachments = MultipleFileField(
        label=_("身份证明材料"),
        required=False,
        help_text=_(
            "身份证或营业执照复印件等，最多 3 个，每个不超过 5 MB，只接受 JPEG、PNG 图片或 PDF。"
        ),
        error_messages={"invalid": _("附件上传失败，请重新选择文件。")},
    )
    website = forms.CharField(label=_("请勿填写此项"), required=False, max_length=200)
    captcha = PortalCaptchaField()

    def clean_name(self):
        return single_line(self.cleaned_data["name"])

    def clean_contact_person(self):
        return single_line(self.cleaned_data["contact_person"])

    def clean_address(self):
        return single_line(self.cleaned_data["address"])

    def clean_document_number(self):
        return single_line(self.cleaned_data["document_number"])

    def clean_other_features(self):
        return single_line(self.cleaned_data["other_features"])

    def clean_description(self):
        return multi_line(self.cleaned_data["description"])

    def clean_id_number(self):
        return re.sub(r"\s+", "", self.cleaned_data["id_number"]).upper()

    def clean_phone(self):
        phone = normalize_phone(self.cleaned_data["phone"])
        if phone is None:
            raise ValidationError(
                _("请填写有效的手机号码或带区号的固定电话，例如 13812345678 或 0571-86012345。")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        kind, number = cleaned.get("applicant_type"), cleaned.get("id_number")
        if kind == ApplicantType.NATURAL_PERSON:
            name = cleaned.get("name")
            if name and (len(name) < 2 or not NAME_RE.match(name)):
                self.add_error("name", _("姓名只能由文字组成，至少 2 个字，例如：张三。"))
            if number and not id_card_valid(number):
                self.add_error("id_number", _("身份证号码应为 18 位，且校验位正确，请核对。"))
        elif kind:
            if number and not CREDIT_CODE_RE.match(number):
                self.add_error("id_number", _("统一社会信用代码应为 18 位数字或大写字母，请核对。"))
            if not cleaned.get("contact_person"):
                self.add_error("contact_person", _("法人或其他组织申请时请填写联系人。"))
        if cleaned.get("delivery") == Delivery.POST and not cleaned.get("address"):
            self.add_error("address", _("选择邮寄时请填写通信地址。"))
        if cleaned.get("delivery") == Delivery.EMAIL and not cleaned.get("email"):
            self.add_error("email", _("选择电子邮件时请填写电子邮箱。"))
        return cleaned

    def submission_kwargs(self):
        data = self.cleaned_data
        names = [
            "department",
            "applicant_type",
            "name",
            "id_number",
            "contact_person",
            "phone",
            "email",
            "address",
            "description",
            "document_number",
            "other_features",
            "form_wanted",
            "delivery",
            "attachments",
        ]
        return {name: data[name] for name in names}


class StatusLookupForm(ComplaintStatusLookupForm):
    """申请编号 and 查询码: the complaint look-up's rules with this page's words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        number = self.fields["tracking_number"]
        number.label = _("申请编号")
        number.help_text = _("提交申请时显示的编号，例如 YS202611260001。")
        number.error_messages.update(
            {"required": _("请填写申请编号。"), "max_length": _("申请编号或查询码不正确。")}
        )
        code = self.fields["query_code"]
        code.help_text = _("提交申请时显示的 8 位查询码，不区分大小写。")
        code.error_messages["max_length"] = _("申请编号或查询码不正确。")

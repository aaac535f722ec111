"""Admin forms of the oversight app: the audit log's filters, the two-factor code and the
rate-limited password reset."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.widgets import AdminDateInput

from portal.models import Department

from . import services
from .selectors import AUDIT_SOURCES, audit_action_choices


class TokenForm(forms.Form):
    """A 6-digit code from the authenticator app, or (when verifying) one 8-character backup
    code."""

    token = forms.RegexField(
        label=_("验证码"),
        regex=r"^\s*(\d{6}|[A-Za-z2-7]{8})\s*$",
        max_length=12,
        error_messages={"invalid": _("请输入验证器应用显示的 6 位数字，或一个 8 位备用验证码。")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_token(self):
        return self.cleaned_data["token"].strip()


class AuditFilterForm(forms.Form):
    """Filters of the audit log; every field is optional."""

    date_from = forms.DateField(label=_("开始日期"), required=False, widget=AdminDateInput)
    date_to = forms.DateField(label=_("结束日期"), required=False, widget=AdminDateInput)
    source = forms.ChoiceField(label=_("记录类型"), required=False)
    action = forms.ChoiceField(label=_("操作"), required=False)
    user = forms.ModelChoiceField(
        label=_("操作人"), required=False, queryset=get_user_model().objects.none()
    )
    department = forms.ModelChoiceField(
        label=_("涉及部门"), required=False, queryset=Department.objects.all()
    )
    q = forms.CharField(label=_("对象名称或编号"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", _("全部"))] + [
            (key, source.label) for key, source in AUDIT_SOURCES.items()
        ]
        self.fields["action"].choices = [("", _("全部")), *audit_action_choices()]
        User = get_user_model()
        self.fields["user"].queryset = User.objects.filter(is_active=True).order_by(
            User.USERNAME_FIELD
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("开始日期不能晚于结束日期。"))
        return cleaned


class LimitedPasswordResetForm(PasswordResetForm):
    """Wagtail's password-reset form (WAGTAILADMIN_USER_PASSWORD_RESET_FORM) that sends its
    mail only within the limits per address and per e-mail. The page answers the same either
    way: it must not tell whether an account exists, nor that a limit was reached."""

    def save(self, *args, request=None, **kwargs):
        if services.password_reset_allowed(request=request, email=self.cleaned_data["email"]):
            super().save(*args, request=request, **kwargs)

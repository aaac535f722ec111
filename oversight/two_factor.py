"""TOTP devices for the admin login (django-otp): who needs one, the QR code an authenticator
app scans, and the link that lets a user set up their first device."""

import segno
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.hosts import site_root_url

DEVICE_NAME = "后台登录验证器"
BACKUP_DEVICE_NAME = "备用验证码"


def is_admin_user(user):
    """Users who may enter the Wagtail admin: the staff the two-factor rule applies to."""
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def has_confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def qr_svg(device):
    """The device's otpauth:// URL as an inline SVG QR code (no image file, no network)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")


def setup_link(raw):
    """The absolute setup link of a raw token, for a mail or an administrator to pass on."""
    return site_root_url() + reverse("oversight_two_factor_setup_link", args=[raw])

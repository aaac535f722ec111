"""TOTP devices for the admin login (django-otp): who needs one, creating and confirming a
device, and the QR code an authenticator app scans."""

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "后台登录验证器"


def is_admin_user(user):
    """Users who may enter the Wagtail admin: the staff the two-factor rule applies to."""
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def has_confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def qr_svg(device):
    """The device's otpauth:// URL as an inline SVG QR code (no image file, no network)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")

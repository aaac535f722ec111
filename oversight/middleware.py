"""Two-factor enforcement: with PORTAL_REQUIRE_2FA on, an admin user whose session has not
confirmed a TOTP code is sent to set up a device (none yet) or to enter a code, from every
admin URL except the login, logout, password-reset and two-factor pages themselves."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .two_factor import has_confirmed_device, is_admin_user

# Admin URLs an unverified user may still open (prefixes, by URL name).
EXEMPT_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "oversight_two_factor_setup",
    "oversight_two_factor_verify",
)


class TwoFactorMiddleware:
    """Redirects unverified admin users to the two-factor pages (after OTPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "PORTAL_REQUIRE_2FA", False) and self._must_verify(request):
            return self._redirect(request)
        return self.get_response(request)

    def _must_verify(self, request):
        admin_prefix = reverse("wagtailadmin_home")
        if not request.path.startswith(admin_prefix):
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not is_admin_user(user):
            return False
        if user.is_verified():
            return False
        return not any(request.path.startswith(reverse(name)) for name in EXEMPT_URL_NAMES)

    def _redirect(self, request):
        user = request.user
        name = (
            "oversight_two_factor_verify"
            if has_confirmed_device(user)
            else "oversight_two_factor_setup"
        )
        target = reverse(name)
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)

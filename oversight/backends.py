"""The login backend: axes' lockout check in front of Django's password check, in one class."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


class LockoutBackend(AxesStandaloneBackend, ModelBackend):
    """Refuses a locked-out username+IP, then checks the password as ModelBackend does.

    Every web login (Wagtail's login form, the password reset) passes the request, so the
    lockout applies to all of them. A call without a request (Django's test Client.login(), a
    shell script) has no client address to count failures against; axes would raise there, so
    only the password is checked. One backend instead of axes' plus ModelBackend, so that the
    first backend also answers get_user() for sessions that name it.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None:
            # Raises AxesBackendPermissionDenied (caught by django.contrib.auth) when locked.
            AxesStandaloneBackend.authenticate(self, request, username, password, **kwargs)
        return ModelBackend.authenticate(self, request, username, password, **kwargs)

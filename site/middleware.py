"""Response headers Django does not set by itself; the Chinese 414 for over-long URLs."""

from django.http import HttpResponse
from django.template import loader

# Features a government portal never needs; denying them limits what injected code could do.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


# Longest request line (method, target and protocol) answered normally: gunicorn's default
# limit. gunicorn's own limit is set higher (gunicorn.conf.py) so that a longer line reaches
# Django and the citizen gets this Chinese page instead of gunicorn's English one.
MAX_REQUEST_LINE = 4094


class RequestLineLimitMiddleware:
    """414 with the portal's Chinese page for a request line longer than MAX_REQUEST_LINE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # gunicorn passes the target as sent (RAW_URI); other servers, the decoded path.
        target = request.META.get("RAW_URI") or request.get_full_path()
        line = len(request.method) + len(target) + len(request.META.get("SERVER_PROTOCOL", "")) + 2
        if line > MAX_REQUEST_LINE:
            # Rendered like the other error pages: without the request and its database work.
            return HttpResponse(loader.get_template("414.html").render({}), status=414)
        return self.get_response(request)

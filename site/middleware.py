"""Response headers Django does not set by itself; the Chinese 414 for over-long URLs."""

from django.http import HttpResponse
from django.template import loader

from .logs import request_id_from, request_id_var

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


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID, or a new one) that every log line
    written while serving it carries (portal.logs.RequestIdFilter), and returns it in the
    response's X-Request-ID so a citizen's report of an error can be found in the logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.headers.get("X-Request-ID"))
        # Also on the request: Django logs a 4xx/5xx response after the middleware returned.
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response.headers["X-Request-ID"] = request_id
        return response

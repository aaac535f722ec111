"""gunicorn settings of the production image (Dockerfile: gunicorn -c gunicorn.conf.py).

The access log is the one log Django's filters never see: it is written by gunicorn itself.
Its lines carry the path without the query string (people search for their own phone or ID
number: /search/?q=13800138000), no referrer (another page's query string), and every line of
the access and error logs passes portal.logs.PersonalDataFilter, which masks phone, ID-card and
e-mail in every form deidentify knows."""

import os

from gunicorn.glogging import Logger

from portal.logs import PersonalDataFilter

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = 30
# Only the proxy in front may set X-Forwarded-Proto / -For: its address from FORWARDED_ALLOW_IPS
# (comma-separated; the image's default is 127.0.0.1), never "*", which would let any client
# claim HTTPS or another address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
# %(U)s is the path alone; %(r)s, %(q)s and %(f)s (request line, query, referrer) are left out.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)s "%(a)s"'
# gunicorn's highest limit, above portal.middleware.MAX_REQUEST_LINE: a long URL reaches Django
# and gets the portal's Chinese 414 page instead of gunicorn's English one.
limit_request_line = 8190


class PortalLogger(Logger):
    """gunicorn's logger with personal data masked in every access and error line."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            if not any(isinstance(existing, PersonalDataFilter) for existing in log.filters):
                log.addFilter(PersonalDataFilter())


logger_class = PortalLogger

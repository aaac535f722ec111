"""Log output never carries a citizen's phone number, e-mail address or ID-card number.

Messages are written by our code, but also by libraries: an SMTP server that refuses an address
puts it in the exception that django-tasks logs with its traceback. So the masking is a filter
on the handlers (see LOGGING in settings), applied to the finished message and traceback of
every record, whoever logged it."""

import contextvars
import datetime
import json
import logging
import re
import uuid

from .deidentify import mask_contact_data


def mask_personal_data(text):
    """`text` with ID-card numbers, e-mail addresses and phone numbers masked, in every form
    the public pages mask them (one function: deidentify.mask_contact_data)."""
    return mask_contact_data(text)


class PersonalDataFilter(logging.Filter):
    """Rewrites each record's message, traceback and stack with personal data masked."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the formatter to report
            return True
        masked = mask_personal_data(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # The formatter uses exc_text when it is set: format the traceback once, masked.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


# The id of the request being served, for every log line written while serving it.
request_id_var = contextvars.ContextVar("portal_request_id", default="")
REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def request_id_from(header):
    """The proxy's X-Request-ID when it is a plausible id, else a new random one."""
    header = (header or "").strip()
    return header if REQUEST_ID_RE.match(header) else uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on each record as `request_id` ("" outside a request)."""

    def filter(self, record):
        if not getattr(record, "request_id", ""):
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", "") or request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request id, and the traceback when
    there is one. Put it after PersonalDataFilter, which has already masked message and
    traceback; the fields a handler adds (status_code, request) are left out, since a request
    object carries the query string and headers."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or request_id_var.get(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = mask_personal_data(record.exc_text)
        if record.stack_info:
            entry["stack"] = mask_personal_data(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)

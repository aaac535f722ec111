"""Log output never carries a citizen's phone number, e-mail address or ID-card number.

Messages are written by our code, but also by libraries: an SMTP server that refuses an address
puts it in the exception that django-tasks logs with its traceback. So the masking is a filter
on the handlers (see LOGGING in settings), applied to the finished message and traceback of
every record, whoever logged it."""

import logging

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

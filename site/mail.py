"""The e-mail backend production uses when no mail server is configured."""

import logging

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("portal.mail")


class UnconfiguredEmailBackend(BaseEmailBackend):
    """Drops every message and logs one warning per batch that says how many were dropped and
    which setting is missing. Never the recipients, subject or body: Django's console backend
    would write all three (a citizen's address and complaint) into the server log."""

    def send_messages(self, email_messages):
        count = len(list(email_messages or ()))
        if count:
            logger.warning(
                "No mail server is configured (set EMAIL_URL or EMAIL_HOST): "
                "%d e-mail message(s) dropped, not sent.",
                count,
            )
        return 0

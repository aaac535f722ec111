"""An e-mail backend whose server is down, for tests of what happens after a complaint is saved."""

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server unavailable")

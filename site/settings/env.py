"""Read settings from environment variables, with the parsing the settings modules share."""

import os
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in TRUE_WORDS


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_list(name, default=()):
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


def email_settings_from_url(url):
    """Turn EMAIL_URL (smtp://user:pass@host:587/?tls=1, smtps://…, console://, locmem://)
    into Django e-mail settings."""
    parsed = urlparse(url)
    scheme = parsed.scheme.lower()
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if scheme not in backends:
        raise ImproperlyConfigured(f"EMAIL_URL scheme {scheme!r} is not one of {sorted(backends)}")
    settings = {"EMAIL_BACKEND": backends[scheme]}
    if scheme in ("smtp", "smtps"):
        query = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
        settings.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or (465 if scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_SSL=scheme == "smtps" or query.get("ssl", "").lower() in TRUE_WORDS,
            EMAIL_USE_TLS=query.get("tls", "").lower() in TRUE_WORDS,
        )
    return settings

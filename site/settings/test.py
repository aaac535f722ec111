"""Tests: SQLite unless DATABASE_URL is set, fast hashing, captcha in test mode, mail in memory."""

import warnings

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CAPTCHA_TEST_MODE = True
# Notifications run at once so a test sees them in mail.outbox; the queue and worker tests switch
# to the database backend with the settings fixture and run the worker in-process.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Page-cache tests turn it on with the settings fixture; other tests see fresh pages.
PAGE_CACHE_SECONDS = 0
# Two-factor tests turn it on with the settings fixture. The lockout (axes) stays on; a
# Client.login() without a request checks only the password (oversight/backends.py).
PORTAL_REQUIRE_2FA = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "portal.search.backend", "SEARCH_CONFIG": "simple"}
}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "CRITICAL"}}

# The captcha package warns at import that test mode is on; here that is the point.
warnings.filterwarnings("ignore", message="CAPTCHA_TEST_MODE is enabled", category=RuntimeWarning)

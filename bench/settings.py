"""Settings of the benchmarks (bench/pages.py, bench/load_submit.py): production settings plus
two baseline views, and the switches a load test needs."""

from portal.settings.env import env_bool
from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The benchmark talks plain HTTP to gunicorn on loopback.
SECURE_SSL_REDIRECT = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# bench/load_submit.py: simulated clients answer the captcha with the test-mode word, and no
# notification mail leaves the machine.
CAPTCHA_TEST_MODE = env_bool("BENCH_CAPTCHA_TEST_MODE")
if CAPTCHA_TEST_MODE:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

"""Development: the embedded SQLite default, debug pages, mail on the console."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

DEBUG = True
# A development-only key; production refuses to start without its own.
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

# Editors see their changes at once in development; production caches anonymous pages.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)

# Two-factor login is off unless asked for, so a fresh checkout logs in with a password.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", False)

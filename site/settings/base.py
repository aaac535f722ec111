"""Settings shared by every environment; each value that differs per deployment comes from the
environment (see the configuration table in README.md)."""

import datetime
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import email_settings_from_url, env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "whitenoise.runserver_nostatic",
    "portal",
    "disclosure",
    "decisions",
    "feedback",
    "disclosure_requests",
    "editorial",
    "oversight",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "captcha",
    "django_tasks",
    # The database queue that `manage.py run_worker` works (portal/tasks.py).
    "django_tasks_db",
    # Admin login security: TOTP two-factor devices and the failed-login lockout (oversight).
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Single-use backup codes, shown once after enrolment.
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]

MIDDLEWARE = [
    # First, so every log line of the request carries its id (LOG_FORMAT=json).
    "portal.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    # Chinese 414 for an over-long URL, before any middleware reads the session or database.
    "portal.middleware.RequestLineLimitMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks request.user verified once a TOTP code was accepted; the next one sends an
    # unverified staff user to the two-factor pages when PORTAL_REQUIRE_2FA is on.
    "django_otp.middleware.OTPMiddleware",
    "oversight.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # 403 for admin URLs of another department's page; shows why a 三审 action was refused.
    "editorial.middleware.DepartmentScopeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns the lockout flag set during authentication into the Chinese lockout page.
    "axes.middleware.AxesMiddleware",
    # Innermost, so that a cached page still passes through every header-setting middleware.
    "portal.pagecache.AnonymousPageCacheMiddleware",
]

# Anonymous page views are cached this many seconds (0 turns the cache off); see pagecache.py.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

# Content Security Policy: only this origin, no inline script or style anywhere on the public
# site. The Wagtail admin relies on inline script, so it is excluded and protected by login.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "media-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Widgets render through TEMPLATES, so the portal's widget templates (captcha) are found.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
        },
    },
]

# The embedded default is SQLite in the checkout; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Axes' lockout check, then Django's password check (oversight/backends.py): a locked-out
# username+IP is refused before the password is even looked at.
AUTHENTICATION_BACKENDS = ["oversight.backends.LockoutBackend"]

# Two-factor login (TOTP) for every admin user; production turns it on, see production.py.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "县政务公开网站管理后台"
# Password-reset mails only within per-address and per-e-mail limits (oversight/services.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "oversight.forms.LimitedPasswordResetForm"

# Failed-login lockout: 5 wrong passwords for one username from one IP lock that pair for an
# hour (a wrong guess from elsewhere does not lock the real user out).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "oversight/lockout.html"
# Failures and lockouts are still logged as warnings; only the start-up banner that every
# management command would print is silenced.
AXES_VERBOSE = False
# The same client address as the rate limits (TRUSTED_PROXY_COUNT decides which hop to trust).
AXES_CLIENT_IP_CALLABLE = "portal.ratelimit.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The public and the editors read Simplified Chinese; times are Beijing time.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]
# The project's own translations of the Django and Wagtail admin strings (Python and JavaScript
# catalogues) that Wagtail's zh_Hans catalogue lacks; searched before the apps' catalogues.
LOCALE_PATHS = [BASE_DIR / "locale"]
# Slugs are ASCII: the browser leaves a Chinese title's slug empty and the server fills in the
# title's pinyin (portal/slugs.py) instead of a percent-encoded Chinese URL.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Gravatar is abroad and often unreachable (and would learn every editor's e-mail hash): the
# admin shows Wagtail's own default avatar, or the picture the user uploaded.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
MEDIA_URL = env_str("MEDIA_URL") or "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Several web nodes: uploads on S3-compatible object storage instead of one node's disk
# (portal/storage.py: private uploads, public renditions). Credentials come from
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment, read by boto3 itself.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "portal.storage.PrivateMediaStorage"}
    STORAGES["renditions"] = {"BACKEND": "portal.storage.RenditionStorage"}
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_ADDRESSING_STYLE = env_str("AWS_S3_ADDRESSING_STYLE") or None
    AWS_QUERYSTRING_EXPIRE = env_int("AWS_QUERYSTRING_EXPIRE", 300)

# Cache: Redis when REDIS_URL is set (shared by every worker), otherwise per-process memory.
REDIS_URL = env_str("REDIS_URL")
# Every Redis client (the cache, and through it the page cache and the rate limits) fails fast
# when Redis is down or hung: the tolerant cache then answers with a miss, and after a failure a
# process leaves Redis alone for REDIS_RETRY_AFTER_SECONDS (portal/cache.py).
REDIS_CLIENT_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
REDIS_RETRY_AFTER_SECONDS = 5
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX") or "portal",
            "TIMEOUT": 300,
            "OPTIONS": REDIS_CLIENT_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Search: Elasticsearch when ELASTICSEARCH_URL is set, otherwise the database backend.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Wagtail's Elasticsearch 8 backend with a whitespace analyzer over our bigrams.
            "BACKEND": "portal.search.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX") or "portal_",
            "TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 10),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    # Wagtail's database backend (SQLite FTS5 or PostgreSQL 'simple'), made to find Chinese.
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "portal.search.backend", "SEARCH_CONFIG": "simple"}
    }

# E-mail: EMAIL_URL, or the separate SMTP variables, or the console in development.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "noreply@example.gov.cn"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env_str("EMAIL_URL"):
    globals().update(email_settings_from_url(env_str("EMAIL_URL")))
elif env_str("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("EMAIL_HOST")
    EMAIL_PORT = env_int("EMAIL_PORT", 25)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_TIMEOUT = 10

# Background tasks (mail, notifications), enqueued after the submission's transaction commits
# (portal/tasks.py). "database": a queue table worked by `manage.py run_worker`, with retries;
# "immediate": in the request itself, no retry; or a backend's dotted path (README: Production).
TASKS_BACKEND = env_str("TASKS_BACKEND") or "database"
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }.get(TASKS_BACKEND, TASKS_BACKEND),
    }
}
# A failed task is tried again after 60 s, 120 s, 240 s … (at most an hour apart) until this
# many attempts have failed; then it stays failed, with its error, under 设置 → 后台任务.
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 5)
TASK_RETRY_DELAY_SECONDS = env_int("TASK_RETRY_DELAY_SECONDS", 60)
# /readyz fails when a due task has waited longer than this (no worker is running).
TASK_QUEUE_MAX_AGE_SECONDS = env_int("TASK_QUEUE_MAX_AGE_SECONDS", 300)

# Every scheduled job, run by `manage.py run_scheduler` (portal/scheduler.py) in Beijing time;
# each run is recorded and the self-check warns when one is late. Every command here is
# idempotent. Wagtail's purge_embeds is left out on purpose: it empties the whole embed cache,
# which is then fetched again from providers abroad that are often unreachable.
SCHEDULED_JOBS = [
    {
        "name": "publish_scheduled",
        "title": _("定时发布和到期下线"),
        "command": ["publish_scheduled"],
        "every": "minute",
    },
    {
        "name": "send_deadline_reminders",
        "title": _("投诉到期提醒"),
        "command": ["send_deadline_reminders"],
        "daily": "08:00",
    },
    {
        "name": "sweep_disclosure_requests",
        "title": _("依申请公开：办结逾期未补正、未缴费的申请并登记到期提醒"),
        "command": ["sweep_disclosure_requests"],
        "daily": "07:30",
    },
    {
        "name": "searchpromotions_garbage_collect",
        "title": _("清理过期的搜索统计"),
        "command": ["searchpromotions_garbage_collect"],
        "daily": "03:10",
    },
    {
        "name": "clearsessions",
        "title": _("清理过期的登录会话"),
        "command": ["clearsessions"],
        "daily": "03:20",
    },
    {
        "name": "purge_complaint_personal_data",
        "title": _("清除超过保存期限的投诉个人信息"),
        "command": ["purge_complaint_personal_data"],
        "monthly": (1, "02:00"),
    },
    {
        "name": "prune_audit_log",
        "title": _("清理一年以前的审计日志"),
        "command": ["prune_audit_log", "--older-than-days", "365"],
        "monthly": (1, "02:30"),
    },
    {
        "name": "draft_bulletin",
        "title": _("生成上月机关效能月通报草稿"),
        "command": ["draft_bulletin"],
        "monthly": (1, "06:00"),
    },
    {
        "name": "purge_revisions",
        "title": _("清理一年以前的旧版本"),
        "command": ["purge_revisions", "--days", "365"],
        "monthly": (2, "03:00"),
    },
]
if TASKS_BACKEND == "database":
    SCHEDULED_JOBS.append(
        {
            "name": "prune_db_task_results",
            "title": _("清理已完成的后台任务记录"),
            "command": [
                "prune_db_task_results",
                "--min-age-days",
                "30",
                "--failed-min-age-days",
                "90",
            ],
            "monthly": (2, "03:30"),
        }
    )
# Runs older than this are deleted by the scheduler once a day.
JOB_RUN_KEEP_DAYS = env_int("JOB_RUN_KEEP_DAYS", 30)

# BasePage replaces Page's title SearchField/AutocompleteField with Chinese-tokenising ones on
# purpose; Wagtail's check only recognises its own field objects.
# Keep a year of search hits for the popular and zero-result query report.
WAGTAILSEARCH_HITS_MAX_AGE = 365

SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]

WAGTAIL_SITE_NAME = _("县政务公开网站管理后台")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "csv", "ofd", "txt", "zip", "wps"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are streamed by Django with Content-Disposition: attachment, so an uploaded HTML
# file can never run in the site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every type, PDF and plain text included, is a download: nothing uploaded is ever rendered
# in the site's origin (Wagtail's default shows PDF and text inline).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Decoded size bound, checked from the header before any decoding (decompression bombs): a
# 7700 x 7700 PNG of 169 KB took 4.7 s and 650 MB to decode. Complaint attachments share it.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Unset: the API builds detail_url from the Site record (portal.hosts), as html_url already is.
WAGTAILAPI_BASE_URL = env_str("WAGTAILAPI_BASE_URL") or None
WAGTAILAPI_LIMIT_MAX = 100
# More fields than this is a 400 with the portal's Chinese page (portal.views.bad_request).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Captcha: a long lifetime, so a slow writer's captcha has not expired when they submit.
CAPTCHA_TIMEOUT = 30
CAPTCHA_LENGTH = 4
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.math_challenge"
# Drawn at twice the size the widget shows it (200 x 50 CSS px), so it is sharp on every screen;
# the library's separate @2 image would double the font inside this fixed size, so it is off.
CAPTCHA_IMAGE_SIZE = (400, 100)
CAPTCHA_FONT_SIZE = 60
CAPTCHA_2X_IMAGE = False

# Complaints and other personal data are kept this many years after closing.
PERSONAL_DATA_RETENTION_YEARS = env_int("PERSONAL_DATA_RETENTION_YEARS", 3)

# How many reverse proxies in front of gunicorn append to X-Forwarded-For (rate limits by IP).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie: forms carry the token and the Wagtail admin reads it from
# its page config (wagtailConfig.CSRF_TOKEN), so the cookie can be hidden from scripts.
CSRF_COOKIE_HTTPONLY = True
# The portal's Chinese page (reload the form, nothing was saved), not Django's English one.
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# LOG_FORMAT=json: one JSON object a line with the request id (portal.logs.JsonFormatter), for
# a log collector; the default is one plain line a record.
LOG_FORMAT = env_str("LOG_FORMAT") or "plain"
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be plain or json, got {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "portal.logs.JsonFormatter"},
    },
    # Every handler masks phone numbers, e-mail addresses and ID-card numbers (portal/logs.py).
    "filters": {
        "personal_data": {"()": "portal.logs.PersonalDataFilter"},
        "request_id": {"()": "portal.logs.RequestIdFilter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["personal_data", "request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL") or "INFO"},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "INFO"},
        # One line per background task is noise on a console; failures are still logged.
        "django_tasks": {"level": "WARNING"},
    },
}

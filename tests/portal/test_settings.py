import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings.env import email_settings_from_url

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = "portal.settings.production"
STRONG_KEY = "k3Y-for-tests-only-0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"


def load_production(monkeypatch, **env):
    for name in ("SECRET_KEY", "ALLOWED_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop(PRODUCTION, None)
    try:
        return importlib.import_module(PRODUCTION)
    finally:
        sys.modules.pop(PRODUCTION, None)


def test_production_refuses_to_load_without_secret_key(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        load_production(monkeypatch, ALLOWED_HOSTS="portal.example.gov.cn")


def test_production_refuses_to_load_without_allowed_hosts(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
        load_production(monkeypatch, SECRET_KEY=STRONG_KEY)


def test_production_loads_with_both_and_is_strict(monkeypatch):
    production = load_production(
        monkeypatch, SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="portal.example.gov.cn, .example.gov.cn"
    )
    assert production.DEBUG is False
    assert production.ALLOWED_HOSTS == ["portal.example.gov.cn", ".example.gov.cn"]
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SESSION_COOKIE_NAME.startswith("__Host-")
    assert "https://portal.example.gov.cn" in production.CSRF_TRUSTED_ORIGINS
    assert "https://*.example.gov.cn" in production.CSRF_TRUSTED_ORIGINS


def _manage(args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
    }
    environment.update(DJANGO_SETTINGS_MODULE=PRODUCTION, **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_process_refuses_to_start_without_secret_key():
    result = _manage(["check"], ALLOWED_HOSTS="portal.example.gov.cn")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_reports_nothing_with_production_settings():
    result = _manage(
        ["check", "--deploy", "--fail-level", "DEBUG"],
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="portal.example.gov.cn",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_email_url_smtp_with_tls():
    settings = email_settings_from_url("smtp://user%40gov:p%40ss@mail.example.gov.cn:587/?tls=1")
    assert settings["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert settings["EMAIL_HOST"] == "mail.example.gov.cn"
    assert settings["EMAIL_PORT"] == 587
    assert settings["EMAIL_HOST_USER"] == "user@gov"
    assert settings["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert settings["EMAIL_USE_TLS"] is True
    assert settings["EMAIL_USE_SSL"] is False


def test_email_url_smtps_and_console():
    assert email_settings_from_url("smtps://mail.example.gov.cn")["EMAIL_PORT"] == 465
    assert email_settings_from_url("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    with pytest.raises(ImproperlyConfigured):
        email_settings_from_url("pigeon://coop")


def _base_settings(**env):
    code = (
        "import json, portal.settings.base as b;"
        "print(json.dumps([b.CACHES['default']['BACKEND'],"
        " b.WAGTAILSEARCH_BACKENDS['default']['BACKEND'],"
        " b.WAGTAILSEARCH_BACKENDS['default'].get('INDEX_PREFIX'),"
        " b.DATABASES['default']['ENGINE'], b.LANGUAGE_CODE, b.TIME_ZONE]))"
    )
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "ELASTICSEARCH_URL", "DATABASE_URL")
    }
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout)


def test_defaults_are_embedded_services_in_chinese():
    cache, search, prefix, engine, language, zone = _base_settings()
    assert cache.endswith("LocMemCache")
    assert search == "portal.search.backend"
    assert prefix is None
    assert engine == "django.db.backends.sqlite3"
    assert (language, zone) == ("zh-hans", "Asia/Shanghai")


def test_environment_switches_redis_elasticsearch_and_postgres():
    cache, search, prefix, engine, *_ = _base_settings(
        REDIS_URL="redis://127.0.0.1:6379/1",
        ELASTICSEARCH_URL="http://127.0.0.1:9200",
        DATABASE_URL="postgres://portal@db:5432/portal",
    )
    assert cache == "portal.cache.TolerantRedisCache"
    assert search == "portal.search.elasticsearch8"
    assert prefix == "portal_"
    assert engine == "django.db.backends.postgresql"


def _production_mail(code, **env):
    """Run `code` in a process with production settings, no mail configured unless `env` says."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("EMAIL_") and key not in ("DATABASE_URL",)
    }
    environment.update(
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="portal.example.gov.cn",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


SEND = (
    "from django.core.mail import send_mail;"
    "print(send_mail('您的投诉已受理', '王小明，您好：投诉 TS202612060001 已受理。',"
    " None, ['wang.xm@example.com']))"
)


def test_production_mail_goes_to_the_server_or_is_dropped_naming_no_address():
    for env in ({}, {"EMAIL_URL": "console://"}):
        result = _production_mail(SEND, **env)
        assert result.returncode == 0, result.stderr
        output = result.stdout + result.stderr
        assert result.stdout.strip() == "0", env
        assert "No mail server is configured" in output and "1 e-mail message(s) dropped" in output
        for secret in ("wang.xm", "example.com", "王小明", "TS202612060001", "您的投诉已受理"):
            assert secret not in output, secret
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND, settings.EMAIL_HOST)"
    result = _production_mail(code, EMAIL_URL="smtp://mail.example.gov.cn:587/?tls=1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.gov.cn",
    ]

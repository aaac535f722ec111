"""The image and compose file, checked without Docker: base image pinned by digest, the audio
captcha's and PDF's packages, code not writable by the runtime user, gunicorn trusting only
FORWARDED_ALLOW_IPS, Elasticsearch optional, a worker and a scheduler service."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def test_base_image_is_pinned_by_digest():
    arg = re.search(r"^ARG PYTHON_IMAGE=(\S+)$", DOCKERFILE, re.M)
    assert arg and re.fullmatch(r"python:3\.11-slim@sha256:[0-9a-f]{64}", arg.group(1))
    assert re.search(r"^FROM \$\{PYTHON_IMAGE\}$", DOCKERFILE, re.M)


def test_image_installs_espeak_and_the_cjk_fonts():
    install = re.search(r"apt-get install[^\n]*", DOCKERFILE).group(0)
    assert "espeak-ng" in install and "fonts-noto-cjk" in install


def test_code_is_not_owned_by_the_runtime_user():
    copies = re.findall(r"^COPY .*$", DOCKERFILE, re.M)
    assert copies and not any("--chown" in line for line in copies)
    assert re.search(r"^USER portal$", DOCKERFILE, re.M)
    assert "chown -R" not in DOCKERFILE
    assert "chown portal:portal /app/media" in DOCKERFILE


def test_gunicorn_trusts_only_the_configured_proxy(monkeypatch):
    source = (ROOT / "gunicorn.conf.py").read_text()
    assert 'forwarded_allow_ips = "*"' not in source
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.5")
    namespace = {}
    exec(compile(source, "gunicorn.conf.py", "exec"), namespace)
    assert namespace["forwarded_allow_ips"] == "10.0.0.5"
    monkeypatch.delenv("FORWARDED_ALLOW_IPS")
    namespace = {}
    exec(compile(source, "gunicorn.conf.py", "exec"), namespace)
    assert namespace["forwarded_allow_ips"] == "127.0.0.1,::1"


def test_elasticsearch_is_an_optional_profile():
    assert SERVICES["elasticsearch"]["profiles"] == ["elasticsearch"]
    for name in ("web", "worker", "scheduler", "release"):
        assert "elasticsearch" not in SERVICES[name].get("depends_on", {})


def test_worker_and_scheduler_run_from_the_image():
    assert SERVICES["worker"]["command"] == ["python", "manage.py", "run_worker"]
    assert SERVICES["scheduler"]["command"] == ["python", "manage.py", "run_scheduler"]
    for name in ("web", "worker", "scheduler"):
        assert SERVICES[name]["build"] == "."
        assert "media:/app/media" in SERVICES[name]["volumes"]

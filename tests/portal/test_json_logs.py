"""LOG_FORMAT=json: one JSON object a line, with the request's id, personal data still masked."""

import importlib.util
import io
import json
import logging
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

import portal.settings
from portal.logs import JsonFormatter, PersonalDataFilter, RequestIdFilter


@pytest.fixture
def captured():
    """A handler configured as LOGGING configures the console with LOG_FORMAT=json."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(PersonalDataFilter())
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger("django.request"), logging.getLogger("portal.test")]
    saved = [(lg, lg.level, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.INFO)
        lg.propagate = False
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for lg, level, propagate in saved:
        lg.removeHandler(handler)
        lg.setLevel(level)
        lg.propagate = propagate


def test_each_record_is_one_json_line_with_personal_data_masked(captured):
    logger = logging.getLogger("portal.test")
    logger.info("投诉人 %s 的电话 %s", "张三", "13812345678")
    try:
        raise ValueError("邮箱 zhangsan@example.com 无效")
    except ValueError:
        logger.exception("发送失败")
    first, second = captured()
    assert first["level"] == "INFO" and first["logger"] == "portal.test"
    assert "13812345678" not in first["message"] and first["request_id"] == ""
    assert first["time"].endswith("+00:00")
    assert "ValueError" in second["exception"]
    assert "zhangsan@example.com" not in second["exception"]


@pytest.mark.django_db
def test_lines_written_while_serving_a_request_carry_its_id(client, captured):
    response = client.get("/no-such-page/?phone=13812345678", HTTP_X_REQUEST_ID="lb-7f3a-01")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "lb-7f3a-01"
    (line,) = [entry for entry in captured() if entry["logger"] == "django.request"]
    assert line["request_id"] == "lb-7f3a-01"
    assert "13812345678" not in json.dumps(line)


@pytest.mark.django_db
def test_an_implausible_request_id_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert response["X-Request-ID"] != "<script>alert(1)</script>"
    assert len(response["X-Request-ID"]) == 32


def load_base_settings():
    """A fresh copy of portal.settings.base, read with the current environment."""
    spec = importlib.util.spec_from_file_location(
        "portal.settings._log_format_check", Path(portal.settings.__file__).with_name("base.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_log_format_setting_picks_the_formatter(monkeypatch):
    monkeypatch.setenv("LOG_FORMAT", "json")
    console = load_base_settings().LOGGING["handlers"]["console"]
    assert console["formatter"] == "json"
    assert console["filters"] == ["personal_data", "request_id"]
    monkeypatch.setenv("LOG_FORMAT", "xml")
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        load_base_settings()

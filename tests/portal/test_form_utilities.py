import uuid
from unittest import mock

import pytest
from captcha.models import CaptchaStore
from django import forms
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import IntegrityError
from django.test import RequestFactory

from portal import captcha as portal_captcha
from portal.captcha import PortalCaptchaField, spoken_challenge
from portal.deidentify import deidentify, mask_name
from portal.idempotency import create_once
from portal.ratelimit import client_ip, hit, is_limited


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def test_rate_limit_allows_up_to_the_limit_then_refuses():
    results = [hit("complaint-ip", "1.2.3.4", limit=3, window=60) for _ in range(5)]
    assert results == [True, True, True, False, False]
    assert is_limited("complaint-ip", "1.2.3.4", limit=3, window=60)
    assert hit("complaint-ip", "5.6.7.8", limit=3, window=60)


def test_rate_limit_cache_keys_never_contain_the_identity():
    hit("complaint-phone", "13812345678", limit=5, window=60)
    keys = list(cache._cache.keys())
    assert keys and not any("13812345678" in key for key in keys)


def test_client_ip_trusts_only_the_configured_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 8.8.8.8"
    )
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "8.8.8.8"


@pytest.mark.django_db
def test_create_once_returns_the_first_row_for_a_repeated_token():
    # Group has a unique name: a stand-in for a model with a unique submission token.
    class Rows:
        objects = Group.objects

    token = uuid.uuid4()
    calls = []

    def create():
        calls.append(1)
        return Group.objects.create(name=str(token))

    with mock.patch.object(Group.objects, "filter", wraps=Group.objects.filter) as filtered:
        filtered.side_effect = lambda **kw: Group.objects.all().filter(
            name=str(kw["submission_token"])
        )
        first, created = create_once(Rows, token=token, create=create)
        again, created_again = create_once(Rows, token=token, create=create)
    assert created and not created_again
    assert first.pk == again.pk and len(calls) == 1


@pytest.mark.django_db
def test_create_once_resolves_a_lost_race_to_the_winner():
    token = uuid.uuid4()
    winner = Group.objects.create(name=str(token))

    class Rows:
        class objects:
            calls = 0

            @classmethod
            def filter(cls, **kwargs):
                cls.calls += 1
                # The first look sees nothing (the race); the second finds the winner.
                return (
                    Group.objects.none() if cls.calls == 1 else Group.objects.filter(pk=winner.pk)
                )

    def create():
        raise IntegrityError("duplicate key value violates unique constraint")

    row, created = create_once(Rows, token=token, create=create)
    assert row == winner and not created


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我的电话是13812345678，请回电", "我的电话是138****5678，请回电"),
        ("座机 0571-86012345", "座机 0571-****"),
        ("身份证号330102199001011234", "身份证号330102************"),
        ("邮箱 zhangsan@example.com", "邮箱 z***@example.com"),
        ("车牌浙A12345被贴罚单", "车牌浙A*****被贴罚单"),
        ("住在人民路128号3幢2单元501室", "住在人民路**号"),
        ("我叫王小明，在窗口排队", "我叫王某某，在窗口排队"),
        ("窗口工作人员态度很差", "窗口工作人员态度很差"),
    ],
)
def test_deidentify_masks_personal_data(text, expected):
    assert deidentify(text) == expected


def test_deidentify_masks_known_names_everywhere():
    text = "张三反映，张三的材料被退回三次。"
    assert deidentify(text, names=["张三"]) == "张某反映，张某的材料被退回三次。"
    assert mask_name("欧阳娜娜") == "欧某某某"
    assert deidentify("") == ""


def test_spoken_challenge_is_mandarin():
    assert spoken_challenge("3*5=") == "请计算：3 乘以 5，等于多少？"
    assert spoken_challenge("9-2=") == "请计算：9 减 2，等于多少？"


class CaptchaForm(forms.Form):
    captcha = PortalCaptchaField()


@pytest.mark.django_db
def test_captcha_renders_chinese_alt_text_and_help(settings):
    html = str(CaptchaForm()["captcha"])
    assert "验证码图片" in html
    assert 'aria-describedby="id_captcha_help"' in html
    assert 'autocomplete="off"' in html


@pytest.mark.django_db
def test_captcha_wrong_answer_has_a_chinese_error(settings):
    settings.CAPTCHA_TEST_MODE = False
    from captcha.conf import settings as captcha_settings

    with mock.patch.object(captcha_settings, "CAPTCHA_TEST_MODE", False):
        key = CaptchaStore.generate_key()
        form = CaptchaForm({"captcha_0": key, "captcha_1": "wrong"})
        assert not form.is_valid()
    assert "验证码不正确或已过期" in form.errors["captcha"][0]


@pytest.mark.django_db
def test_captcha_audio_is_spoken_when_espeak_is_installed(client):
    key = CaptchaStore.generate_key()
    with (
        mock.patch.object(portal_captcha, "espeak_path", return_value="/usr/bin/espeak-ng"),
        mock.patch.object(
            portal_captcha.subprocess,
            "run",
            return_value=mock.Mock(returncode=0, stdout=b"RIFF....WAVE"),
        ) as run,
    ):
        response = client.get(f"/captcha/audio/{key}.wav")
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    spoken = run.call_args.args[0][-1]
    assert spoken.startswith("请计算：")
    assert "-v" in run.call_args.args[0] and "cmn" in run.call_args.args[0]


@pytest.mark.django_db
def test_captcha_audio_is_404_without_espeak_or_for_an_unknown_key(client):
    key = CaptchaStore.generate_key()
    with mock.patch.object(portal_captcha, "espeak_path", return_value=None):
        assert client.get(f"/captcha/audio/{key}.wav").status_code == 404
    assert client.get("/captcha/audio/nope.wav").status_code == 404

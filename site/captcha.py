"""The captcha every public form uses: a Chinese label and errors, a meaningful alt text, and a
Mandarin audio version (spoken by espeak-ng where it is installed) for people who cannot see it."""

import shutil
import subprocess

from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

OPERATORS = {"+": "加", "-": "减", "*": "乘以", "×": "乘以"}


def espeak_path():
    return shutil.which("espeak-ng")


def spoken_challenge(challenge):
    """'3*5=' → '3 乘以 5 等于多少': the challenge as a Mandarin sentence."""
    text = challenge.rstrip("=").strip()
    for symbol, word in OPERATORS.items():
        text = text.replace(symbol, f" {word} ")
    return f"请计算：{' '.join(text.split())}，等于多少？"


class PortalCaptchaInput(CaptchaTextInput):
    template_name = "includes/captcha_widget.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["mandarin_audio"] = (
            reverse("captcha_audio", args=[self._key]) if espeak_path() else ""
        )
        help_id = f"{attrs.get('id') or name}_help"
        context["help_id"] = help_id
        answer = context["widget"]["subwidgets"][-1]
        answer["attrs"].update(
            {"aria-describedby": help_id, "autocomplete": "off", "inputmode": "numeric"}
        )
        return context


class PortalCaptchaField(CaptchaField):
    """django-simple-captcha's field with the portal's widget and Chinese messages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("验证码"))
        kwargs.setdefault("widget", PortalCaptchaInput())
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": _("验证码不正确或已过期，请按新的图片重新计算并填写。"),
                "required": _("请填写验证码。"),
                "incomplete": _("请填写验证码。"),
            },
        )
        super().__init__(*args, **kwargs)


@never_cache
def captcha_audio(request, key):
    """The challenge of captcha `key`, spoken in Mandarin as a WAV file."""
    store = CaptchaStore.objects.filter(hashkey=key, expiration__gt=timezone.now()).first()
    espeak = espeak_path()
    if store is None or espeak is None:
        raise Http404("验证码已过期")
    result = subprocess.run(
        [espeak, "-v", "cmn", "-s", "120", "--stdout", spoken_challenge(store.challenge)],
        capture_output=True,
        timeout=10,
        check=False,
    )
    if result.returncode != 0 or not result.stdout:
        raise Http404("语音验证码暂不可用")
    response = HttpResponse(result.stdout, content_type="audio/wav")
    response["Content-Disposition"] = 'inline; filename="captcha.wav"'
    return response

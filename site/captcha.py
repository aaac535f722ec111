"""The captcha every public form uses: a Chinese label and errors, a meaningful alt text, and a
Mandarin audio version (spoken by espeak-ng where it is installed) for people who cannot see it."""

import shutil
import subprocess

from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore
from captcha.views import captcha_image as library_captcha_image
from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

HIDDEN_INPUT_FORBIDDEN = {"required", "autocomplete", "inputmode", "placeholder", "maxlength"}
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
        *hidden, answer = context["widget"]["subwidgets"]
        # The form's required/aria-*/autocomplete attributes belong on the answer box only: the
        # HTML standard does not allow them on an input type=hidden (the Nu checker reports them).
        for subwidget in hidden:
            subwidget["attrs"] = {
                key: value
                for key, value in subwidget["attrs"].items()
                if key not in HIDDEN_INPUT_FORBIDDEN and not key.startswith("aria-")
            }
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


def captcha_image(request, key, scale=1):
    """django-simple-captcha's image with a cache policy: its drawing never changes for a key
    (the library seeds it with the key), so the one visitor it was made for may keep it for
    the key's lifetime; shared caches may not."""
    response = library_captcha_image(request, key, scale=scale)
    if response.status_code == 200:
        patch_cache_control(response, private=True, max_age=settings.CAPTCHA_TIMEOUT * 60)
    else:
        add_never_cache_headers(response)
    return response


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

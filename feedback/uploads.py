"""Attachments a citizen sends with a complaint: recognised by their content (never their name),
limited in size and number, and images re-encoded so that no EXIF or GPS data is kept."""

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
# Larger photos are scaled down: handlers need to read them, not print posters.
MAX_IMAGE_EDGE = 4096
# Refuse before decoding anything bigger (decompression bombs).
MAX_IMAGE_PIXELS = 60_000_000

EXTENSIONS = {
    "jpeg": {".jpg", ".jpeg", ".jpe", ".jfif"},
    "png": {".png"},
    "pdf": {".pdf"},
}
KIND_NAMES = {"jpeg": "JPEG 图片", "png": "PNG 图片", "pdf": "PDF 文件"}
# Active content a complaint attachment has no business carrying. A best-effort check on the
# raw bytes: names inside compressed object streams are not seen, which is why handlers get
# attachments as downloads, never rendered in the site's origin.
PDF_ACTIVE_CONTENT = re.compile(rb"/(?:JavaScript|JS\s*[(<\[]|Launch|EmbeddedFile)")


@dataclass(frozen=True)
class CleanUpload:
    """An attachment that passed every check, with the bytes that will be stored."""

    kind: str
    content: bytes
    original_name: str


def sniff(head):
    """The kind of file that `head` (its first bytes) starts, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"%PDF-"):
        return "pdf"
    return None


def safe_name(name):
    """The file's base name without control characters, at most 100 characters."""
    base = PurePath(str(name or "").replace("\\", "/")).name
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return base[-100:]


def _reencode(content, kind, name):
    try:
        with Image.open(io.BytesIO(content)) as probe:
            width, height = probe.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("图片“%(name)s”尺寸过大（超过 6000 万像素），请缩小后再上传。")
                    % {"name": name}
                )
            probe.verify()
        with Image.open(io.BytesIO(content)) as image:
            if kind == "jpeg":
                # Decode at a reduced scale where the format allows it: less memory.
                image.draft("RGB", (MAX_IMAGE_EDGE, MAX_IMAGE_EDGE))
            image.load()
            # Apply the camera's orientation, since the EXIF that carried it is dropped.
            image = ImageOps.exif_transpose(image)
            image.thumbnail((MAX_IMAGE_EDGE, MAX_IMAGE_EDGE))
            output = io.BytesIO()
            if kind == "jpeg":
                if image.mode not in ("RGB", "L"):
                    image = image.convert("RGB")
                clean = image.copy()
                clean.info = {}
                clean.save(output, format="JPEG", quality=85, optimize=True)
            else:
                if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    image = image.convert("RGBA")
                clean = image.copy()
                # Drop every ancillary chunk (text, EXIF, ICC, timestamps); keep transparency.
                transparency = image.info.get("transparency")
                clean.info = {}
                options = {"transparency": transparency} if transparency is not None else {}
                clean.save(output, format="PNG", optimize=True, **options)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("图片“%(name)s”已损坏或无法识别，请重新拍摄或另存后上传。") % {"name": name}
        ) from None
    return output.getvalue()


def clean_upload(uploaded):
    """Check one uploaded file and return it as a CleanUpload, or raise a Chinese error."""
    name = safe_name(uploaded.name) or _("未命名文件")
    if uploaded.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("文件“%(name)s”超过 5 MB，请压缩或缩小后再上传。") % {"name": name})
    if uploaded.size == 0:
        raise ValidationError(_("文件“%(name)s”是空文件。") % {"name": name})
    uploaded.seek(0)
    content = uploaded.read(MAX_ATTACHMENT_BYTES + 1)
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("文件“%(name)s”超过 5 MB，请压缩或缩小后再上传。") % {"name": name})
    kind = sniff(content[:16])
    if kind is None:
        raise ValidationError(
            _(
                "文件“%(name)s”不是 JPEG、PNG 图片或 PDF 文件（按文件内容判断）。"
                "只能上传这三种格式。"
            )
            % {"name": name}
        )
    extension = PurePath(name).suffix.lower()
    if extension not in EXTENSIONS[kind]:
        raise ValidationError(
            _(
                "文件“%(name)s”的扩展名与内容不符：内容是%(kind)s。"
                "请不要修改文件扩展名，按原格式上传。"
            )
            % {"name": name, "kind": KIND_NAMES[kind]}
        )
    if kind == "pdf":
        if PDF_ACTIVE_CONTENT.search(content):
            raise ValidationError(
                _(
                    "PDF 文件“%(name)s”含有脚本、自动操作或嵌入文件，不能上传。"
                    "请用“打印为 PDF”另存后再上传。"
                )
                % {"name": name}
            )
    else:
        content = _reencode(content, kind, name)
    return CleanUpload(kind=kind, content=content, original_name=name)

"""Attachments a citizen sends with a complaint: recognised by their content (never their name),
limited in size and number, images re-encoded so that no EXIF or GPS data is kept, and PDFs
refused when they carry scripts, automatic actions, embedded files or HTML."""

import io
import logging
import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

logger = logging.getLogger(__name__)

MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
# Larger photos are scaled down: handlers need to read them, not print posters.
MAX_IMAGE_EDGE = 4096
# Refuse before decoding anything bigger (decompression bombs): the editors' image library's
# bound (WAGTAILIMAGES_MAX_IMAGE_PIXELS). Pillow itself refuses to open twice that, wherever an
# image is opened in this process.
MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

EXTENSIONS = {
    "jpeg": {".jpg", ".jpeg", ".jpe", ".jfif"},
    "png": {".png"},
    "pdf": {".pdf"},
}
KIND_NAMES = {"jpeg": "JPEG 图片", "png": "PNG 图片", "pdf": "PDF 文件"}
# Names a complaint attachment has no business carrying: scripts, programs, forms that send
# data, embedded files and media. Compared after decoding #xx escapes (/J#61vaScript).
PDF_ACTIVE_NAMES = frozenset(
    {
        "JavaScript",
        "JS",
        "Launch",
        "SubmitForm",
        "ImportData",
        "EmbeddedFile",
        "EmbeddedFiles",
        "EF",
        "RichMedia",
        "RichMediaExecute",
        "RichMediaContent",
        "XFA",
        "FileAttachment",
    }
)
PDF_NAME = re.compile(rb"/([^\x00\t\n\x0c\r ()<>\[\]{}/%]*)")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# What a browser sniffing the file would take for a web page, anywhere in the raw bytes (a PDF
# that is also HTML runs its script wherever it is rendered as HTML).
HTML_MARKERS = re.compile(
    rb"<(?:script|html|!doctype\s+html|iframe|svg|body|object|embed|meta|xml-stylesheet)[\s>/]",
    re.IGNORECASE,
)
# A complaint attachment of at most 5 MB has far fewer objects; more is a parser bomb.
MAX_PDF_OBJECTS = 100_000
CONTAINERS = (IndirectObject, DictionaryObject, ArrayObject)


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
    too_big = ValidationError(
        _("图片“%(name)s”尺寸过大（超过 %(limit)s 万像素），请缩小后再上传。")
        % {"name": name, "limit": MAX_IMAGE_PIXELS // 10_000}
    )
    try:
        # Opening reads only the header; the size is checked here before anything is decoded.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as probe:
                width, height = probe.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise too_big
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
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise too_big from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("图片“%(name)s”已损坏或无法识别，请重新拍摄或另存后上传。") % {"name": name}
        ) from None
    return output.getvalue()


def _pdf_names(content):
    """Every name written in the raw bytes, with its #xx escapes decoded."""
    for match in PDF_NAME.finditer(content):
        raw = match.group(1)
        if b"#" in raw:
            raw = PDF_NAME_ESCAPE.sub(lambda escape: bytes([int(escape.group(1), 16)]), raw)
        yield raw.decode("latin-1")


def _pdf_problem(reader):
    """Why the parsed PDF may not be stored ("active" or "too complex"), or None.

    Walks every object reachable from the trailer (object streams included): no action that
    runs a script, a program or sends data, no embedded file or media anywhere, and the
    document-open and additional actions (/OpenAction, /AA) may only go to a page."""
    seen, stack, visited = set(), [reader.trailer], 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            reference = (node.idnum, node.generation)
            if reference in seen:
                continue
            seen.add(reference)
            node = node.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            return "too complex"
        if isinstance(node, DictionaryObject):
            kinds = {
                str(node[key]).lstrip("/") for key in ("/S", "/Type", "/Subtype") if key in node
            }
            if not kinds.isdisjoint(PDF_ACTIVE_NAMES) or any(
                key[1:] in PDF_ACTIVE_NAMES for key in node
            ):
                return "active"
            for trigger in ("/OpenAction", "/AA"):
                if trigger in node and not _only_goes_to_pages(node[trigger], trigger == "/AA"):
                    return "active"
            stack.extend(value for value in node.values() if isinstance(value, CONTAINERS))
        elif isinstance(node, ArrayObject):
            stack.extend(value for value in node if isinstance(value, CONTAINERS))
    return None


def _only_goes_to_pages(trigger, additional):
    """Whether an automatic action (or, for /AA, each one of them) only shows a page."""
    trigger = trigger.get_object()
    actions = list(trigger.values()) if additional and isinstance(trigger, DictionaryObject) else []
    if not additional:
        if isinstance(trigger, ArrayObject):  # a destination: open at this page
            return True
        actions = [trigger]
    for _step in range(100):  # an action's /Next chain, bounded
        if not actions:
            return True
        action = actions.pop().get_object()
        if (
            not isinstance(action, DictionaryObject)
            or "/S" not in action
            or action["/S"] != "/GoTo"
        ):
            return False
        following = action.get("/Next")
        if following is not None:
            following = following.get_object()
            actions.extend(following if isinstance(following, ArrayObject) else [following])
    return False


def check_pdf(content, name):
    """Refuse, with a Chinese reason, a PDF that is also a web page, carries active content
    or cannot be parsed. Checked twice: names in the raw bytes (escapes decoded) and every
    object as pypdf parses it (names hidden in compressed object streams included)."""
    active = ValidationError(
        _(
            "PDF 文件“%(name)s”含有脚本、自动操作或嵌入文件，不能上传。"
            "请用“打印为 PDF”另存后再上传。"
        )
        % {"name": name}
    )
    if any(found in PDF_ACTIVE_NAMES for found in _pdf_names(content)):
        raise active
    if HTML_MARKERS.search(content):
        raise ValidationError(
            _("文件“%(name)s”同时含有网页代码，不能上传。请用“打印为 PDF”另存后再上传。")
            % {"name": name}
        )
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("PDF 文件“%(name)s”设有密码，请取消密码后再上传。") % {"name": name}
            )
        problem = _pdf_problem(reader)
    except ValidationError:
        raise
    except Exception as error:  # any parser failure on hostile input is a refusal
        logger.info("Unparsable PDF attachment refused: %s", type(error).__name__)
        problem = "unparsable"
    if problem == "active":
        raise active
    if problem:
        raise ValidationError(
            _("PDF 文件“%(name)s”已损坏或无法识别，请重新导出或扫描后上传。") % {"name": name}
        )


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
        check_pdf(content, name)
    else:
        content = _reencode(content, kind, name)
    return CleanUpload(kind=kind, content=content, original_name=name)

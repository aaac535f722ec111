"""Complaint attachments and the editors' images are checked by content: PDFs that run
anything, open anything by themselves or are also web pages are refused (escaped names and
compressed object streams included), and oversized images are refused before decoding."""

import io
import time
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from wagtail.images import get_image_model

from feedback.factories import ComplaintFormPageFactory
from feedback.models import Complaint
from feedback.uploads import check_pdf
from tests.feedback.conftest import form_data
from tests.utils import minimal_pdf

from .conftest import HTTPS

ACTIVE = "含有脚本、自动操作或嵌入文件"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R %s>>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] %s>>"


def build_pdf(objects, packed=None):
    """A PDF of `objects` ({number: body}); `packed` bodies go into a compressed object stream
    indexed by an xref stream, where only a PDF parser sees them."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    if not packed:
        size = max(offsets) + 1
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        out += b"".join(b"%010d 00000 n \n" % offsets[number] for number in range(1, size))
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
        return bytes(out)
    stream_number = max([*objects, *packed]) + 1
    header = bodies = b""
    for number, body in sorted(packed.items()):
        header += b"%d %d " % (number, len(bodies))
        bodies += body + b" "
    data = zlib.compress(header + bodies)
    offsets[stream_number] = len(out)
    out += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\n" % (
        stream_number,
        len(packed),
        len(header),
        len(data),
    )
    out += b"stream\n" + data + b"\nendstream\nendobj\n"
    xref_number = stream_number + 1
    offsets[xref_number] = len(out)
    rows = b"\x00\x00\x00\x00\x00\xff\xff"
    for number in range(1, xref_number + 1):
        if number in offsets:
            rows += b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00"
        else:
            index = sorted(packed).index(number)
            rows += b"\x02" + stream_number.to_bytes(4, "big") + index.to_bytes(2, "big")
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\n" % (
        xref_number,
        xref_number + 1,
        len(rows),
    )
    out += b"stream\n" + rows + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[xref_number]
    return bytes(out)


def pdf(catalog=b"", page=b"", extra=None, packed=None):
    objects = {1: CATALOG % catalog, 2: PAGES, 3: PAGE % page, **(extra or {})}
    return build_pdf(objects, packed)


def refusal(content):
    with pytest.raises(ValidationError) as error:
        check_pdf(content, "证明.pdf")
    return error.value.messages[0]


@pytest.mark.parametrize(
    "content",
    [
        # Name escapes: /J#61vaScript is /JavaScript, /J#53 is /JS.
        pdf(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> "),
        pdf(b"/OpenAction << /S /#4C#61unch /F (cmd.exe) >> "),
        # Opening the file visits a web address by itself.
        pdf(b"/OpenAction << /S /URI /URI (https://evil.example/track) >> "),
        pdf(b"/OpenAction 4 0 R ", extra={4: b"<< /S /URI /URI (https://evil.example/) >>"}),
        # A page's additional action, and a chain that ends in a web address.
        pdf(page=b"/AA << /O << /S /URI /URI (https://evil.example/) >> >> "),
        pdf(
            b"/OpenAction << /S /GoTo /D [3 0 R /Fit] "
            b"/Next << /S /URI /URI (https://evil.example/) >> >> "
        ),
        pdf(b"/AA << /WC << /S /Named /N /Print >> >> "),
        # Hidden in a compressed object stream: only a parser sees these.
        pdf(b"/OpenAction 4 0 R ", packed={4: b"<< /S /JavaScript /JS (app.alert(1)) >>"}),
        pdf(b"/OpenAction 4 0 R ", packed={4: b"<< /S /Launch /F (calc.exe) >>"}),
        pdf(b"/Names 4 0 R ", packed={4: b"<< /JavaScript << /Names [(a) 5 0 R] >> >>", 5: b"1"}),
        pdf(b"/Names 4 0 R ", packed={4: b"<< /EmbeddedFiles << /Names [] >> >>"}),
        pdf(
            page=b"/Annots [4 0 R] ", packed={4: b"<< /Subtype /Widget /A << /S /SubmitForm >> >>"}
        ),
    ],
)
def test_pdfs_that_act_by_themselves_are_refused(content):
    assert ACTIVE in refusal(content)


def test_a_pdf_that_is_also_a_web_page_is_refused():
    polyglot = pdf(
        extra={4: b"(<html><body><script>alert(document.cookie)</script></body></html>)"}
    )
    assert "同时含有网页代码" in refusal(polyglot)
    assert "同时含有网页代码" in refusal(minimal_pdf() + b"<SVG onload=alert(1)>")


@pytest.mark.parametrize(
    "content",
    [
        minimal_pdf(),
        # Open at the first page, fitted: a destination, not an action.
        pdf(b"/OpenAction [3 0 R /Fit] "),
        pdf(b"/OpenAction << /S /GoTo /D [3 0 R /FitH 200] >> "),
        # A link the reader chooses to follow is not an automatic action.
        pdf(
            page=b"/Annots [4 0 R] ",
            packed={
                4: b"<< /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (https://x.cn) >> >>"
            },
        ),
    ],
)
def test_ordinary_pdfs_are_accepted(content):
    check_pdf(content, "证明.pdf")


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4\nnot a pdf at all", b"%PDF-1.7\n" + zlib.compress(b"x" * 1000), b"%PDF-"],
)
def test_an_unparsable_pdf_is_refused_in_chinese(content):
    assert "已损坏或无法识别" in refusal(content)


@given(st.binary(max_size=400))
def test_any_bytes_after_the_pdf_header_are_refused_or_accepted_never_crash(tail):
    try:
        check_pdf(b"%PDF-1.4\n" + tail, "x.pdf")
    except ValidationError as error:
        assert error.messages[0].startswith(("PDF 文件", "文件"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (pdf(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> "), ACTIVE),
        (pdf(b"/OpenAction << /S /URI /URI (https://evil.example/) >> "), ACTIVE),
        (pdf(extra={4: b"(<script>alert(1)</script>)"}), "同时含有网页代码"),
    ],
)
def test_the_complaint_form_refuses_active_pdfs(client, home, content, message):
    page = ComplaintFormPageFactory(parent=home)
    page.save_revision().publish()
    page.refresh_from_db()
    response = client.post(
        page.url, {**form_data(), "attachments": SimpleUploadedFile("证明.pdf", content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Complaint.objects.exists()


def big_png(side):
    """A one-bit PNG of side x side pixels: a few hundred KB that decode to tens of MB."""
    output = io.BytesIO()
    Image.new("1", (side, side)).save(output, format="PNG")
    return output.getvalue()


@pytest.mark.django_db
def test_the_complaint_form_refuses_a_45_megapixel_png_before_decoding(client, home):
    page = ComplaintFormPageFactory(parent=home)
    page.save_revision().publish()
    page.refresh_from_db()
    content = big_png(6700)  # 44.9 megapixels
    started = time.monotonic()
    response = client.post(
        page.url, {**form_data(), "attachments": SimpleUploadedFile("现场.png", content)}
    )
    assert time.monotonic() - started < 2
    assert "尺寸过大（超过 4000 万像素）" in response.content.decode()
    assert not Complaint.objects.exists()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_the_image_library_refuses_a_45_megapixel_png(production, admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "现场照片", "file": SimpleUploadedFile("photo.png", big_png(6700))},
        **HTTPS,
    )
    assert response.status_code == 200
    assert "像素数量上限为 40000000" in response.content.decode()
    assert not get_image_model().objects.exists()

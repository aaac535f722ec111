"""Attachments are recognised by content, limited, and images lose their EXIF/GPS data."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from feedback.uploads import MAX_ATTACHMENT_BYTES, clean_upload, sniff
from tests.utils import minimal_pdf

GPS_IFD = 0x8825


def jpeg_with_gps(size=(64, 48)):
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0132] = "2026:11:20 09:30:00"  # DateTime
    exif[GPS_IFD] = {1: "N", 2: (30.0, 15.0, 0.0), 3: "E", 4: (120.0, 10.0, 0.0)}
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif, comment=b"taken at home")
    return output.getvalue()


def png_with_text():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Zhang San 13812345678")
    output = io.BytesIO()
    Image.new("RGBA", (32, 32), (0, 0, 255, 128)).save(output, format="PNG", pnginfo=info)
    return output.getvalue()


PDF = minimal_pdf()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_sniff_recognises_the_three_formats_by_their_first_bytes():
    assert sniff(jpeg_with_gps()[:16]) == "jpeg"
    assert sniff(png_with_text()[:16]) == "png"
    assert sniff(PDF[:16]) == "pdf"
    assert sniff(b"<svg xmlns=") is None
    assert sniff(b"GIF89a") is None


def test_jpeg_is_reencoded_without_exif_gps_or_comment():
    original = jpeg_with_gps()
    with Image.open(io.BytesIO(original)) as check:
        assert check.getexif().get(GPS_IFD)
    cleaned = clean_upload(upload("photo.JPG", original, "image/jpeg"))
    assert cleaned.kind == "jpeg"
    assert cleaned.original_name == "photo.JPG"
    with Image.open(io.BytesIO(cleaned.content)) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
        assert "exif" not in image.info and "comment" not in image.info
        assert image.size == (64, 48)
    assert b"PhoneMaker" not in cleaned.content and b"taken at home" not in cleaned.content


def test_png_is_reencoded_without_text_chunks():
    cleaned = clean_upload(upload("screen.png", png_with_text(), "image/png"))
    assert cleaned.kind == "png"
    assert b"13812345678" not in cleaned.content
    with Image.open(io.BytesIO(cleaned.content)) as image:
        assert image.format == "PNG" and image.mode == "RGBA"


def test_orientation_is_applied_before_exif_is_dropped():
    image = Image.new("RGB", (60, 20), (0, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    cleaned = clean_upload(upload("rotated.jpg", output.getvalue()))
    with Image.open(io.BytesIO(cleaned.content)) as result:
        assert result.size == (20, 60)


def test_pdf_is_kept_as_sent():
    cleaned = clean_upload(upload("证明.pdf", PDF, "application/pdf"))
    assert cleaned.kind == "pdf" and cleaned.content == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fake.jpg", PDF, "扩展名与内容不符"),
        ("image.png", b"\xff\xd8\xff" + jpeg_with_gps()[3:], "扩展名与内容不符"),
        (
            "drawing.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>',
            "不是 JPEG",
        ),
        ("drawing.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "不是 JPEG"),
        ("page.html", b"<html><script>alert(1)</script></html>", "不是 JPEG"),
        ("empty.pdf", b"", "空文件"),
        ("broken.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "已损坏"),
        (
            "macro.pdf",
            b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>",
            "含有脚本",
        ),
        ("noext", PDF, "扩展名与内容不符"),
    ],
)
def test_bad_files_are_refused_with_a_chinese_reason(name, content, message):
    with pytest.raises(ValidationError) as error:
        clean_upload(upload(name, content))
    assert message in error.value.messages[0]


def test_a_file_over_5_mb_is_refused():
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (6 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        clean_upload(big)
    assert "超过 5 MB" in error.value.messages[0]


def test_a_file_of_exactly_5_mb_is_accepted():
    content = PDF + b"\n" * (MAX_ATTACHMENT_BYTES - len(PDF))
    assert len(content) == MAX_ATTACHMENT_BYTES
    assert clean_upload(upload("exact.pdf", content)).kind == "pdf"


def test_file_names_lose_paths_and_control_characters():
    cleaned = clean_upload(upload("C:\\Users\\张三\\证明\x07.pdf", PDF))
    assert cleaned.original_name == "证明.pdf"


def test_an_image_with_too_many_pixels_is_refused_before_decoding():
    output = io.BytesIO()
    Image.new("1", (8000, 8000)).save(output, format="PNG")
    assert len(output.getvalue()) < MAX_ATTACHMENT_BYTES
    with pytest.raises(ValidationError) as error:
        clean_upload(upload("huge.png", output.getvalue()))
    assert "尺寸过大" in error.value.messages[0]

"""Uploaded files never run in the site's origin: documents are downloads whatever their type,
images are never SVG, and complaint attachments refuse SVG and HTML."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from feedback.factories import ComplaintFormPageFactory
from feedback.models import Complaint

from .conftest import HTTPS

pytestmark = pytest.mark.django_db

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.cookie)</script></svg>"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("guide.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"),
        ("notice.txt", "关于调整收费标准的说明".encode()),
        ("page.csv", b"<script>alert(1)</script>,x\n"),
        ("table.xlsx", b"PK\x03\x04not-really-a-workbook"),
    ],
)
def test_documents_are_served_as_attachments(client, production, name, content):
    document = get_document_model().objects.create(
        title="示例文件", file=ContentFile(content, name=name)
    )
    response = client.get(document.url, **HTTPS)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_document_upload_refuses_html_and_svg(production, admin_client):
    for name, content in (("page.html", HTML), ("drawing.svg", SVG)):
        response = admin_client.post(
            "/admin/documents/add/",
            {"title": "恶意文件", "file": SimpleUploadedFile(name, content)},
            **HTTPS,
        )
        assert response.status_code == 200, name
        assert not get_document_model().objects.exists()


def _png():
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(output, format="PNG")
    return output.getvalue()


def test_image_form_refuses_svg_and_accepts_png(production):
    form_class = get_image_form(get_image_model())
    svg_form = form_class(
        data={"title": "图标"},
        files={"file": SimpleUploadedFile("icon.svg", SVG, content_type="image/svg+xml")},
    )
    assert not svg_form.is_valid()
    assert "file" in svg_form.errors
    png_form = form_class(
        data={"title": "图标"},
        files={"file": SimpleUploadedFile("icon.png", _png(), content_type="image/png")},
    )
    assert png_form.is_valid(), png_form.errors


def test_admin_image_upload_refuses_svg(production, admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "图标", "file": SimpleUploadedFile("icon.svg", SVG)},
        **HTTPS,
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("photo.svg", SVG),
        ("scan.html", HTML),
        ("scan.pdf", HTML),  # the name lies: the content decides
        ("photo.png", SVG),
    ],
)
def test_complaint_attachment_refuses_svg_and_html(client, home, name, content):
    page = ComplaintFormPageFactory(parent=home)
    page.save_revision().publish()
    page.refresh_from_db()
    response = client.post(
        page.url,
        {
            "category": "service_attitude",
            "subject": "窗口人员态度生硬",
            "description": "在政务服务中心二楼窗口办理营业执照变更时，工作人员一直低头看手机。",
            "name": "张三",
            "phone": "13812345678",
            "captcha_0": "abc",
            "captcha_1": "PASSED",
            "attachments": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 200
    assert "只能上传这三种格式" in response.content.decode()
    assert not Complaint.objects.exists()

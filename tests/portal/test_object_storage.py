"""Media on S3-compatible storage (AWS_STORAGE_BUCKET_NAME), against moto's S3 server on a free
local port: uploads private with signed URLs, documents still served by Django as attachments,
renditions under their own public prefix."""

import socket

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from moto.server import ThreadedMotoServer
from wagtail.documents.models import Document

BUCKET = "portal-media"
pytestmark = pytest.mark.django_db


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = s3_server
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_QUERYSTRING_EXPIRE = 300
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "portal.storage.PrivateMediaStorage"},
        "renditions": {"BACKEND": "portal.storage.RenditionStorage"},
    }
    settings.WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_uploads_are_private_objects_with_signed_expiring_urls(s3):
    name = default_storage.save("complaints/2026/12/附件.jpg", ContentFile(b"\xff\xd8jpeg"))
    key = f"media/{name}"
    assert s3.get_object(Bucket=BUCKET, Key=key)["Body"].read() == b"\xff\xd8jpeg"
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert all("URI" not in grant["Grantee"] for grant in grants)  # no AllUsers grant
    url = default_storage.url(name)
    assert "Signature=" in url or "X-Amz-Signature=" in url
    assert "Expires=" in url or "X-Amz-Expires=300" in url


def test_documents_are_streamed_by_django_as_attachments(client, s3):
    document = Document.objects.create(
        title="通知", file=ContentFile(b"%PDF-1.4 notice", name="通知.pdf")
    )
    assert s3.get_object(Bucket=BUCKET, Key=f"media/{document.file.name}")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 notice"


def test_renditions_have_plain_urls_under_their_own_prefix(s3):
    storage = storages["renditions"]
    name = storage.save("images/photo.width-400.jpg", ContentFile(b"\xff\xd8jpeg"))
    url = storage.url(name)
    assert "/renditions/images/" in url
    assert "Signature" not in url
    assert s3.get_object(Bucket=BUCKET, Key=f"renditions/{name}")

"""Dead internal links and missing attachments: found in rich text, StreamField and inline rows."""

import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from disclosure.factories import DisclosureIndexPageFactory, PolicyDocumentPageFactory
from portal.references import BrokenReference, broken_references, broken_references_for

pytestmark = pytest.mark.django_db


def make_document(title="示例附件"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name="attachment.pdf")
    )


def page_link(page):
    return f'<a linktype="page" id="{page.pk}">{page.title}</a>'


def document_link(document):
    return f'<a linktype="document" id="{document.pk}">{document.title}</a>'


@pytest.fixture
def catalogue(home):
    return DisclosureIndexPageFactory(parent=home)


def test_clean_page_has_no_broken_references(home, catalogue):
    target = PolicyDocumentPageFactory(parent=catalogue)
    document = make_document()
    page = PolicyDocumentPageFactory(
        parent=catalogue, body=f"<p>见{page_link(target)}和{document_link(document)}。</p>"
    )
    assert broken_references_for(page) == []
    assert broken_references() == []


def test_link_to_deleted_page_is_reported_with_field_and_target(home, catalogue):
    target = PolicyDocumentPageFactory(parent=catalogue)
    target_id = target.pk
    page = PolicyDocumentPageFactory(parent=catalogue, body=f"<p>{page_link(target)}</p>")
    target.delete()

    [problem] = broken_references_for(page)
    assert problem == BrokenReference(
        source=page,
        field_label="正文",
        target_kind="page",
        target_id=str(target_id),
        reason="链接的页面不存在",
    )
    assert "正文" in problem.message and str(target_id) in problem.message


def test_link_to_unpublished_page_is_reported(home, catalogue):
    draft = PolicyDocumentPageFactory(parent=catalogue, published=False)
    page = PolicyDocumentPageFactory(parent=catalogue, body=f"<p>{page_link(draft)}</p>")

    [problem] = broken_references_for(page)
    assert (problem.target_kind, problem.reason) == ("page", "链接的页面未发布")


def test_link_to_unpublished_then_published_page_is_fine(home, catalogue):
    draft = PolicyDocumentPageFactory(parent=catalogue, published=False)
    page = PolicyDocumentPageFactory(parent=catalogue, body=f"<p>{page_link(draft)}</p>")
    draft.save_revision().publish()
    assert broken_references_for(page) == []


def test_deleted_document_in_rich_text_is_reported(home, catalogue):
    document = make_document()
    document_id = document.pk
    page = PolicyDocumentPageFactory(parent=catalogue, body=f"<p>{document_link(document)}</p>")
    document.delete()

    [problem] = broken_references_for(page)
    assert (problem.target_kind, problem.target_id, problem.reason) == (
        "document",
        str(document_id),
        "附件不存在（已被删除）",
    )


def test_deleted_image_embed_is_reported(home, catalogue):
    image = get_image_model().objects.create(title="示意图", file=get_test_image_file())
    image_id = image.pk
    page = PolicyDocumentPageFactory(
        parent=catalogue,
        body=f'<embed embedtype="image" id="{image_id}" format="fullwidth" alt=""/>',
    )
    assert broken_references_for(page) == []
    image.delete()
    [problem] = broken_references_for(page)
    assert (problem.target_kind, problem.reason) == ("image", "图片不存在（已被删除）")


def test_draft_in_memory_is_checked_not_the_stored_row(home, catalogue):
    """A draft being published is checked as edited, before anything is saved."""
    draft = PolicyDocumentPageFactory(parent=catalogue, published=False)
    page = PolicyDocumentPageFactory(parent=catalogue)
    page.body = f"<p>{page_link(draft)}</p>"
    [problem] = broken_references_for(page)
    assert problem.reason == "链接的页面未发布"
    assert broken_references() == []  # the live content has no such link yet


def test_page_linking_to_itself_is_fine(home, catalogue):
    page = PolicyDocumentPageFactory(parent=catalogue, published=False)
    page.body = f"<p>{page_link(page)}</p>"
    assert broken_references_for(page) == []


def test_streamfield_chooser_pointing_at_deleted_page_is_reported(home, catalogue):
    """The stored JSON still holds the id after Wagtail resolves the chooser to None."""
    target = PolicyDocumentPageFactory(parent=catalogue)
    target_id = target.pk
    home.entry_points = json.dumps(
        [{"type": "entry_point", "value": {"title": "政策文件", "page": target_id}}]
    )
    home.save_revision().publish()
    target.delete()
    home.refresh_from_db()

    [problem] = broken_references(type(home).objects.filter(pk=home.pk))
    assert problem.source == home
    assert problem.field_label == "服务入口 → 入口"
    assert (problem.target_kind, problem.target_id) == ("page", str(target_id))


def test_inline_attachment_rows_are_scanned(home, catalogue):
    from disclosure.models import DisclosureAttachment

    document = make_document()
    page = PolicyDocumentPageFactory(parent=catalogue, published=False)
    page.attachments = [DisclosureAttachment(document=document)]
    assert broken_references_for(page) == []
    # A row pointing at a document id that does not exist (e.g. restored from an old revision).
    page.attachments = [DisclosureAttachment(document_id=document.pk + 1000)]
    [problem] = broken_references_for(page)
    assert problem.field_label == "附件 → 文档"
    assert problem.target_kind == "document"


def test_site_wide_scan_reports_only_live_pages_and_keeps_queries_constant(home, catalogue):
    gone = make_document()
    gone_link = document_link(gone)
    broken_pages = [
        PolicyDocumentPageFactory(parent=catalogue, body=f"<p>{gone_link}</p>") for _ in range(3)
    ]
    PolicyDocumentPageFactory(parent=catalogue, body=f"<p>{gone_link}</p>", published=False)
    gone.delete()

    with CaptureQueriesContext(connection) as few:
        found = broken_references()
    assert sorted(problem.source.pk for problem in found) == sorted(p.pk for p in broken_pages)

    for _ in range(6):
        PolicyDocumentPageFactory(parent=catalogue, body=f"<p>{gone_link}</p>")
    with CaptureQueriesContext(connection) as many:
        assert len(broken_references()) == 9
    assert len(many.captured_queries) == len(few.captured_queries)

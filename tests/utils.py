"""Helpers shared by the tests: the page tree every page test starts from."""

from wagtail.models import Page, Site

from portal.factories import HomePageFactory


def make_home(**kwargs):
    """A live home page under the tree root, served by the default site.

    Wagtail's own first migration leaves a welcome page at the root; bootstrap_site removes it,
    and so does this helper, so that tests see the tree a county site has.
    """
    root = Page.get_first_root_node()
    for page in root.get_children():
        page.delete()
    home = HomePageFactory(parent=root, **kwargs)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


def queries_for(client, url, **params):
    """The number of database queries of one GET of `url`, after a first GET warms the caches
    (site root paths, settings) that every later request finds filled."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url, params).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return len(queries)


def minimal_pdf():
    """A valid one-page PDF (attachments must parse as PDF to be accepted)."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()

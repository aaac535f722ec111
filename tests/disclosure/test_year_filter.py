"""The catalogue's year filter offers only years in which something live was published."""

import datetime
import re

import pytest

from disclosure.factories import PolicyDocumentPageFactory
from disclosure.models import DisclosurePage

pytestmark = pytest.mark.django_db
OPTION = re.compile(r'<option value="(\d{4})"')


def published_on(catalogue, day, **kwargs):
    """A document stamped as published on `day` (stamping uses today's date)."""
    page = PolicyDocumentPageFactory(parent=catalogue, date_written=day, **kwargs)
    DisclosurePage.objects.filter(pk=page.pk).update(date_published=day)
    return page


def year_options(client, **params):
    html = client.get("/disclosure/", params).content.decode()
    select = html[html.index('id="f-year"') : html.index("</select>", html.index('id="f-year"'))]
    return [int(year) for year in OPTION.findall(select)]


def test_year_filter_lists_only_years_with_content(client, catalogue):
    for day in (datetime.date(2024, 3, 1), datetime.date(2026, 5, 1), datetime.date(2026, 9, 1)):
        published_on(catalogue, day)
    draft = published_on(catalogue, datetime.date(2019, 1, 1), published=False)
    assert not draft.live
    assert year_options(client) == [2026, 2024]


def test_a_year_from_the_url_stays_selectable(client, catalogue):
    published_on(catalogue, datetime.date(2026, 5, 1))
    assert year_options(client, year=2021) == [2026, 2021]

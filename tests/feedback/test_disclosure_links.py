"""A complaint can name a service procedure (?procedure=) or a fee item (?fee=): pre-filled
from the link, validated, and ignored without an error when unknown or unpublished."""

import re

import pytest

from disclosure.factories import (
    DisclosureIndexPageFactory,
    FeeSchedulePageFactory,
    ServiceProcedurePageFactory,
)
from feedback.models import Category, Complaint
from tests.feedback.conftest import form_data

pytestmark = pytest.mark.django_db
URL = "/complaints/"


@pytest.fixture
def catalogue(home):
    return DisclosureIndexPageFactory(parent=home)


@pytest.fixture
def procedure(catalogue, transport):
    return ServiceProcedurePageFactory(
        parent=catalogue, title="道路运输经营许可办事指南", issuing_department=transport
    )


@pytest.fixture
def fee_item(catalogue, market):
    schedule = FeeSchedulePageFactory(
        parent=catalogue,
        issuing_department=market,
        items__name="特种设备检验费",
        items__charging_department=market,
    )
    assert schedule.live
    return schedule.items.first()


def selected(html, name):
    match = re.search(rf'<select name="{name}"[^>]*>.*?</select>', html, re.S)
    chosen = re.search(r'<option value="([^"]*)"[^>]*selected', match.group(0))
    return chosen.group(1) if chosen else ""


def hidden(html, name):
    match = re.search(rf'<input type="hidden" name="{name}"(?: value="([^"]*)")?', html)
    return (match.group(1) or "") if match else None


def test_procedure_link_prefills_the_procedure_and_its_department(
    client, complaint_page, procedure, transport
):
    html = client.get(f"{URL}?procedure={procedure.pk}").content.decode()
    assert hidden(html, "procedure") == str(procedure.pk)
    assert selected(html, "department") == str(transport.pk)
    assert "涉及的办事事项" in html and "道路运输经营许可办事指南" in html
    assert procedure.complaint_url == f"/complaints/?procedure={procedure.pk}"


def test_fee_link_prefills_the_fee_item_its_department_and_category(
    client, complaint_page, fee_item, market
):
    html = client.get(f"{URL}?fee={fee_item.pk}").content.decode()
    assert hidden(html, "fee_item") == str(fee_item.pk)
    assert selected(html, "department") == str(market.pk)
    assert selected(html, "category") == Category.ARBITRARY_FEES
    assert "特种设备检验费" in html


def test_submitted_links_are_saved(client, complaint_page, procedure, fee_item):
    client.post(URL, form_data(procedure=str(procedure.pk), fee_item=str(fee_item.pk)))
    complaint = Complaint.objects.get()
    assert complaint.procedure.specific == procedure
    assert complaint.fee_item == fee_item


@pytest.mark.parametrize("query", ["?procedure=abc", "?procedure=999999", "?fee=-1", "?fee=x"])
def test_unknown_ids_are_ignored_without_an_error(client, complaint_page, query):
    response = client.get(URL + query)
    assert response.status_code == 200
    assert "complaint-form__linked" not in response.content.decode()


def test_unpublished_procedure_and_draft_schedule_are_ignored(
    client, complaint_page, catalogue, market
):
    draft = ServiceProcedurePageFactory(parent=catalogue, published=False)
    schedule = FeeSchedulePageFactory(parent=catalogue, published=False)
    item = schedule.items.first()
    html = client.get(f"{URL}?procedure={draft.pk}&fee={item.pk}").content.decode()
    assert hidden(html, "procedure") == "" and hidden(html, "fee_item") == ""
    client.post(URL, form_data(procedure=str(draft.pk), fee_item=str(item.pk)))
    complaint = Complaint.objects.get()
    assert complaint.procedure is None and complaint.fee_item is None


def test_a_link_to_a_page_that_is_not_a_procedure_is_ignored(client, complaint_page, catalogue):
    client.post(URL, form_data(procedure=str(catalogue.pk), fee_item="1<script>"))
    complaint = Complaint.objects.get()
    assert complaint.procedure is None and complaint.fee_item is None

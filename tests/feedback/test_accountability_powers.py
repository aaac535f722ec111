"""Accountability cases and the power list: a case names the power item and the 追责情形 it was
decided under (checked to belong together), set in the admin, and the power item's public page
lists its decided cases, de-identified."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from disclosure.factories import PowerIndexPageFactory, PowerItemPageFactory
from feedback import services
from feedback.models import AccountabilityCase, Ground, Outcome, PostLevel

pytestmark = pytest.mark.django_db

PERSON = "欧阳明辉"
ADD = "/admin/accountability-cases/new/"


@pytest.fixture
def referred_finding(market, chief):
    from feedback.factories import inspection_finding

    finding = inspection_finding(market, actor=chief)
    return services.finding_refer(finding=finding, actor=chief, reason="性质严重。")


@pytest.fixture
def power(home, market):
    powers = PowerIndexPageFactory(parent=home)
    return PowerItemPageFactory(
        parent=powers, title="食品经营许可", code="XK-0001", issuing_department=market
    )


def open_case(user, department, finding, **extra):
    return services.case_open(
        actor=user,
        department=department,
        post_level=PostLevel.GENERAL,
        ground=Ground.SHIRKING,
        allegation="对符合条件的许可申请拖延不办。",
        person_name=PERSON,
        findings=[finding],
        **extra,
    )


def test_trigger_must_belong_to_the_power(review_user, market, referred_finding, power, home):
    other = PowerItemPageFactory(parent=power.get_parent(), code="XK-0002")
    with pytest.raises(ValidationError) as error:
        open_case(
            review_user,
            market,
            referred_finding,
            power_item=power,
            power_trigger=other.triggers.first(),
        )
    assert "所选追责情形不属于所选的权责事项" in str(error.value)
    with pytest.raises(ValidationError) as error:
        open_case(review_user, market, referred_finding, power_trigger=power.triggers.first())
    assert "请先选择涉及的权责事项" in str(error.value)
    assert not AccountabilityCase.objects.exists()


def test_reviewer_links_a_case_to_a_power_in_the_admin(
    client, review_user, market, referred_finding, power
):
    trigger = power.triggers.first()
    client.force_login(review_user)
    form = client.get(ADD).content.decode()
    assert "XK-0001 食品经营许可" in form and f"XK-0001：{trigger}" in form
    response = client.post(
        ADD,
        {
            "department": market.pk,
            "post_level": PostLevel.GENERAL,
            "person_name": PERSON,
            "person_post": "",
            "ground": Ground.SHIRKING,
            "allegation": "对符合条件的许可申请拖延不办。",
            "opened_on": timezone.localdate().isoformat(),
            "findings": [referred_finding.pk],
            "power_item": power.pk,
            "power_trigger": trigger.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case = AccountabilityCase.objects.get()
    assert (case.power_item_id, case.power_trigger_id) == (power.pk, trigger.pk)


def test_power_page_lists_decided_cases_without_the_person(
    client, review_user, market, referred_finding, power
):
    trigger = power.triggers.first()
    case = open_case(review_user, market, referred_finding, power_item=power, power_trigger=trigger)
    html = client.get(power.url).content.decode()
    assert case.number not in html  # open cases are not public
    services.case_decide(
        case=case, actor=review_user, outcome=Outcome.PUBLIC_CRITICISM, findings="经查属实。"
    )
    html = client.get(power.url).content.decode()
    assert "依本事项追责问责的案件" in html and case.number in html
    assert "通报批评" in html and f'href="#trigger-{trigger.pk}"' in html
    assert PERSON not in html

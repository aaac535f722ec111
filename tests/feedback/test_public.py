"""投诉处理公开: consented, replied complaints, de-identified; monthly counts; garbage filters."""

import datetime

import pytest
from django.utils import timezone

from feedback import selectors, services
from feedback.factories import ComplaintFactory, advance, at
from feedback.models import Category, Rating, Status

pytestmark = pytest.mark.django_db
URL = "/complaints/public/"
D = datetime.date

PERSONAL = (
    "我叫王小明，电话13812345678，身份证330102199001011234，车牌浙A12345，"
    "邮箱wang@example.com，住在人民路128号3幢2单元501室。窗口人员态度恶劣。"
)


@pytest.fixture
def published(market, market_handler):
    complaint = ComplaintFactory(
        department=market,
        name="李建国",
        subject="李建国反映窗口态度<b>差</b>",
        description=PERSONAL,
    )
    return advance(
        complaint, Status.REPLIED, actor=market_handler, reply="已联系李建国（13812345678）致歉。"
    )


def test_public_list_shows_only_consented_replied_complaints(
    client, complaint_page, market, market_handler, published
):
    not_consented = advance(
        ComplaintFactory(department=market, publish_consent=False, subject="不同意公开的投诉"),
        Status.REPLIED,
        actor=market_handler,
    )
    not_replied = advance(
        ComplaintFactory(department=market, subject="尚未答复的投诉"),
        Status.ACCEPTED,
        actor=market_handler,
    )
    rejected = advance(
        ComplaintFactory(department=market, subject="不予受理的投诉"),
        Status.REJECTED,
        actor=market_handler,
    )
    html = client.get(URL).content.decode()
    assert "李某某反映窗口态度&lt;b&gt;差&lt;/b&gt;" in html
    for hidden in (not_consented, not_replied, rejected):
        assert hidden.subject not in html
    assert "共 1 件" in html


def test_published_text_is_deidentified_everywhere(client, complaint_page, published):
    html = client.get(f"{URL}{published.pk}/").content.decode()
    for secret in (
        "李建国",
        "王小明",
        "13812345678",
        "330102199001011234",
        "浙A12345",
        "wang@example.com",
        "128号3幢",
    ):
        assert secret not in html, secret
    assert "李某某" in html and "138****5678" in html and "王某某" in html
    assert "已联系李某某（138****5678）致歉" in html
    assert published.tracking_number not in html


def test_rating_comments_stay_off_the_public_page(client, complaint_page, published):
    services.complaint_rate(complaint=published, rating=Rating.SATISFIED, comment="私下的感谢话")
    html = client.get(f"{URL}{published.pk}/").content.decode()
    assert "私下的感谢话" not in html and "满意" in html


def test_supervisors_can_withhold_a_published_complaint(client, complaint_page, published, chief):
    # Caches must revalidate, so that withholding takes effect at once.
    for url in (URL, f"{URL}{published.pk}/"):
        assert "no-cache" in client.get(url)["Cache-Control"]
    services.complaint_set_publication(
        complaint=published, actor=chief, withheld=True, reason="涉及第三方隐私"
    )
    assert client.get(f"{URL}{published.pk}/").status_code == 404
    assert "共 0 件" in client.get(URL).content.decode()
    services.complaint_set_publication(
        complaint=published, actor=chief, withheld=False, reason="已核实可以公开"
    )
    assert client.get(f"{URL}{published.pk}/").status_code == 200


def test_unpublished_detail_is_404(client, complaint_page, market):
    complaint = ComplaintFactory(department=market)
    assert client.get(f"{URL}{complaint.pk}/").status_code == 404
    assert client.get(f"{URL}999999/").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "?department=abc",
        "?department=99999",
        "?category=<script>",
        "?page=999",
        "?page=-1",
        "?month=2026-13",
        "?month=abcd",
        "?month=1800-01",
        "?department=1%00",
    ],
)
def test_garbage_filters_never_fail(client, complaint_page, published, query):
    response = client.get(URL + query)
    assert response.status_code == 200


def test_filters_narrow_the_list(client, complaint_page, published, transport):
    assert "共 1 件" in client.get(f"{URL}?department={published.department.pk}").content.decode()
    assert "共 0 件" in client.get(f"{URL}?department={transport.pk}").content.decode()
    assert "共 0 件" in client.get(f"{URL}?category={Category.OTHER}").content.decode()


def test_monthly_figures_per_department_and_category(market, transport, market_handler, chief):
    november = [at(D(2026, 11, day), 9) for day in (2, 3, 4, 5)]
    a = ComplaintFactory(department=market, now=november[0], category=Category.ARBITRARY_FEES)
    b = ComplaintFactory(department=market, now=november[1], category=Category.ARBITRARY_FEES)
    c = ComplaintFactory(department=transport, now=november[2], category=Category.OTHER)
    ComplaintFactory(department=None, now=november[3], category=Category.OTHER)
    ComplaintFactory(department=market, now=at(D(2026, 10, 30), 9))  # October: not counted
    # a: replied on time and rated satisfied; b: rejected; c: accepted late, overdue now.
    advance(
        a,
        Status.CLOSED,
        actor=market_handler,
        moments=[at(D(2026, 11, 2), 10), at(D(2026, 11, 6), 10), at(D(2026, 11, 9), 10)],
    )
    advance(b, Status.REJECTED, actor=market_handler, moments=[at(D(2026, 11, 3), 11)])
    services.complaint_accept(complaint=c, actor=chief, now=at(D(2026, 11, 4), 10))

    figures = selectors.monthly_figures(2026, 11, today=D(2026, 12, 31))
    rows = {row["department"]: row for row in figures["departments"]}
    assert rows[market]["received"] == 2
    assert rows[market]["rejected"] == 1
    assert rows[market]["replied"] == 1 and rows[market]["replied_on_time"] == 1
    assert rows[market]["on_time_rate"] == 100.0
    assert rows[market]["satisfied"] == 1 and rows[market]["satisfaction_rate"] == 100.0
    assert rows[transport]["received"] == 1 and rows[transport]["overdue"] == 1
    assert rows[None]["received"] == 1 and rows[None]["overdue"] == 1
    categories = {row["category"]: row["received"] for row in figures["categories"]}
    assert categories[Category.ARBITRARY_FEES] == 2 and categories[Category.OTHER] == 2
    assert categories[Category.BRIBE_SEEKING] == 0
    assert len(figures["categories"]) == 10
    assert figures["total"]["received"] == 4
    assert figures["total"]["on_time_rate"] == 100.0


def test_month_boundaries_are_beijing_time(market):
    # 00:30 on 1 December in Beijing is still 30 November in UTC.
    ComplaintFactory(department=market, now=at(D(2026, 12, 1), 0, 30))
    assert selectors.monthly_figures(2026, 12)["total"]["received"] == 1
    assert selectors.monthly_figures(2026, 11)["total"]["received"] == 0


def test_public_page_shows_the_months_counts(client, complaint_page, published):
    month = timezone.localtime(published.submitted_at).strftime("%Y-%m")
    html = client.get(f"{URL}?month={month}").content.decode()
    assert "各部门投诉情况" in html and "各类别投诉件数" in html
    assert "示例县市场监督管理局</th><td>1</td>" in html

"""The home page's 投诉与建议 and 追责问责 sections list the latest items of their kind (published
replies, decided cases), not only child pages; the navigation marks 首页 on the home page only."""

import re

import pytest

from feedback import services
from feedback.factories import (
    AccountabilityIndexPageFactory,
    ComplaintFactory,
    accountability_case,
    advance,
    inspection_finding,
)
from feedback.models import Outcome, Status

pytestmark = pytest.mark.django_db


def section(html, title):
    """The HTML of the home section headed `title`."""
    start = html.index(f">{title}</a></h2>")
    return html[start : html.index("</section>", start)]


def test_complaint_section_lists_published_replies(client, complaint_page, market, market_handler):
    replied = advance(
        ComplaintFactory(department=market, subject="窗口办事被多次退回材料"),
        Status.REPLIED,
        actor=market_handler,
    )
    ComplaintFactory(department=market, subject="尚未答复的投诉")
    ComplaintFactory(department=market, subject="不同意公开的投诉", publish_consent=False)
    html = section(client.get("/").content.decode(), "投诉与建议")
    assert "本栏目暂无内容" not in html
    assert f'href="{complaint_page.public_url()}{replied.pk}/"' in html
    assert "窗口办事被多次退回材料" in html
    assert "尚未答复" not in html and "不同意公开" not in html
    assert "张三" not in html


def test_accountability_section_lists_decided_cases(client, home, market, chief, review_user):
    page = AccountabilityIndexPageFactory(parent=home)
    finding = services.finding_refer(
        finding=inspection_finding(market, actor=chief), actor=chief, reason="性质严重。"
    )
    case = accountability_case(market, actor=review_user, findings=[finding])
    html = section(client.get("/").content.decode(), "追责问责")
    assert "本栏目暂无内容" in html  # an open case is not public
    services.case_decide(
        case=case, actor=review_user, outcome=Outcome.ADMONISHMENT, findings="经调查属实。"
    )
    html = section(client.get("/").content.decode(), "追责问责")
    assert "本栏目暂无内容" not in html
    assert f'<a href="{page.url}">示例县市场监督管理局：' in html


def test_nav_marks_home_on_the_home_page_only(client, complaint_page):
    current = re.compile(r'<a href="([^"]+)" aria-current="page">')
    assert current.findall(client.get("/").content.decode()) == ["/"]
    assert current.findall(client.get("/search/?q=营业").content.decode()) == []
    marked = current.findall(client.get(complaint_page.url).content.decode())
    assert "/" not in marked and complaint_page.url in marked

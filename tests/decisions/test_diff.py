"""修改对照: plain sentences from rich text, sentence and word-level changes, accessible markup."""

import datetime

import pytest
from django.utils import timezone

from decisions.diff import compare, paragraphs, render_parts, sentences
from decisions.factories import (
    DRAFT_TEXT,
    FINAL_TEXT,
    CollectiveDecisionFactory,
    MajorDecisionPageFactory,
)
from decisions.models import MajorDecisionPage


def test_rich_text_becomes_plain_paragraphs_and_sentences():
    html = (
        '<h2 data-block-key="a">第一章 总则</h2>'
        "<p>第一条 为了规范管理，制定本办法。本办法由县政府解释；自公布之日起施行</p>"
        "<ul><li>一、停车&amp;收费</li><li>二、<b>减免</b></li></ul>"
        '<p><a linktype="document" id="3">附件一</a></p><p></p>'
    )
    assert paragraphs(html) == [
        "第一章 总则",
        "第一条 为了规范管理，制定本办法。本办法由县政府解释；自公布之日起施行",
        "一、停车&收费",
        "二、减免",
        "附件一",
    ]
    assert sentences(html)[1:4] == [
        "第一条 为了规范管理，制定本办法。",
        "本办法由县政府解释；",
        "自公布之日起施行",
    ]


def test_identical_texts_have_no_changes():
    assert compare(DRAFT_TEXT, DRAFT_TEXT) == []
    # Markup alone is no change.
    assert compare("<p>第一条 内容。</p>", "<p><b>第一条</b> 内容。</p>") == []


def test_changes_are_numbered_by_kind_with_word_level_parts():
    changes = compare(DRAFT_TEXT, FINAL_TEXT)
    assert [(change.number, change.kind) for change in changes] == [
        (1, "changed"),
        (2, "added"),
        (3, "changed"),
    ]
    first = changes[0]
    assert ("delete", "30") in first.old_parts and ("insert", "60") in first.new_parts
    assert first.passage == "第三条 道路停车泊位实行分时段收费，首 60 分钟免费。"
    assert changes[1].old == "" and changes[1].new.startswith("第四条 残疾人")


def test_neighbouring_edits_stay_separate_and_a_removed_passage_is_one_change():
    draft = "<p>甲条规定一。乙条规定二。丙条规定三。丁条规定四。</p>"
    final = "<p>甲条规定一。乙条规定贰。丙条规定叁。</p>"
    changes = compare(draft, final)
    assert [change.kind for change in changes] == ["changed", "changed", "removed"]
    removed = compare("<p>一。二。三。四。五。</p>", "<p>一。五。</p>")
    assert len(removed) == 1 and removed[0].old == "二。三。四。"
    assert removed[0].passage == "二。三。四。"


def test_anchor_follows_the_passage():
    first, again = compare(DRAFT_TEXT, FINAL_TEXT)[0], compare(DRAFT_TEXT, FINAL_TEXT)[0]
    assert first.anchor == again.anchor and first.anchor.startswith("change-")
    other = compare(DRAFT_TEXT, FINAL_TEXT.replace("60", "90"))[0]
    assert other.anchor != first.anchor


def test_markup_labels_changes_for_screen_readers_and_escapes_text():
    html = render_parts([("equal", "首 "), ("delete", "<30>"), ("insert", "60")], "delete")
    assert html == (
        '首 <del><span class="visually-hidden">[删除开始]</span>&lt;30&gt;'
        '<span class="visually-hidden">[删除结束]</span></del>'
    )
    inserted = render_parts([("insert", "60")], "insert")
    assert "<ins>" in inserted and "[新增开始]" in inserted


@pytest.mark.django_db
def test_page_shows_the_changes_once_decided(client, section, department):
    page = MajorDecisionPageFactory(
        parent=section,
        issuing_department=department,
        opens_at=timezone.now() - datetime.timedelta(days=40),
        final_text=FINAL_TEXT,
        published=False,
    )
    page.save_revision().publish()
    # Before the decision the final text is a working draft: no comparison is published.
    assert "修改对照" not in client.get(page.url).content.decode()
    CollectiveDecisionFactory(page=page, date=timezone.localdate())
    page = MajorDecisionPage.objects.get(pk=page.pk)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "决策文本共有 3 处修改" in html
    assert "[删除开始]</span>30" in html and "[新增开始]</span>60" in html
    assert "<dt>征求意见稿</dt>" in html and "<dt>决策文本</dt>" in html
    payload = client.get(page.url + "?format=json").json()
    assert [change["kind"] for change in payload["decision"]["changes"]] == [
        "changed",
        "added",
        "changed",
    ]


@pytest.mark.django_db
def test_unchanged_final_text_says_so(client, section, department):
    page = MajorDecisionPageFactory(
        parent=section,
        issuing_department=department,
        opens_at=timezone.now() - datetime.timedelta(days=40),
        final_text=DRAFT_TEXT,
        published=False,
    )
    CollectiveDecisionFactory(page=page, date=timezone.localdate())
    page.save_revision().publish()
    assert "与征求意见稿一致" in client.get(page.url).content.decode()

"""Services: submit, moderate and respond; the adoption report's numbers; double submits racing
on PostgreSQL."""

import datetime
import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from wagtail.models import ModelLogEntry

from decisions import selectors
from decisions.factories import (
    FINAL_TEXT,
    CollectiveDecisionFactory,
    MajorDecisionPageFactory,
    PublicCommentFactory,
)
from decisions.models import MajorDecisionPage, ModerationStatus, PublicComment, ResponseOutcome
from decisions.services import (
    CommentRefused,
    comment_moderate,
    comment_respond,
    comment_submit,
)

TEXT = "建议将首次免费停车时间延长到 60 分钟，方便群众到医院办事。"


def actions(comment):
    return list(
        ModelLogEntry.objects.filter(object_id=str(comment.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


@pytest.fixture
def decided(section, department):
    """A notice consulted 40 days ago, decided today with a changed text."""
    page = MajorDecisionPageFactory(
        parent=section,
        issuing_department=department,
        opens_at=timezone.now() - datetime.timedelta(days=40),
        final_text=FINAL_TEXT,
        published=False,
    )
    CollectiveDecisionFactory(page=page, date=timezone.localdate())
    page.save_revision().publish()
    return MajorDecisionPage.objects.get(pk=page.pk)


@pytest.mark.django_db
class TestSubmit:
    def test_saves_once_per_token_and_logs_the_submission(self, notice):
        token = uuid.uuid4()
        first, created = comment_submit(notice=notice, text=TEXT, token=token)
        again, created_again = comment_submit(notice=notice, text=TEXT, token=token)
        assert created and not created_again and first.pk == again.pk
        assert PublicComment.objects.count() == 1
        assert actions(first) == ["decisions.comment.submit"]

    def test_without_token_each_call_is_a_new_comment(self, notice):
        comment_submit(notice=notice, text=TEXT)
        comment_submit(notice=notice, text=TEXT)
        assert PublicComment.objects.count() == 2

    def test_refused_outside_the_period_with_the_reason(self, notice):
        with pytest.raises(CommentRefused, match="尚未开始"):
            comment_submit(notice=notice, text=TEXT, now=notice.opens_at - datetime.timedelta(1))
        with pytest.raises(CommentRefused, match="截止"):
            comment_submit(notice=notice, text=TEXT, now=notice.closes_at)
        assert not PublicComment.objects.exists()

    def test_checks_the_stored_page_not_the_callers_copy(self, notice):
        MajorDecisionPage.objects.filter(pk=notice.pk).update(closes_at=timezone.now())
        with pytest.raises(CommentRefused):
            comment_submit(notice=notice, text=TEXT)
        notice.unpublish()
        with pytest.raises(CommentRefused, match="不存在或已撤下"):
            comment_submit(notice=notice, text=TEXT)

    def test_bad_text_is_a_validation_error(self, notice):
        with pytest.raises(ValidationError) as caught:
            comment_submit(notice=notice, text="短")
        assert "至少 10 个字" in caught.value.message_dict["text"][0]


@pytest.mark.django_db
class TestModerate:
    def test_publishing_masks_personal_data_and_logs(self, notice):
        comment = PublicCommentFactory(
            notice=notice, name="王小明", text="王小明反映：电话13812345678，希望延长免费时段。"
        )
        comment = comment_moderate(comment=comment, status=ModerationStatus.PUBLISHED)
        assert comment.published_text == "王某某反映：电话138****5678，希望延长免费时段。"
        assert comment.moderated_at is not None
        assert actions(comment) == ["decisions.comment.moderate"]

    def test_a_moderators_own_text_is_masked_again(self, notice):
        comment = PublicCommentFactory(notice=notice, name="王小明")
        comment = comment_moderate(
            comment=comment,
            status=ModerationStatus.PUBLISHED,
            published_text="王小明建议延长免费时段，联系电话 13812345678。",
        )
        assert "王小明" not in comment.published_text
        assert "13812345678" not in comment.published_text

    def test_not_publishing_needs_a_reason_and_clears_the_public_text(self, notice):
        comment = PublicCommentFactory(notice=notice)
        comment_moderate(comment=comment, status=ModerationStatus.PUBLISHED)
        with pytest.raises(ValidationError) as caught:
            comment_moderate(comment=comment, status=ModerationStatus.REJECTED, reason="  ")
        assert "须填写理由" in caught.value.message_dict["rejection_reason"][0]
        comment = comment_moderate(
            comment=comment, status=ModerationStatus.REJECTED, reason="与本事项无关。"
        )
        assert (comment.status, comment.published_text) == ("rejected", "")
        assert PublicComment.objects.published().count() == 0


@pytest.mark.django_db
class TestRespond:
    def test_every_outcome_needs_a_reason(self, notice):
        comment = PublicCommentFactory(notice=notice)
        with pytest.raises(ValidationError) as caught:
            comment_respond(comment=comment, outcome=ResponseOutcome.NOT_ADOPTED, reason="")
        assert "答复须填写理由" in caught.value.message_dict["response_reason"][0]
        comment = comment_respond(
            comment=comment, outcome=ResponseOutcome.NOT_ADOPTED, reason="与上位法不一致。"
        )
        assert comment.outcome == "not_adopted" and comment.responded_at
        assert actions(comment) == ["decisions.comment.respond"]

    def test_an_adopted_comment_points_at_the_passage_it_changed(self, decided):
        comment = PublicCommentFactory(notice=decided)
        change = decided.changes[0]
        comment = comment_respond(
            comment=comment,
            outcome=ResponseOutcome.ADOPTED,
            reason="已将免费时段延长至 60 分钟。",
            changed_passage=change.passage,
        )
        assert comment.changed_passage == "第三条 道路停车泊位实行分时段收费，首 60 分钟免费。"

    def test_the_passage_must_be_in_the_diff_and_only_for_adopted_outcomes(self, decided):
        comment = PublicCommentFactory(notice=decided)
        with pytest.raises(ValidationError, match="不在当前的修改对照中"):
            comment_respond(
                comment=comment,
                outcome=ResponseOutcome.ADOPTED,
                reason="已采纳。",
                changed_passage="一段从未出现的文字。",
            )
        with pytest.raises(ValidationError, match="只有采纳或部分采纳"):
            comment_respond(
                comment=comment,
                outcome=ResponseOutcome.NOT_ADOPTED,
                reason="不采纳。",
                changed_passage=decided.changes[0].passage,
            )


@pytest.mark.django_db
class TestAdoptionReport:
    def _answer(self, notice, outcome, status=ModerationStatus.PUBLISHED, reason="理由。"):
        comment = PublicCommentFactory(notice=notice)
        comment_moderate(
            comment=comment,
            status=status,
            reason="与本事项无关。" if status == ModerationStatus.REJECTED else "",
        )
        if outcome:
            comment_respond(comment=comment, outcome=outcome, reason=reason)
        return comment

    def test_numbers(self, decided):
        for outcome in ["adopted", "adopted", "partly", "not_adopted", "not_applicable"]:
            self._answer(decided, outcome)
        self._answer(decided, "not_applicable", status=ModerationStatus.REJECTED)
        self._answer(decided, "", status=ModerationStatus.PENDING)
        report = selectors.adoption_report(decided)
        assert report["total"] == 7
        assert (report["published"], report["not_published"], report["pending_moderation"]) == (
            5,
            1,
            1,
        )
        assert {row["value"]: row["count"] for row in report["by_outcome"]} == {
            "adopted": 2,
            "partly": 1,
            "not_adopted": 1,
            "not_applicable": 2,
        }
        assert (report["answered"], report["unanswered"], report["adopted_or_partly"]) == (6, 1, 3)
        # 3 adopted or partly of 4 answered on the substance (不适用 left out).
        assert report["adoption_rate"] == 75.0
        assert not report["complete"]
        assert len(report["comments"]) == 5
        assert {item["outcome_label"] for item in report["comments"]} == {
            "采纳",
            "部分采纳",
            "不采纳",
            "不适用",
        }

    def test_empty_report(self, decided):
        report = selectors.adoption_report(decided)
        assert report["total"] == 0 and report["adoption_rate"] is None
        assert not report["complete"]

    def test_shown_on_the_page_and_in_json_only_after_the_close(self, client, notice):
        comment = self._answer(notice, "adopted", reason="已吸收到第三条。")
        assert "意见采纳情况" not in client.get(notice.url).content.decode()
        assert client.get(notice.url + "?format=json").json()["adoption_report"] is None
        assert client.get(notice.url + "?format=csv").status_code == 404
        MajorDecisionPage.objects.filter(pk=notice.pk).update(closes_at=timezone.now())
        page_html = client.get(notice.url).content.decode()
        assert "意见采纳情况" in page_html
        assert comment.receipt_number in page_html and "已吸收到第三条。" in page_html
        report = client.get(notice.url + "?format=json").json()["adoption_report"]
        assert report["total"] == 1 and report["comments"][0]["outcome"] == "adopted"
        csv = client.get(notice.url + "?format=csv").content.decode("utf-8-sig")
        assert csv.startswith("回执编号,提交日期,界别") and comment.receipt_number in csv

    def test_response_links_to_its_change_and_back(self, client, decided):
        comment = PublicCommentFactory(notice=decided)
        comment_moderate(comment=comment, status=ModerationStatus.PUBLISHED)
        change = decided.changes[0]
        comment_respond(
            comment=comment,
            outcome=ResponseOutcome.ADOPTED,
            reason="已采纳。",
            changed_passage=change.passage,
        )
        page_html = client.get(decided.url).content.decode()
        assert f'href="#{change.anchor}">见修改对照第 1 处' in page_html
        assert f'id="{change.anchor}"' in page_html
        assert f'href="#comment-{comment.receipt_number}"' in page_html


# -- concurrency ---------------------------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locking")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_double_submits_save_one_comment(home):
    from decisions.factories import DecisionIndexPageFactory
    from portal.factories import DepartmentFactory

    section = DecisionIndexPageFactory(parent=home)
    notice = MajorDecisionPageFactory(parent=section, issuing_department=DepartmentFactory())
    token = uuid.uuid4()
    workers = 6
    barrier = threading.Barrier(workers)
    results, errors = [], []

    def submit():
        try:
            barrier.wait()
            comment, created = comment_submit(notice=notice, text=TEXT, token=token)
            results.append((comment.receipt_number, created))
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert PublicComment.objects.count() == 1
    receipt = PublicComment.objects.get().receipt_number
    assert {number for number, _created in results} == {receipt}
    assert sum(created for _number, created in results) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locking")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_double_clicks_through_the_form_save_one_comment(home):
    from django.test import Client

    from decisions.factories import DecisionIndexPageFactory
    from portal.factories import DepartmentFactory

    section = DecisionIndexPageFactory(parent=home)
    notice = MajorDecisionPageFactory(parent=section, issuing_department=DepartmentFactory())
    data = {
        "text": TEXT,
        "captcha_0": "key",
        "captcha_1": "PASSED",
        "submission_token": str(uuid.uuid4()),
    }
    barrier = threading.Barrier(4)
    statuses = []

    def click():
        try:
            barrier.wait()
            response = Client().post(notice.url, data, REMOTE_ADDR="203.0.113.9")
            statuses.append((response.status_code, response.content.decode()))
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    receipt = PublicComment.objects.get().receipt_number
    assert [status for status, _html in statuses] == [200] * 4
    assert all(receipt in html for _status, html in statuses)

"""Page-type tests: creation in the admin, rendering, previews, parent rules, mandated elements."""

import datetime

from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from decisions.factories import (
    CollectiveDecisionFactory,
    DecisionIndexPageFactory,
    DirectoryEntryFactory,
    MajorDecisionPageFactory,
)
from decisions.models import DecisionIndexPage, MajorDecisionPage, StepKind
from disclosure.models import DisclosurePage
from portal.factories import DepartmentFactory
from portal.models import HomePage
from tests.utils import make_home

ADMIN_DATETIME = "%Y-%m-%d %H:%M"


def _local(moment):
    return timezone.localtime(moment).strftime(ADMIN_DATETIME)


def notice_form_data(department, **overrides):
    opens = timezone.now() - datetime.timedelta(days=1)
    data = {
        "title": "示例县城区停车收费管理办法（征求意见稿）",
        "slug": "parking",
        "summary": "公开征求对城区停车收费管理办法的意见。",
        "draft_text": rich_text("<p>第一条 为规范停车秩序，制定本办法。</p>"),
        "drafting_explanation": rich_text("<p>起草背景和主要内容。</p>"),
        "opens_at": _local(opens),
        "closes_at": _local(opens + datetime.timedelta(days=30)),
        "urgency_reason": "",
        "contact_email": "",
        "contact_phone": "0571-86010002",
        "other_channels": "",
        "issuing_department": department.pk,
        "document_number": "",
        "date_written": "",
        "topic": "construction",
        "keywords": "停车, 收费",
        "validity": "valid",
        "superseded_by": "",
        "interpretation_of": "",
        "attachments": inline_formset([]),
        "steps": inline_formset(
            [
                {
                    "kind": StepKind.HEARING,
                    "date": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
                    "title": "停车收费标准听证会",
                    "location": "县行政中心",
                    "how_to_participate": "请于 7 日内拨打 0571-86010002 报名，名额 15 人。",
                    "summary": "",
                    "outcome": "",
                    "document": "",
                }
            ]
        ),
        "final_text": rich_text(""),
        "final_document_number": "",
        "final_document": "",
        "effective_date": "",
        "tracking_updates": inline_formset([]),
        "evaluation_date": "",
        "evaluation_body": "",
        "evaluation_recommendation": "",
        "evaluation_text": rich_text(""),
        "evaluation_document": "",
        "terminated_on": "",
        "termination_reason": "",
    }
    data.update(overrides)
    return nested_form_data(data)


class DecisionIndexPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.department = DepartmentFactory()

    def setUp(self):
        self.login()

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(DecisionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DecisionIndexPage, {MajorDecisionPage})
        self.assertAllowedParentPageTypes(MajorDecisionPage, {DecisionIndexPage})
        self.assertAllowedSubpageTypes(MajorDecisionPage, set())
        self.assertCanNotCreateAt(Page, DecisionIndexPage)

    def test_can_create_under_home_with_directory_once(self):
        data = nested_form_data(
            {
                "title": "重大决策",
                "slug": "decisions",
                "summary": "",
                "introduction": rich_text("<p>重大行政决策事项公开。</p>"),
                "directory_entries": inline_formset(
                    [
                        {
                            "year": 2026,
                            "title": "城区停车收费管理办法",
                            "department": self.department.pk,
                            "basis": "",
                            "planned_time": "第三季度",
                            "hearing_planned": "on",
                            "notice": "",
                            "notes": "",
                        }
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, DecisionIndexPage, data)
        index = DecisionIndexPage.objects.get()
        self.assertEqual(index.directory_entries.get().title, "城区停车收费管理办法")
        self.assertFalse(DecisionIndexPage.can_create_at(self.home))

    def test_editor_renders(self):
        response = self.client.get(f"/admin/pages/add/decisions/decisionindexpage/{self.home.pk}/")
        self.assertContains(response, "年度重大行政决策事项目录")

    def test_renderable_and_previewable(self):
        index = DecisionIndexPageFactory(parent=self.home)
        DirectoryEntryFactory(page=index, title="养老服务设施布局专项规划")
        self.assertPageIsRenderable(index)
        self.assertPageIsPreviewable(
            index,
            post_data=nested_form_data(
                {
                    "title": index.title,
                    "slug": index.slug,
                    "summary": "",
                    "introduction": rich_text("<p>预览</p>"),
                    "directory_entries": inline_formset([]),
                }
            ),
        )


class MajorDecisionPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.index = DecisionIndexPageFactory(parent=cls.home)
        cls.department = DepartmentFactory(code="11331002")

    def setUp(self):
        self.login()

    def test_editor_renders_with_its_tabs(self):
        page = MajorDecisionPageFactory(parent=self.index, issuing_department=self.department)
        for url in (
            f"/admin/pages/add/decisions/majordecisionpage/{self.index.pk}/",
            f"/admin/pages/{page.pk}/edit/",
        ):
            response = self.client.get(url)
            for tab in ("公示与征求意见", "法定程序", "决策与实施"):
                self.assertContains(response, tab)

    def test_can_create_and_publish_with_a_planned_hearing(self):
        self.assertCanCreate(self.index, MajorDecisionPage, notice_form_data(self.department))
        page = MajorDecisionPage.objects.get(slug="parking")
        self.assertTrue(page.live)
        year = timezone.localdate().year
        self.assertEqual(page.index_number, f"11331002-F-{year}-000001")
        self.assertEqual(page.steps.get().kind, StepKind.HEARING)
        self.assertEqual(page.status(), "open")

    def test_is_a_disclosed_page_listed_in_the_catalogue(self):
        page = MajorDecisionPageFactory(parent=self.index, issuing_department=self.department)
        self.assertIn(page.pk, DisclosurePage.objects.live().values_list("pk", flat=True))
        self.assertEqual(page.specific_class.index_category, "F")

    def test_publishing_refused_without_mandated_elements(self):
        data = notice_form_data(
            self.department,
            draft_text=rich_text(""),
            opens_at="",
            closes_at="",
            **{"action-publish": "action-publish"},
        )
        url = f"/admin/pages/add/decisions/majordecisionpage/{self.index.pk}/"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        errors = " ".join(response.context["form"].non_field_errors())
        self.assertIn("征求意见稿", errors)
        self.assertIn("征求意见起止时间", errors)
        self.assertFalse(MajorDecisionPage.objects.exists())

    def test_a_draft_may_be_saved_incomplete(self):
        data = notice_form_data(
            self.department, draft_text=rich_text(""), opens_at="", closes_at=""
        )
        url = f"/admin/pages/add/decisions/majordecisionpage/{self.index.pk}/"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        self.assertFalse(MajorDecisionPage.objects.get().live)

    def test_short_period_refused_without_urgency_reason_in_the_admin(self):
        opens = timezone.now()
        data = notice_form_data(
            self.department,
            opens_at=_local(opens),
            closes_at=_local(opens + datetime.timedelta(days=10)),
        )
        url = f"/admin/pages/add/decisions/majordecisionpage/{self.index.pk}/"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("不少于 30 日", str(response.context["form"].errors["urgency_reason"]))

    def test_decision_before_the_period_closes_is_refused_in_the_admin(self):
        data = notice_form_data(
            self.department,
            steps=inline_formset(
                [
                    {
                        "kind": StepKind.COLLECTIVE_DECISION,
                        "date": timezone.localdate().isoformat(),
                        "title": "县政府常务会议",
                        "location": "",
                        "how_to_participate": "",
                        "summary": "",
                        "outcome": "adopted",
                        "document": "",
                    }
                ]
            ),
        )
        url = f"/admin/pages/add/decisions/majordecisionpage/{self.index.pk}/"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        step_form = response.context["form"].formsets["steps"].forms[0]
        self.assertIn("征求意见截止之后", str(step_form.errors["date"]))
        self.assertFalse(MajorDecisionPage.objects.exists())

    def test_tracking_without_decision_is_refused_in_the_admin(self):
        data = notice_form_data(
            self.department,
            tracking_updates=inline_formset(
                [
                    {
                        "date": timezone.localdate().isoformat(),
                        "responsible_unit": self.department.pk,
                        "progress": 10,
                        "status": "on_track",
                        "text": "已启动。",
                    }
                ]
            ),
            effective_date=timezone.localdate().isoformat(),
        )
        url = f"/admin/pages/add/decisions/majordecisionpage/{self.index.pk}/"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        self.assertIn("集体讨论决定", str(form.errors["effective_date"]))
        update_form = form.formsets["tracking_updates"].forms[0]
        self.assertIn("集体讨论决定通过之后", str(update_form.errors["date"]))

    def test_publishing_a_decision_needs_the_final_text(self):
        page = MajorDecisionPageFactory(
            parent=self.index,
            issuing_department=self.department,
            opens_at=timezone.now() - datetime.timedelta(days=40),
        )
        edit_url = f"/admin/pages/{page.pk}/edit/"
        closes = timezone.localtime(page.closes_at)
        data = notice_form_data(
            self.department,
            slug=page.slug,
            opens_at=_local(page.opens_at),
            closes_at=closes.strftime(ADMIN_DATETIME),
            steps=inline_formset(
                [
                    {
                        "kind": StepKind.COLLECTIVE_DECISION,
                        "date": timezone.localdate().isoformat(),
                        "title": "县政府常务会议",
                        "location": "",
                        "how_to_participate": "",
                        "summary": "",
                        "outcome": "amended",
                        "document": "",
                    }
                ]
            ),
            **{"action-publish": "action-publish"},
        )
        response = self.client.post(edit_url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("决策文本", str(response.context["form"].errors["final_text"]))
        data["final_text"] = rich_text("<p>第一条 为规范停车秩序，制定本办法。</p>")
        response = self.client.post(edit_url, data)
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.status(), "decided")

    def test_renderable_and_previewable_in_every_state(self):
        open_page = MajorDecisionPageFactory(parent=self.index, issuing_department=self.department)
        decided = MajorDecisionPageFactory(
            parent=self.index,
            issuing_department=self.department,
            opens_at=timezone.now() - datetime.timedelta(days=60),
            final_text="<p>第一条 新的条文。</p>",
            published=False,
        )
        CollectiveDecisionFactory(page=decided, date=timezone.localdate())
        decided.save_revision().publish()
        for page in (open_page, decided):
            self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(
            open_page, post_data=notice_form_data(self.department, slug=open_page.slug)
        )
        decision_row = {
            "kind": StepKind.COLLECTIVE_DECISION,
            "date": timezone.localdate().isoformat(),
            "title": "县政府常务会议",
            "location": "",
            "how_to_participate": "",
            "summary": "",
            "outcome": "adopted",
            "document": "",
        }
        self.assertPageIsPreviewable(
            decided,
            post_data=notice_form_data(
                self.department,
                slug=decided.slug,
                opens_at=_local(decided.opens_at),
                closes_at=_local(decided.closes_at),
                final_text=rich_text("<p>第一条 新的条文。</p>"),
                steps=inline_formset([decision_row]),
            ),
        )

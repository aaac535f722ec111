"""Monthly bulletins: page rules, the assessment arithmetic, the service-centre import."""

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from disclosure.factories import (
    BulletinIndexPageFactory,
    BulletinRowFactory,
    MonthlyBulletinPageFactory,
)
from disclosure.models import (
    BulletinIndexPage,
    BulletinRow,
    BulletinSettings,
    MonthlyBulletinPage,
    score_rows,
)
from disclosure.services import ImportRefused, bulletin_import_service_centre
from portal.factories import DepartmentFactory
from portal.models import HomePage
from tests.utils import make_home


class BulletinPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.index = BulletinIndexPageFactory(parent=cls.home)
        cls.department = DepartmentFactory()

    def setUp(self):
        self.login()

    def form_data(self, month="2026-09-15", title=""):
        return nested_form_data(
            {
                "title": title,
                "slug": "",
                "summary": "",
                "month": month,
                "narrative": rich_text("<p>本月通报。</p>"),
                "rows": inline_formset(
                    [
                        {
                            "department": self.department.pk,
                            **{
                                name: 0
                                for name in [
                                    "stationed_items",
                                    "cases_handled",
                                    "cases_on_time",
                                    "complaints_received",
                                    "complaints_concluded",
                                    "complaints_on_time",
                                    "ratings",
                                    "ratings_satisfied",
                                    "views_due",
                                    "views_on_time",
                                    "inspection_findings",
                                    "cases_opened",
                                    "cases_decided",
                                ]
                            },
                            "outcomes": "",
                            "veto": False,
                            "veto_reason": "",
                            "score": "",
                            "rank": "",
                        }
                    ]
                ),
                "notices": inline_formset([]),
                "issuing_department": self.department.pk,
                "document_number": "",
                "date_written": "",
                "topic": "labour",
                "keywords": "",
                "validity": "valid",
                "superseded_by": "",
                "interpretation_of": "",
                "attachments": inline_formset([]),
            }
        )

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(BulletinIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BulletinIndexPage, {MonthlyBulletinPage})
        self.assertAllowedParentPageTypes(MonthlyBulletinPage, {BulletinIndexPage})
        self.assertAllowedSubpageTypes(MonthlyBulletinPage, set())
        self.assertFalse(BulletinIndexPage.can_create_at(self.home))

    def test_creatable_with_the_month_as_slug_and_title(self):
        self.assertCanCreate(self.index, MonthlyBulletinPage, self.form_data())
        page = MonthlyBulletinPage.objects.get()
        self.assertEqual(page.slug, "2026-09")
        self.assertEqual(page.month, datetime.date(2026, 9, 1))
        self.assertEqual(page.title, "2026年9月机关效能月通报")
        self.assertEqual(page.url, "/bulletins/2026-09/")

    def test_renderable_and_previewable(self):
        page = MonthlyBulletinPageFactory(parent=self.index)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=self.form_data(month="2026-08-01"))
        self.assertPageIsRenderable(self.index)
        self.assertPageIsPreviewable(
            self.index,
            post_data=nested_form_data(
                {
                    "title": "月通报",
                    "slug": "bulletins",
                    "summary": "",
                    "introduction": rich_text(""),
                }
            ),
        )

    def test_a_month_has_one_bulletin_and_never_a_future_one(self):
        MonthlyBulletinPageFactory(parent=self.index, month=datetime.date(2026, 7, 1))
        response = self.client.post(
            f"/admin/pages/add/disclosure/monthlybulletinpage/{self.index.pk}/",
            self.form_data(month="2026-07-20"),
        )
        self.assertContains(response, "该月份的通报已存在")
        response = self.client.post(
            f"/admin/pages/add/disclosure/monthlybulletinpage/{self.index.pk}/",
            self.form_data(month="2099-01-01"),
        )
        self.assertContains(response, "不能为尚未开始的月份编制通报")


def settings_with(**weights):
    values = {
        "weight_on_time_rate": 0,
        "weight_complaints_on_time": 0,
        "weight_satisfaction": 0,
        "weight_views_on_time": 0,
        "deduction_per_finding": Decimal("2"),
        "deduction_per_case": Decimal("5"),
    }
    values.update(weights)
    return BulletinSettings(**values)


def row(**figures):
    return BulletinRow(**figures)


def test_scores_are_weighted_means_minus_deductions_with_shared_ranks():
    settings = settings_with(weight_on_time_rate=30, weight_satisfaction=70)
    a = row(cases_handled=200, cases_on_time=190, ratings=10, ratings_satisfied=9)  # 95%, 90%
    b = row(cases_handled=100, cases_on_time=100, ratings=0, inspection_findings=2)  # 100%, none
    c = row(cases_handled=50, cases_on_time=40, ratings=4, ratings_satisfied=4, cases_decided=1)
    d = row(cases_handled=10, cases_on_time=10, veto=True, veto_reason="严重失职")
    e = row(cases_handled=200, cases_on_time=190, ratings=10, ratings_satisfied=9)
    score_rows([a, b, c, d, e], settings)
    # a: (95*30 + 90*70) / 100 = 91.5
    assert a.score == Decimal("91.50")
    # b: satisfaction has no ratings, so only on-time counts: 100 - 2*2 = 96
    assert b.score == Decimal("96.00")
    # c: (80*30 + 100*70) / 100 = 94 - 5 = 89
    assert c.score == Decimal("89.00")
    assert d.score is None and d.rank is None
    assert (b.rank, a.rank, e.rank, c.rank) == (1, 2, 2, 4)


def test_rates_round_half_up_and_handle_zero():
    figures = row(cases_handled=3, cases_on_time=2, complaints_concluded=0)
    assert figures.on_time_rate == Decimal("66.7")
    assert figures.complaints_on_time_rate is None


@pytest.fixture
def bulletin(home):
    index = BulletinIndexPageFactory(parent=home)
    return MonthlyBulletinPageFactory(parent=index, rows=[], published=False)


@pytest.fixture
def departments(db):
    return [
        DepartmentFactory(code="11331003", name="示例县市场监督管理局", short_name="县市场监管局"),
        DepartmentFactory(
            code="11331004", name="示例县自然资源和规划局", short_name="县自然资源局"
        ),
        DepartmentFactory(code="11331005", name="示例县住房和城乡建设局", short_name="县住建局"),
        DepartmentFactory(
            code="11331006", name="示例县人力资源和社会保障局", short_name="县人社局"
        ),
    ]


def upload(text, name="centre.csv", encoding="utf-8-sig"):
    return SimpleUploadedFile(name, text.encode(encoding))


@pytest.mark.django_db
def test_import_good_csv_updates_the_draft_only(bulletin, departments):
    text = (
        "部门编码,进驻事项数,办件量,按时办结件数\n11331003,35,1200,1188\n县自然资源局,18,640,640\n"
    )
    result = bulletin_import_service_centre(page=bulletin, uploaded_file=upload(text), user=None)
    assert sorted(result.created) == sorted(d.name for d in departments[:2])
    bulletin.refresh_from_db()
    draft = bulletin.get_latest_revision_as_object()
    figures = {
        r.department.code: (r.stationed_items, r.cases_handled, r.cases_on_time)
        for r in draft.rows.all()
    }
    assert figures == {"11331003": (35, 1200, 1188), "11331004": (18, 640, 640)}


@pytest.mark.django_db
def test_import_into_a_published_bulletin_leaves_the_public_page_unchanged(home, departments):
    index = BulletinIndexPageFactory(parent=home)
    page = MonthlyBulletinPageFactory(parent=index, rows=[], published=False)
    BulletinRowFactory(page=page, department=departments[0], cases_handled=5, cases_on_time=5)
    page.save_revision().publish()
    text = "部门编码,进驻事项数,办件量,按时办结件数\n11331003,35,1200,1188\n"
    bulletin_import_service_centre(page=page, uploaded_file=upload(text), user=None)
    page.refresh_from_db()
    assert list(page.rows.values_list("cases_handled", flat=True)) == [5]
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert [r.cases_handled for r in draft.rows.all()] == [1200]


@pytest.mark.django_db
def test_import_gbk_csv_and_xlsx(bulletin, departments):
    text = "部门名称,进驻事项数,办件量,按时办结件数\n示例县市场监督管理局,1,2,2\n"
    bulletin_import_service_centre(
        page=bulletin, uploaded_file=upload(text, encoding="gbk"), user=None
    )
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["部门编码", "进驻事项数", "办件量", "按时办结件数"])
    sheet.append(["11331004", 5, 50, 49])
    buffer = io.BytesIO()
    workbook.save(buffer)
    xlsx = SimpleUploadedFile("centre.xlsx", buffer.getvalue())
    bulletin_import_service_centre(page=bulletin, uploaded_file=xlsx, user=None)
    bulletin.refresh_from_db()
    draft = bulletin.get_latest_revision_as_object()
    assert {r.department.code: r.cases_on_time for r in draft.rows.all()} == {
        "11331003": 2,
        "11331004": 49,
    }


@pytest.mark.django_db
def test_import_bad_file_reports_every_line_and_imports_nothing(bulletin, departments):
    text = (
        "部门编码,进驻事项数,办件量,按时办结件数\n"
        "11331003,35,1200,1188\n"
        "99999999,1,1,1\n"
        "11331004,-3,10,5\n"
        "11331003,1,1,1\n"
        "县住建局,1,10,11\n"
        "县人社局,abc,10,1\n"
    )
    revisions = bulletin.revisions.count()
    with pytest.raises(ImportRefused) as refused:
        bulletin_import_service_centre(page=bulletin, uploaded_file=upload(text), user=None)
    lines = dict(refused.value.errors)
    assert "找不到部门「99999999」" in lines[3]
    assert "非负整数" in lines[4]
    assert "与第 2 行重复" in lines[5]
    assert "按时办结件数大于办件量" in lines[6]
    assert 7 in lines
    assert bulletin.revisions.count() == revisions


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "文件是空的"),
        ("部门,数量\n11331003,1\n", "缺少列：进驻事项数、办件量、按时办结件数"),
    ],
)
def test_import_refuses_empty_or_headless_files(bulletin, departments, content, message):
    with pytest.raises(ImportRefused) as refused:
        bulletin_import_service_centre(page=bulletin, uploaded_file=upload(content), user=None)
    assert message in refused.value.errors[0][1]


@pytest.mark.django_db
def test_import_admin_view_shows_errors_and_redirects_on_success(client, bulletin, departments):
    user = get_user_model().objects.create_superuser("e", "e@example.gov.cn", "pw-123456789")
    client.force_login(user)
    url = f"/admin/bulletins/{bulletin.pk}/import/"
    assert (
        "导入政务服务中心数据" in client.get(f"/admin/pages/{bulletin.pk}/edit/").content.decode()
    )
    bad = client.post(url, {"file": upload("部门编码,进驻事项数,办件量,按时办结件数\nx,1,1,1\n")})
    assert "第 2 行：找不到部门「x」" in bad.content.decode()
    good = client.post(
        url, {"file": upload("部门编码,进驻事项数,办件量,按时办结件数\n11331003,1,1,1\n")}
    )
    assert good.status_code == 302


@pytest.mark.django_db
def test_import_admin_view_needs_edit_permission(client, bulletin, departments):
    user = get_user_model().objects.create_user("nobody", "n@example.gov.cn", "pw-123456789")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    url = f"/admin/bulletins/{bulletin.pk}/import/"
    revisions = bulletin.revisions.count()
    # Wagtail answers a denied admin request by sending the user back to the dashboard.
    assert client.get(url)["Location"] == "/admin/"
    response = client.post(
        url, {"file": upload("部门编码,进驻事项数,办件量,按时办结件数\n11331003,1,1,1\n")}
    )
    assert response["Location"] == "/admin/"
    assert bulletin.revisions.count() == revisions


@pytest.mark.django_db
def test_bulletin_page_shows_table_charts_and_month_over_month(client, home):
    index = BulletinIndexPageFactory(parent=home)
    market = DepartmentFactory(name="示例县市场监督管理局", short_name="县市场监管局")
    october = MonthlyBulletinPageFactory(
        parent=index, month=datetime.date(2026, 9, 1), rows=[], published=False
    )
    BulletinRowFactory(
        page=october,
        department=market,
        ratings=10,
        ratings_satisfied=8,
        score=Decimal("90"),
        rank=1,
    )
    october.save_revision().publish()
    november = MonthlyBulletinPageFactory(
        parent=index, month=datetime.date(2026, 10, 1), rows=[], published=False
    )
    BulletinRowFactory(
        page=november,
        department=market,
        ratings=10,
        ratings_satisfied=9,
        score=Decimal("92.5"),
        rank=1,
    )
    november.save_revision().publish()
    html = client.get("/bulletins/2026-10/").content.decode()
    assert "<svg" in html and 'role="img"' in html and "各部门考核得分" in html
    assert "上升 10.0" in html  # satisfaction 80% → 90%
    assert "上升 2.5" in html  # score 90 → 92.5
    data = json.loads(client.get("/bulletins/2026-10/?format=json").content)
    assert data["rows"][0]["department_name"] == "示例县市场监督管理局"
    assert data["rows"][0]["satisfaction_rate"] == "90.0"
    csv = client.get("/bulletins/2026-10/?format=csv").content.decode("utf-8")
    assert csv.startswith("\ufeff排名,部门")
    assert "2026年10月" in client.get("/bulletins/").content.decode()

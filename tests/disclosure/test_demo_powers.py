"""The demo 权责清单: loaded by `manage.py load_demo`, live, numbered, linked and idempotent."""

import shutil
import tempfile
from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.models import Revision

from disclosure import demo
from disclosure.models import (
    AccountabilityTrigger,
    PenaltyDiscretionPage,
    PowerAdjustment,
    PowerIndexPage,
    PowerItemPage,
    PowerKind,
    PowerResponsibility,
    PowerStatus,
    ResponsibilityStage,
    ServiceProcedurePage,
)


def run(command):
    call_command(command, stdout=StringIO())


def snapshot():
    return {
        "items": PowerItemPage.objects.count(),
        "indexes": PowerIndexPage.objects.count(),
        "responsibilities": PowerResponsibility.objects.count(),
        "triggers": AccountabilityTrigger.objects.count(),
        "adjustments": PowerAdjustment.objects.count(),
        "revisions": Revision.objects.count(),
    }


class DemoPowerListTests(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.media_root = tempfile.mkdtemp(prefix="demo-media-")
        cls.media_override = override_settings(MEDIA_ROOT=cls.media_root)
        cls.media_override.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.media_override.disable()
        shutil.rmtree(cls.media_root, ignore_errors=True)

    @classmethod
    def setUpTestData(cls):
        run("bootstrap_site")
        run("load_demo")
        cls.after_first_run = snapshot()
        run("load_demo")
        cls.after_second_run = snapshot()

    def setUp(self):
        self.items = list(PowerItemPage.objects.select_related("issuing_department"))

    def test_second_run_creates_nothing(self):
        self.assertEqual(self.after_first_run, self.after_second_run)

    def test_index_is_live_at_powers(self):
        index = PowerIndexPage.objects.get()
        self.assertTrue(index.live)
        self.assertEqual(index.url, "/powers/")
        self.assertContains(self.client.get("/powers/"), f"共 {len(self.items)} 项权责事项")

    def test_every_item_is_live_complete_and_numbered_under_letter_g(self):
        self.assertGreaterEqual(len(self.items), 60)
        for page in self.items:
            with self.subTest(page=page.code):
                self.assertTrue(page.live)
                self.assertFalse(page.has_unpublished_changes)
                self.assertEqual(page.missing_elements(), [])
                page.full_clean()
                code = page.issuing_department.code
                self.assertRegex(page.index_number, rf"^{code}-G-\d{{4}}-\d{{6}}$")
                self.assertIn("第", page.legal_basis)

    def test_every_department_has_items_and_every_kind_is_used(self):
        departments = {page.issuing_department.code for page in self.items}
        self.assertEqual(departments, set(demo.DEPARTMENT_CODES))
        self.assertEqual({page.kind for page in self.items}, set(PowerKind.values))
        stages = set(PowerResponsibility.objects.values_list("stage", flat=True))
        for stage in [
            ResponsibilityStage.ACCEPTANCE,
            ResponsibilityStage.REVIEW,
            ResponsibilityStage.DECISION,
            ResponsibilityStage.DELIVERY,
            ResponsibilityStage.SUPERVISION,
        ]:
            self.assertIn(stage, stages)

    def test_every_procedure_and_penalty_standard_is_linked(self):
        for procedure in ServiceProcedurePage.objects.filter(
            slug__in=[data["slug"] for data in demo.PROCEDURES]
        ):
            with self.subTest(procedure=procedure.title):
                linked = procedure.power_items.get()
                self.assertEqual(linked.issuing_department_id, procedure.issuing_department_id)
                self.assertContains(self.client.get(linked.url), procedure.title)
        offences = sum(len(data["offences"]) for data in demo.PENALTY_STANDARDS)
        for standard in PenaltyDiscretionPage.objects.filter(
            slug__in=[data["slug"] for data in demo.PENALTY_STANDARDS]
        ):
            self.assertTrue(standard.power_items.exists())
            page = standard.power_items.first()
            self.assertEqual(page.kind, PowerKind.PENALTY)
            self.assertContains(self.client.get(page.url), standard.title)
        self.assertEqual(
            PowerItemPage.objects.filter(penalty_standard__isnull=False).count(), offences
        )

    def test_adjusted_and_cancelled_items_carry_their_record(self):
        changed = [page for page in self.items if page.status != PowerStatus.IN_FORCE]
        self.assertEqual(
            {page.status for page in changed}, {PowerStatus.ADJUSTED, PowerStatus.CANCELLED}
        )
        for page in changed:
            adjustment = page.adjustments.get()
            self.assertEqual(adjustment.kind, page.status)
            adjustment.full_clean()

    def test_item_pages_render(self):
        for page in self.items[:: max(1, len(self.items) // 10)]:
            with self.subTest(page=page.code):
                self.assertEqual(self.client.get(page.url).status_code, 200)

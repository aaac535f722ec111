"""The disclosure demo content: loaded by `manage.py load_demo`, complete, valid and idempotent."""

import json
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.documents import get_document_model
from wagtail.models import Revision

from disclosure import demo
from disclosure.blocks import TIER_ORDER
from disclosure.models import (
    ApplicationMaterial,
    DisclosureAttachment,
    DisclosureIndexPage,
    DisclosurePage,
    DocumentKind,
    FeeItem,
    FeeSchedulePage,
    IndexNumberSequence,
    PenaltyDiscretionPage,
    PolicyDocumentPage,
    ProcedureStep,
    ServiceProcedurePage,
    StandardKind,
    Validity,
)
from disclosure.selectors import fee_change_log
from portal.models import Department

# Characters that exist only in Traditional Chinese: none may appear in the Simplified content
# (the seed proposal the efficiency document is based on is written in Traditional characters).
TRADITIONAL_ONLY = set(
    "這們來時為與會說對發動開關門問題國體廢檢據證書費寫辦進難臉戶單項機規範處罰責務級類準縣鄉"
    "實應條區議劃計經營許請聯絡網錢銀優華業標醫險療稅價貨車輛駕駛"
)
PINYIN_TONE_MARKS = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


def run(command):
    call_command(command, stdout=StringIO())


def snapshot():
    """Row counts of everything the demo creates, and the index-number sequences."""
    return {
        "pages": DisclosurePage.objects.count(),
        "revisions": Revision.objects.count(),
        "fee_items": FeeItem.objects.count(),
        "materials": ApplicationMaterial.objects.count(),
        "steps": ProcedureStep.objects.count(),
        "attachments": DisclosureAttachment.objects.count(),
        "documents": get_document_model().objects.count(),
        "departments": Department.objects.count(),
        "sequences": sorted(IndexNumberSequence.objects.values_list("last_value", flat=True)),
    }


class DemoContentTests(TestCase):
    """bootstrap_site, then load_demo twice; every test reads the result."""

    @classmethod
    def setUpClass(cls):
        # Documents are real files: keep them out of the checkout.
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
        self.index = DisclosureIndexPage.objects.get()
        # Other apps' demos may add their own pages to the catalogue: look at ours only.
        children = DisclosurePage.objects.child_of(self.index).filter(slug__in=demo_slugs())
        self.pages = [page.specific for page in children]

    def of_type(self, model):
        return [page for page in self.pages if isinstance(page, model)]

    # -- loading --------------------------------------------------------------------------------

    def test_second_run_creates_nothing(self):
        self.assertEqual(self.after_first_run, self.after_second_run)
        self.assertGreater(self.after_first_run["pages"], 0)

    def test_catalogue_is_the_live_menu_page_at_disclosure(self):
        self.assertEqual(self.index.url, "/disclosure/")
        self.assertEqual(self.index.title, "政府信息公开")
        self.assertTrue(self.index.live)
        self.assertTrue(self.index.show_in_menus)
        self.assertTrue(self.index.introduction)

    def test_every_page_is_live_complete_and_numbered_for_its_department(self):
        self.assertEqual(sorted(page.slug for page in self.pages), sorted(demo_slugs()))
        for page in self.pages:
            with self.subTest(page=page.title):
                self.assertTrue(page.live)
                self.assertFalse(page.has_unpublished_changes)
                self.assertEqual(page.missing_elements(), [])
                page.full_clean()
                code = page.issuing_department.code
                category = page.index_category
                self.assertRegex(page.index_number, rf"^{code}-{category}-\d{{4}}-\d{{6}}$")
                self.assertIsNotNone(page.date_published)
                self.assertLessEqual(page.date_written, page.date_published)
                self.assertTrue(page.summary)
                self.assertTrue(page.keyword_list)

    def test_an_item_removed_by_an_editor_is_added_again_and_logged(self):
        schedule = FeeSchedulePage.objects.get(slug=demo.FEE_SCHEDULES[0]["slug"])
        item = schedule.items.get(name="临时居民身份证工本费")
        item.delete()
        schedule.save_revision().publish()
        run("load_demo")
        schedule.refresh_from_db()
        self.assertTrue(schedule.items.filter(name="临时居民身份证工本费").exists())
        changes = [(entry["item"], str(entry["change"])) for entry in fee_change_log(schedule)]
        self.assertIn(("临时居民身份证工本费", "新增项目"), changes)
        self.assertIn(("临时居民身份证工本费", "取消项目"), changes)

    # -- service procedures ----------------------------------------------------------------------

    def test_procedures_cover_at_least_twelve_items_in_six_departments(self):
        procedures = self.of_type(ServiceProcedurePage)
        self.assertGreaterEqual(len(procedures), 12)
        self.assertGreaterEqual(len({page.issuing_department_id for page in procedures}), 6)
        titles = " ".join(page.title for page in procedures)
        for name in ["个体工商户", "食品经营许可", "建设工程规划许可", "不动产", "社会保障卡"]:
            self.assertIn(name, titles)

    def test_every_procedure_has_every_mandated_element(self):
        for page in self.of_type(ServiceProcedurePage):
            with self.subTest(page=page.title):
                self.assertEqual(page.missing_elements(), [])
                self.assertIn("第", page.legal_basis)  # cites articles, not just a law's name
                self.assertTrue(3 <= page.materials.count() <= 8)
                self.assertTrue(3 <= page.steps.count() <= 5)
                for step in page.steps.all():
                    self.assertTrue(step.responsible_post and step.time_limit)
                self.assertTrue(page.statutory_limit_label and page.promised_limit_label)
                self.assertIn("示例县政务服务中心", page.location)
                self.assertEqual(page.supervision_phone, "12345")
                if page.free_of_charge:
                    self.assertFalse(page.fee_items.exists())
                else:
                    self.assertTrue(page.fee_items.exists())
                    self.assertTrue(all(fee.page.live for fee in page.fee_items.all()))

    def test_procedures_vary_in_type_channel_and_parallel_review(self):
        procedures = self.of_type(ServiceProcedurePage)
        self.assertGreaterEqual(len({page.item_type for page in procedures}), 4)
        self.assertTrue(any(page.online_url for page in procedures))
        self.assertTrue(any(page.parallel_departments.exists() for page in procedures))
        self.assertTrue(any(page.promised_immediate for page in procedures))
        self.assertTrue(any(page.visits_required == 0 for page in procedures))
        self.assertTrue(any(not page.free_of_charge for page in procedures))
        materials = ApplicationMaterial.objects.filter(page__in=procedures)
        self.assertTrue(materials.filter(required=False).exists())
        self.assertTrue(materials.filter(template_document__isnull=False).exists())

    # -- fee schedules ---------------------------------------------------------------------------

    def test_two_fee_schedules_with_at_least_twenty_five_valid_items(self):
        schedules = self.of_type(FeeSchedulePage)
        self.assertEqual(len(schedules), 2)
        items = list(FeeItem.objects.filter(page__in=schedules))
        self.assertGreaterEqual(len(items), 25)
        names = [item.name for item in items]
        self.assertEqual(len(names), len(set(names)))
        for item in items:
            with self.subTest(item=item.name):
                item.full_clean()
                self.assertTrue(item.standard_label)
                self.assertTrue(item.legal_basis and item.legal_basis_number)
        kinds = Counter(item.standard_kind for item in items)
        self.assertTrue(kinds[StandardKind.FIXED] and kinds[StandardKind.RANGE])
        self.assertTrue(kinds[StandardKind.FORMULA])
        self.assertTrue(any("小微企业" in item.exemptions for item in items))
        self.assertIn("发改价格规〔2016〕2559号", {item.legal_basis_number for item in items})

    # -- penalty discretion standards -------------------------------------------------------------

    def test_two_penalty_standards_with_at_least_eight_valid_offences(self):
        standards = self.of_type(PenaltyDiscretionPage)
        self.assertEqual(len(standards), 2)
        offences = [block for page in standards for block in page.offences]
        self.assertGreaterEqual(len(offences), 8)
        for page in standards:
            # The editors' block validation: 3–5 tiers in order, fines within the legal maximum.
            page._meta.get_field("offences").stream_block.clean(page.offences)
            self.assertTrue(len(page.first_offence_exemptions))
            self.assertTrue(len(page.minor_offence_exemptions))
        for block in offences:
            offence = block.value
            with self.subTest(offence=offence["name"]):
                levels = [tier["level"] for tier in offence["tiers"]]
                self.assertTrue(3 <= len(levels) <= 5)
                self.assertEqual(levels, sorted(set(levels), key=TIER_ORDER.index))
                for tier in offence["tiers"]:
                    if tier["penalty_kind"] == "fine":
                        self.assertLessEqual(tier["fine_max"], offence["legal_maximum"])
                        self.assertLessEqual(tier["fine_min"], tier["fine_max"])

    # -- policy documents ------------------------------------------------------------------------

    def test_at_least_twelve_documents_of_every_kind(self):
        documents = self.of_type(PolicyDocumentPage)
        self.assertGreaterEqual(len(documents), 12)
        self.assertEqual({page.kind for page in documents}, set(DocumentKind.values))
        self.assertGreaterEqual(len({page.topic for page in self.pages}), 8)
        self.assertEqual({page.date_written.year for page in documents}, {2025, 2026})

    def test_interpretations_are_linked_both_ways(self):
        interpretations = [
            page
            for page in self.of_type(PolicyDocumentPage)
            if page.kind == DocumentKind.INTERPRETATION
        ]
        self.assertGreaterEqual(len(interpretations), 2)
        for page in interpretations:
            with self.subTest(page=page.title):
                self.assertTrue(page.interpretation_of.live)
                interpreted = page.interpretation_of.specific
                self.assertIn(page.pk, [other.pk for other in interpreted.live_interpretations])
                response = self.client.get(page.interpretation_of.url)
                self.assertContains(response, page.title)

    def test_amended_document_points_at_its_live_replacement(self):
        amended = [page for page in self.pages if page.validity == Validity.AMENDED]
        self.assertEqual(len(amended), 1)
        replacement = amended[0].superseded_by
        self.assertTrue(replacement.live)
        self.assertEqual(replacement.validity, Validity.VALID)
        self.assertContains(self.client.get(amended[0].url), "本文件已修订")

    def test_document_numbers_are_unique_within_each_department(self):
        numbers = defaultdict(list)
        for page in self.pages:
            if page.document_number:
                numbers[page.issuing_department_id].append(page.document_number)
        self.assertGreaterEqual(sum(len(values) for values in numbers.values()), 8)
        for values in numbers.values():
            self.assertEqual(len(values), len(set(values)))

    def test_efficiency_proposal_is_a_county_notice_in_four_sections(self):
        page = PolicyDocumentPage.objects.get(slug="jiguan-xiaoneng-jianshe-shishi-yijian")
        self.assertEqual(page.kind, DocumentKind.POLICY)
        self.assertEqual(page.issuing_department.code, demo.GOV_OFFICE)
        self.assertRegex(page.document_number, r"^示政办发〔20\d\d〕\d+号$")
        headings = re.findall(r"<h2>([一二三四五六七八九十]+)、", page.body)
        self.assertEqual(headings, ["一", "二", "三", "四"])
        for phrase in [
            "月通报",
            "一票否决",
            "并联审批",
            "三至五档",
            "首违不罚",
            "重大行政决策",
            "收费项目和标准",
            "领导岗位、中层岗位和一般岗位",
            "座谈会",
            "明查暗访",
            "门难进、脸难看、事难办",
            "门槛多、手续繁、节奏慢",
            "乱收费、乱罚款、乱摊派、乱拉赞助、吃拿卡要",
            "政令不畅、执行不力、中梗阻",
        ]:
            self.assertIn(phrase, page.body)
        self.assertTrue(page.attachments.exists())

    def test_content_is_simplified_chinese_without_pinyin(self):
        texts = [page.title for page in self.pages]
        for document in get_document_model().objects.all():
            # Read from where setUpTestData stored them (each test gets its own MEDIA_ROOT).
            path = Path(self.media_root) / document.file.name
            texts.append(path.read_text(encoding="utf-8-sig"))
        for page in self.pages:
            texts.append(json.dumps(page.get_latest_revision().content, ensure_ascii=False))
        text = "".join(texts)
        self.assertEqual(sorted(TRADITIONAL_ONLY & set(text)), [])
        self.assertIsNone(PINYIN_TONE_MARKS.search(text))

    # -- public pages ----------------------------------------------------------------------------

    def test_every_page_renders(self):
        for page in self.pages:
            with self.subTest(page=page.title):
                self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_catalogue_lists_every_page(self):
        listed = ""
        response = self.client.get("/disclosure/")
        self.assertEqual(response.status_code, 200)
        pages = response.context["paginator"].num_pages
        for number in range(1, pages + 1):
            response = self.client.get("/disclosure/", {"page": number})
            self.assertEqual(response.status_code, 200)
            listed += response.content.decode()
        for page in self.pages:
            self.assertIn(page.index_number, listed)
        exported = self.client.get("/disclosure/", {"format": "json"}).json()["results"]
        exported_numbers = {row["index_number"] for row in exported}
        self.assertLessEqual({page.index_number for page in self.pages}, exported_numbers)


def demo_slugs():
    groups = [demo.FEE_SCHEDULES, demo.PENALTY_STANDARDS, demo.PROCEDURES, demo.POLICY_DOCUMENTS]
    return {data["slug"] for group in groups for data in group}

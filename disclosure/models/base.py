"""Disclosure metadata shared by every disclosed page type, and the index-number sequence."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.models import BasePage, Department
from portal.search.fields import ChineseSearchField

from ..forms import DisclosurePageForm

MAX_KEYWORDS = 10


class Topic(models.TextChoices):
    """主题分类: the State Council's topic taxonomy for government information."""

    GENERAL = "general", _("综合政务")
    ECONOMY = "economy", _("国民经济管理、国有资产监管")
    FINANCE = "finance", _("财政、金融、审计")
    LAND = "land", _("国土资源、能源")
    AGRICULTURE = "agriculture", _("农业、林业、水利")
    INDUSTRY = "industry", _("工业、交通")
    COMMERCE = "commerce", _("商贸、海关、旅游")
    MARKET = "market", _("市场监管、安全生产监管")
    CONSTRUCTION = "construction", _("城乡建设、环境保护")
    EDUCATION = "education", _("科技、教育")
    CULTURE = "culture", _("文化、广电、新闻出版")
    HEALTH = "health", _("卫生、体育")
    POPULATION = "population", _("人口与计划生育、妇女儿童工作")
    LABOUR = "labour", _("劳动、人事、监察")
    SECURITY = "security", _("公安、安全、司法")
    CIVIL = "civil", _("民政、扶贫、救灾")
    ETHNIC = "ethnic", _("民族、宗教")
    OTHER = "other", _("其他")


class Validity(models.TextChoices):
    """有效性: whether a published rule is in force."""

    VALID = "valid", _("有效")
    AMENDED = "amended", _("已修订")
    REPEALED = "repealed", _("已废止")
    EXPIRED = "expired", _("已失效")


class IndexNumberSequence(models.Model):
    """The last sequence number issued per department, category and year; never goes back, so an
    index number is never reused."""

    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=2)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["department", "category", "year"], name="unique_index_number_sequence"
            )
        ]

    def __str__(self):
        return f"{self.department_id}-{self.category}-{self.year}: {self.last_value}"

    @classmethod
    def next_value(cls, *, department, category, year):
        """Issue the next number; the row lock makes concurrent publications wait their turn."""
        return next_sequence_value(cls, department_id=department.pk, category=category, year=year)


def next_sequence_value(sequence_model, *, department_id, category, year):
    """The body of IndexNumberSequence.next_value, on the model class given, so that the repair
    data migration issues numbers from the same sequence with its historical model."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                sequence_model.objects.get_or_create(
                    department_id=department_id, category=category, year=year
                )
        except IntegrityError:  # another publication created the row first
            pass
        sequence = sequence_model.objects.select_for_update().get(
            department_id=department_id, category=category, year=year
        )
        sequence.last_value += 1
        sequence.save(update_fields=["last_value"])
        return sequence.last_value


def index_number_text(department_code, category, year, sequence):
    """部门编码-类别-年份-六位顺序号, e.g. 11330001-A-2026-000012."""
    return f"{department_code}-{category}-{year}-{sequence:06d}"


class DisclosurePageQuerySet(PageQuerySet):
    def in_force(self):
        return self.filter(validity=Validity.VALID)


DisclosurePageManager = PageManager.from_queryset(DisclosurePageQuerySet)


class DisclosurePage(BasePage):
    """The metadata every disclosed item carries (索引号, 发布机构, 文号, 成文/发布日期, 主题,
    有效性, 关键词, 附件, 解读). Concrete, so the catalogue lists every type from one table."""

    # Set by each page type: the category letter in its index numbers.
    index_category = "Z"

    index_number = models.CharField(
        _("索引号"), max_length=40, unique=True, null=True, blank=True, editable=False
    )
    issuing_department = models.ForeignKey(
        Department,
        verbose_name=_("发布机构"),
        on_delete=models.PROTECT,
        related_name="disclosed_pages",
    )
    document_number = models.CharField(
        _("文号"),
        max_length=60,
        blank=True,
        help_text=_("例如：示政发〔2026〕12号；无文号可不填。"),
    )
    date_written = models.DateField(_("成文日期"), null=True, blank=True)
    date_published = models.DateField(_("发布日期"), null=True, blank=True, editable=False)
    topic = models.CharField(
        _("主题分类"), max_length=20, choices=Topic.choices, default=Topic.GENERAL
    )
    validity = models.CharField(
        _("有效性"), max_length=10, choices=Validity.choices, default=Validity.VALID
    )
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("替代文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
        help_text=_("已修订或已废止时，选择替代本文件的新文件。"),
    )
    keywords = models.CharField(
        _("关键词"), max_length=200, blank=True, help_text=_("以逗号或空格分隔，最多 10 个。")
    )
    interpretation_of = models.ForeignKey(
        "self",
        verbose_name=_("解读的文件"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interpretations",
        help_text=_("本页是政策解读时，选择被解读的文件；该文件页面会自动显示本解读。"),
    )

    objects = DisclosurePageManager()

    is_creatable = False
    # Editors and reviewers act only on the pages their own department issues (portal.permissions).
    department_scoped = True
    base_form_class = DisclosurePageForm
    # A copy is a new item: it gets its own number and date when it is first published.
    exclude_fields_in_copy = ["index_number", "date_published"]

    metadata_panels = [
        MultiFieldPanel(
            [
                FieldPanel("issuing_department"),
                FieldPanel("document_number"),
                FieldRowPanel([FieldPanel("date_written"), FieldPanel("topic")]),
                FieldPanel("keywords"),
                FieldRowPanel([FieldPanel("validity"), FieldPanel("superseded_by")]),
                FieldPanel("interpretation_of"),
            ],
            heading=_("公开属性"),
            help_text=_("索引号和发布日期在首次发布时由系统生成，之后不可更改。"),
        ),
        InlinePanel("attachments", heading=_("附件"), label=_("附件")),
    ]

    search_fields = [
        *BasePage.search_fields,
        ChineseSearchField("document_number"),
        ChineseSearchField("keywords"),
        index.FilterField("issuing_department"),
        index.FilterField("topic"),
        index.FilterField("validity"),
        index.FilterField("date_published"),
    ]

    # Loaded with the page by the API listing (portal/api.py), for issuing_department_name.
    api_select_related = ["issuing_department"]
    api_fields = [
        APIField("summary"),
        APIField("index_number"),
        APIField("issuing_department_name"),
        APIField("document_number"),
        APIField("date_written"),
        APIField("date_published"),
        APIField("topic_label"),
        APIField("validity_label"),
        APIField("keyword_list"),
    ]

    class Meta:
        verbose_name = _("公开信息")
        verbose_name_plural = _("公开信息")
        indexes = [models.Index(fields=["date_published"])]

    # -- derived values -----------------------------------------------------------------------

    @property
    def owning_department_id(self):
        return self.issuing_department_id

    @property
    def keyword_list(self):
        return [word for word in self.keywords.replace("，", ",").replace(",", " ").split() if word]

    @property
    def issuing_department_name(self):
        return self.issuing_department.name if self.issuing_department_id else ""

    @property
    def topic_label(self):
        return self.get_topic_display()

    @property
    def validity_label(self):
        return self.get_validity_display()

    @property
    def type_label(self):
        return self.specific_class._meta.verbose_name if self.specific_class else ""

    @cached_property
    def live_interpretations(self):
        return list(self.interpretations.live().public().order_by("-date_published"))

    # -- rules ----------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.date_written and self.date_written > today:
            errors["date_written"] = _("成文日期不能晚于今天。")
        if self.date_written and self.date_published and self.date_written > self.date_published:
            errors["date_written"] = _("成文日期不能晚于发布日期。")
        if len(self.keyword_list) > MAX_KEYWORDS:
            errors["keywords"] = _("关键词最多 10 个。")
        if self.validity == Validity.AMENDED and not self.superseded_by_id:
            errors["superseded_by"] = _("已修订的文件须选择替代它的新文件。")
        if self.superseded_by_id and self.superseded_by_id == self.pk:
            errors["superseded_by"] = _("替代文件不能是本文件。")
        if self.interpretation_of_id and self.interpretation_of_id == self.pk:
            errors["interpretation_of"] = _("不能解读本文件自身。")
        if self.document_number and self.issuing_department_id:
            duplicate = (
                DisclosurePage.objects.filter(
                    issuing_department_id=self.issuing_department_id,
                    document_number=self.document_number.strip(),
                )
                .exclude(pk=self.pk)
                .first()
            )
            if duplicate is not None:
                errors["document_number"] = _(
                    "本部门已有文号为「%(number)s」的文件：%(title)s。"
                ) % {
                    "number": self.document_number,
                    "title": duplicate.title,
                }
        if errors:
            raise ValidationError(errors)

    def missing_elements(self, counts=None):
        """The mandated elements this page lacks for publication (Chinese labels); each page
        type adds its own. `counts` overrides child-relation sizes while a form is unsaved."""
        missing = []
        if not self.issuing_department_id:
            missing.append(_("发布机构"))
        return missing

    def related_count(self, name, counts=None):
        """Rows in child relation or many-to-many `name`: from `counts`, else in memory/DB."""
        if counts and name in counts:
            return counts[name]
        return len(getattr(self, name).all())

    # -- publication ---------------------------------------------------------------------------

    def with_content_json(self, content):
        """The page as stored in a revision, with the index number and publication date of the
        page row: like first_published_at they belong to the page, not to one revision, so no
        draft, autosave, reverted or copied revision can change or drop them on publishing."""
        obj = super().with_content_json(content)
        obj.index_number = self.index_number
        obj.date_published = self.date_published
        return obj

    def goes_live_now(self):
        """Whether publishing this (revision's) page makes it live now, not at a future time."""
        return not (self.go_live_at and self.go_live_at > timezone.now())

    def publish(self, revision, *args, **kwargs):
        """Refuse a page lacking a mandated element, and stamp it before it goes live.

        A revision scheduled for the future is checked and stamped when it actually goes live.
        Wagtail's edit view builds its publish action itself and bypasses this method; the
        `before_publish_page` hook (disclosure.wagtail_hooks) stamps that path the same way.
        """
        with transaction.atomic():
            obj = revision.as_object()
            if obj.goes_live_now():
                missing = obj.missing_elements()
                if missing:
                    raise ValidationError(
                        _("缺少以下必备要素，不能发布：%(items)s")
                        % {"items": "、".join(map(str, missing))}
                    )
                self.stamp_publication(revision)
            return super().publish(revision, *args, **kwargs)

    def stamp_publication(self, revision=None):
        """Give the page its index number and publication date the first time it goes live.

        The one stamping point of every publishing path: under a lock on the page row, a row
        without a number gets the next number of its department, category and year and today's
        date, written to the row at once; a row that has them keeps them for ever (republishing
        after an unpublish included). The values are also set on this object, on the revision's
        page object and in the revision's content, so the page Wagtail saves as live and the
        revision it records both carry them.
        """
        with transaction.atomic():
            current = (
                DisclosurePage.objects.select_for_update()
                .filter(pk=self.pk)
                .values(
                    "index_number", "date_published", "issuing_department_id", "first_published_at"
                )
                .get()
            )
            index_number = current["index_number"]
            date_published = current["date_published"]
            today = timezone.localdate()
            # A page never live yet may hold a number from a publication that did not complete
            # (the edit view stamps before Wagtail's publish action runs): it keeps the number,
            # but its date is the day it actually goes live.
            never_live = current["first_published_at"] is None
            if not index_number or not date_published or (never_live and date_published != today):
                date_published = today if never_live or not date_published else date_published
                if not index_number:
                    # The issuing department of the content going live, which for a first
                    # publication may differ from the row's.
                    department_id = (
                        revision.content.get("issuing_department") if revision else None
                    ) or current["issuing_department_id"]
                    department = Department.objects.get(pk=department_id)
                    index_number = self.specific_class.format_index_number(
                        department, date_published
                    )
                DisclosurePage.objects.filter(pk=self.pk).update(
                    index_number=index_number, date_published=date_published
                )
            targets = [self]
            if revision is not None:
                targets.append(revision.content_object)
                revision.content["index_number"] = index_number
                revision.content["date_published"] = date_published.isoformat()
                revision.save(update_fields=["content"])
            for target in targets:
                target.index_number = index_number
                target.date_published = date_published
            return index_number, date_published

    @classmethod
    def format_index_number(cls, department, date_published):
        """Issue the next index number of `department` for this page type in the year of
        `date_published`: 部门编码-类别-年份-六位顺序号."""
        category = cls.index_category
        sequence = IndexNumberSequence.next_value(
            department=department, category=category, year=date_published.year
        )
        return index_number_text(department.code, category, date_published.year, sequence)


class DisclosureAttachment(Orderable):
    """A document attached to a disclosed page (Wagtail document library)."""

    page = ParentalKey(DisclosurePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("文档"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(
        _("显示名称"), max_length=200, blank=True, help_text=_("留空时使用文档标题。")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    @property
    def display_title(self):
        return self.title or self.document.title


def disclosure_page_types():
    """Every concrete page type that carries disclosure metadata, for filters and the catalogue."""
    from wagtail.models import get_page_models

    return [
        model
        for model in get_page_models()
        if issubclass(model, DisclosurePage) and model is not DisclosurePage
    ]

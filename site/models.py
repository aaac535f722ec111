"""The shared kernel: the base page every public page inherits, the home page, departments,
site settings and the working-day calendar's editable overrides."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import EntryPointBlock
from .publishing import PublishCheckedPageForm
from .search.fields import ChineseAutocompleteField, ChineseSearchField
from .slugs import default_slug


class BasePage(Page):
    """Abstract parent of every public page type: a summary for listings, search and metadata."""

    summary = models.TextField(
        _("摘要"),
        blank=True,
        max_length=500,
        help_text=_("列表、搜索结果和分享时显示的简短说明，不超过 500 字。"),
    )

    # Runs the publish checks (portal.publishing) on publish and submit; the 错敏词 confirmation
    # box is shown only to reviewers while the page has hits (the form removes it otherwise).
    base_form_class = PublishCheckedPageForm
    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("confirm_problems")]
    # Page's own filter fields, with its text fields replaced by the Chinese-tokenising ones.
    search_fields = [
        *(
            field
            for field in Page.search_fields
            if not isinstance(field, index.SearchField | index.AutocompleteField)
        ),
        ChineseSearchField("title", boost=2),
        ChineseAutocompleteField("title"),
        ChineseSearchField("summary"),
    ]

    # Pages of no department (home, index and form pages) are edited by site administrators
    # only; page types that belong to a department set this and `owning_department_id`.
    department_scoped = False

    class Meta:
        abstract = True

    @property
    def owning_department_id(self):
        """The department whose editors and reviewers act on this page; None for none."""
        return None

    def permissions_for_user(self, user):
        # Imported here: portal.permissions imports this module.
        from .permissions import DepartmentPagePermissionTester

        return DepartmentPagePermissionTester(user, self)

    def full_clean(self, *args, **kwargs):
        self._use_pinyin_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # What Page.save() runs for a draft instead of full_clean().
        self._use_pinyin_slug()
        super().minimal_clean()

    def _use_pinyin_slug(self):
        # Before Wagtail's own default, which would keep the Chinese characters in the URL
        # (percent-encoded in every link): pages made outside the admin get pinyin slugs too.
        parent = self.get_parent() if self.path else getattr(self, "_cached_parent_obj", None)
        self.slug = default_slug(self, self.title, self.slug, parent)

    @property
    def description(self):
        """The text used for <meta name="description">: the summary, else the SEO description."""
        return self.summary or self.search_description


class HomePage(BasePage):
    """The county portal's home page: entry points, search, and the latest items per section."""

    intro = RichTextField(_("导语"), blank=True, features=["bold", "link"])
    entry_points = StreamField(
        [("entry_point", EntryPointBlock())],
        blank=True,
        verbose_name=_("服务入口"),
        help_text=_("首页醒目位置的栏目入口：办事服务、政务公开、重大决策、投诉与建议、月通报。"),
    )
    latest_per_section = models.PositiveSmallIntegerField(
        _("每个栏目显示条数"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("entry_points"),
        FieldPanel("latest_per_section"),
    ]

    class Meta:
        verbose_name = _("首页")
        verbose_name_plural = _("首页")

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections(
            self, per_section=self.latest_per_section, request=request
        )
        return context


department_code_validator = RegexValidator(
    r"^[0-9A-Z]{4,20}$", _("部门编码只能由 4 至 20 位数字或大写字母组成。")
)
phone_validator = RegexValidator(
    r"^[0-9+\-() ]{5,30}$", _("请填写有效的电话号码，只能包含数字、空格和 + - ( )。")
)


class DepartmentQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)


class Department(index.Indexed, models.Model):
    """A county government body: owns published content and receives complaints."""

    name = models.CharField(_("部门全称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=30, blank=True)
    code = models.CharField(
        _("部门编码"),
        max_length=20,
        unique=True,
        validators=[department_code_validator],
        help_text=_("用于生成索引号，例如 11331022。发布内容后请勿修改。"),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    leader_title = models.CharField(
        _("负责人职务"), max_length=50, blank=True, help_text=_("例如：局长")
    )
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True, validators=[phone_validator])
    office_hours = models.CharField(
        _("办公时间"),
        max_length=100,
        blank=True,
        help_text=_("例如：工作日 8:30-12:00，14:30-17:30"),
    )
    email = models.EmailField(_("电子邮箱"), blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    objects = DepartmentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("code"),
                FieldPanel("parent"),
                FieldPanel("sort_order"),
            ],
            heading=_("基本信息"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("leader_title"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("office_hours"),
                FieldPanel("email"),
            ],
            heading=_("联系方式"),
        ),
    ]
    search_fields = [
        ChineseSearchField("name"),
        ChineseSearchField("short_name"),
        ChineseAutocompleteField("name"),
        index.FilterField("code"),
    ]

    class Meta:
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.short_name or self.name

    def clean(self):
        super().clean()
        # Walk up the chain so that no department ends up its own ancestor.
        ancestor, seen = self.parent, set()
        while ancestor is not None:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("上级部门不能是本部门或其下级部门。")})
            if ancestor.pk in seen:
                break
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


@register_setting(icon="site")
class PortalSettings(BaseGenericSetting):
    """Site-wide settings editors change without a deployment: names, hotline, footer, limits."""

    county_name = models.CharField(_("县（区）名称"), max_length=50, default="示例县")
    site_name = models.CharField(_("网站名称"), max_length=100, default="政务公开")
    hotline = models.CharField(
        _("政务服务热线"), max_length=30, default="12345", validators=[phone_validator]
    )
    contact_address = models.CharField(_("联系地址"), max_length=200, blank=True)
    contact_phone = models.CharField(
        _("联系电话"), max_length=30, blank=True, validators=[phone_validator]
    )
    contact_email = models.EmailField(_("联系邮箱"), blank=True)
    host_organisation = models.CharField(
        _("主办单位"), max_length=100, blank=True, help_text=_("例如：示例县人民政府办公室")
    )
    website_code = models.CharField(
        _("网站标识码"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^[0-9A-Za-z]{6,20}$", _("网站标识码只能包含字母和数字。"))],
    )
    icp_number = models.CharField(
        _("ICP 备案号"), max_length=50, blank=True, help_text=_("例如：浙ICP备12345678号")
    )
    police_record_number = models.CharField(
        _("公安机关备案号"),
        max_length=50,
        blank=True,
        help_text=_("例如：浙公网安备 33102202000123号"),
    )
    complaint_accept_days = models.PositiveSmallIntegerField(
        _("投诉受理时限（工作日）"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    complaint_reply_days = models.PositiveSmallIntegerField(
        _("投诉答复时限（工作日）"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("自受理之日起计算。"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("county_name"), FieldPanel("site_name"), FieldPanel("host_organisation")],
            heading=_("名称"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hotline"),
                FieldPanel("contact_address"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("website_code"),
                FieldPanel("icp_number"),
                FieldPanel("police_record_number"),
            ],
            heading=_("页脚标识"),
        ),
        MultiFieldPanel(
            [FieldPanel("complaint_accept_days"), FieldPanel("complaint_reply_days")],
            heading=_("办理时限"),
        ),
    ]

    class Meta:
        verbose_name = _("站点设置")
        verbose_name_plural = _("站点设置")

    @property
    def full_site_name(self):
        return f"{self.county_name}{self.site_name}"


class CalendarDayQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(date__year=year)


class CalendarDay(models.Model):
    """An editor's override of one date: a holiday or a make-up working day (调休) the State
    Council announced, for years the packaged calendar does not know yet."""

    date = models.DateField(_("日期"), unique=True)
    is_working_day = models.BooleanField(
        _("是否工作日"),
        help_text=_("勾选：该日上班（如周末调休上班）；不勾选：该日放假。"),
    )
    note = models.CharField(_("说明"), max_length=100, blank=True, help_text=_("例如：春节调休"))

    objects = CalendarDayQuerySet.as_manager()

    panels = [
        HelpPanel(
            content=_(
                "每年国务院办公厅公布下一年度节假日安排后，请在此逐日录入放假日期和调休上班日期。"
                "未录入且系统日历未收录的年份，系统按法定节假日推算，不含调休，后台首页会提示。"
            )
        ),
        FieldPanel("date"),
        FieldPanel("is_working_day"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("工作日调整")
        verbose_name_plural = _("工作日调整")
        ordering = ["date"]

    def __str__(self):
        kind = _("上班") if self.is_working_day else _("放假")
        return f"{self.date:%Y-%m-%d} {kind} {self.note}".strip()


class StaffProfile(models.Model):
    """The department a staff user works for: it scopes what they may edit and handle."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("所属部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        help_text=_("部门投诉处理员、编辑和审核人员只能处理本部门的内容。"),
    )

    panels = [FieldPanel("user"), FieldPanel("department")]

    class Meta:
        verbose_name = _("工作人员所属部门")
        verbose_name_plural = _("工作人员所属部门")

    def __str__(self):
        return f"{self.user} · {self.department or _('未指定部门')}"


def user_department(user):
    """The department of a staff user, or None (anonymous users and users without a profile)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.staff_profile.department
    except StaffProfile.DoesNotExist:
        return None


# -- Search: synonyms editors manage, the vocabulary typo suggestions draw on, zero-result log ---


class SearchSynonym(models.Model):
    """A group of words that mean the same to people searching (医保, 医疗保险): searching any of
    them also searches the others."""

    terms = models.CharField(
        _("同义词"),
        max_length=500,
        help_text=_(
            "用逗号、顿号或空格分隔，例如：医保，医疗保险，城乡居民医保。"
            "搜索其中任何一个词时，也会搜索其他词。"
        ),
    )
    note = models.CharField(
        _("备注"), max_length=200, blank=True, help_text=_("例如：群众常用简称")
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("搜索同义词")
        verbose_name_plural = _("搜索同义词")
        ordering = ["terms"]

    def __str__(self):
        return " ↔ ".join(self.term_list)

    @property
    def term_list(self):
        from .search.synonyms import split_terms

        return split_terms(self.terms)

    def clean(self):
        super().clean()
        from .search.query import has_tokens

        terms = self.term_list
        if len(terms) < 2:
            raise ValidationError({"terms": _("请至少填写两个词，用逗号或空格分隔。")})
        for term in terms:
            if len(term) > 30:
                raise ValidationError(
                    {"terms": _("「%(term)s」太长，每个词不超过 30 个字。") % {"term": term}}
                )
            if not has_tokens(term):
                raise ValidationError(
                    {"terms": _("「%(term)s」不含汉字、字母或数字。") % {"term": term}}
                )


class SearchWord(models.Model):
    """A word of the site's own vocabulary (from titles, keywords and text), keyed by toneless
    pinyin, so that a homophone typo (登纪) can be answered with 您是不是要找：登记."""

    word = models.CharField(_("词"), max_length=20, unique=True)
    pinyin = models.CharField(_("拼音"), max_length=140)
    fuzzy_pinyin = models.CharField(_("模糊拼音"), max_length=140, db_index=True)
    # How many indexed objects contain the word (recounted by update_index; see vocabulary.py).
    frequency = models.PositiveIntegerField(_("出现次数"), default=0)

    class Meta:
        verbose_name = _("搜索词汇")
        verbose_name_plural = _("搜索词汇")

    def __str__(self):
        return self.word


class ZeroResultQueryDailyHits(models.Model):
    """How often a logged search query found nothing on one day (beside Wagtail's own daily hits
    of the same query), for the report editors use to add synonyms and promoted results."""

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        verbose_name=_("搜索词"),
        on_delete=models.CASCADE,
        related_name="zero_result_daily_hits",
    )
    date = models.DateField(_("日期"))
    hits = models.PositiveIntegerField(_("次数"), default=0)

    class Meta:
        verbose_name = _("无结果搜索")
        verbose_name_plural = _("无结果搜索")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="unique_zero_result_query_day")
        ]

    def __str__(self):
        return f"{self.query} {self.date:%Y-%m-%d}: {self.hits}"


class JobRunQuerySet(models.QuerySet):
    def succeeded(self):
        return self.filter(succeeded=True)

    def failed(self):
        return self.filter(succeeded=False)


class JobRun(models.Model):
    """One scheduled run of one job (portal/scheduler.py): the slot it was due for, when it ran
    and how it ended. The unique slot makes a second scheduler skip a run the first one took."""

    job = models.CharField(_("任务"), max_length=64)
    slot = models.DateTimeField(_("计划时间"))
    started_at = models.DateTimeField(_("开始时间"))
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    # None while the job runs.
    succeeded = models.BooleanField(_("是否成功"), null=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=1)
    output = models.TextField(_("输出或错误"), blank=True)

    objects = JobRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("定时任务运行记录")
        verbose_name_plural = _("定时任务运行记录")
        ordering = ["-slot"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="unique_job_run_slot")]
        indexes = [models.Index(fields=["job", "-slot"], name="job_run_latest")]

    def __str__(self):
        return f"{self.job} {self.slot:%Y-%m-%d %H:%M}"

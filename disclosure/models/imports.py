"""One bulk import of the catalogue (批量导入): the uploaded file, its preview and its result, kept
so that a site administrator sees the progress of a large import and downloads its report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKindName(models.TextChoices):
    """What a bulk import file holds."""

    DEPARTMENTS = "departments", _("部门")
    PROCEDURES = "procedures", _("办事指南")
    POWERS = "powers", _("权责事项")


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", _("已预览，待确认")
    REFUSED = "refused", _("有错误，未导入")
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("导入中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败，未导入")


class CatalogueImportRun(models.Model):
    """One uploaded file: kind, whether to publish directly, the preview counts, the progress of
    the background import and the per-row report."""

    kind = models.CharField(_("导入类型"), max_length=20, choices=ImportKindName.choices)
    filename = models.CharField(_("文件名"), max_length=200)
    data = models.BinaryField(_("文件内容"), editable=False)
    publish = models.BooleanField(_("直接发布"), default=False)
    status = models.CharField(
        _("状态"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.PREVIEWED
    )
    total_rows = models.PositiveIntegerField(_("行数"), default=0)
    created_count = models.PositiveIntegerField(_("新增"), default=0)
    updated_count = models.PositiveIntegerField(_("更新"), default=0)
    unchanged_count = models.PositiveIntegerField(_("不变"), default=0)
    error_count = models.PositiveIntegerField(_("错误"), default=0)
    done_rows = models.PositiveIntegerField(_("已写入"), default=0)
    report = models.JSONField(_("结果报告"), default=list, blank=True, editable=False)
    message = models.CharField(_("说明"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("导入人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("批量导入记录")
        verbose_name_plural = _("批量导入记录")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.filename}（{self.get_status_display()}）"

    @property
    def to_write(self):
        return self.created_count + self.updated_count

    @property
    def percent(self):
        if self.status == ImportStatus.DONE:
            return 100
        return int(100 * self.done_rows / self.to_write) if self.to_write else 0

    def record_plan(self, plan):
        """Store the counts and report of a plan (preview or result)."""
        self.total_rows = len(plan.rows) + len({error.row for error in plan.errors if error.row})
        self.created_count = plan.created
        self.updated_count = plan.updated
        self.unchanged_count = plan.unchanged
        self.error_count = len(plan.errors)
        self.report = [[str(cell) for cell in line] for line in plan.report_rows()]

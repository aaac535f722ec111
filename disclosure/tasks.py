"""Background work of the disclosure app: a large catalogue import (批量导入), run by the task
worker so that the admin's request does not wait for ten thousand pages."""

from django.core.cache import cache
from django.utils import timezone
from django_tasks import task

PROGRESS_KEY = "disclosure:import-progress:{}"


def import_progress(run):
    """Rows written so far: the import writes in one transaction, invisible to other
    connections until it commits, so the running count is kept in the cache as well."""
    return cache.get(PROGRESS_KEY.format(run.pk), run.done_rows)


@task()
def run_catalogue_import(run_id):
    """Write the rows of import run `run_id`, all or none; record the result and report."""
    from .catalogue_import import ImportRefused, import_apply
    from .models import CatalogueImportRun, ImportStatus

    run = CatalogueImportRun.objects.select_related("created_by").filter(pk=run_id).first()
    if run is None or run.status not in (ImportStatus.QUEUED, ImportStatus.PREVIEWED):
        return False
    CatalogueImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.RUNNING)

    def progress(done, total):
        cache.set(PROGRESS_KEY.format(run.pk), done, timeout=3600)

    try:
        plan = import_apply(
            kind=run.kind,
            data=bytes(run.data),
            filename=run.filename,
            user=run.created_by,
            publish=run.publish,
            progress=progress,
        )
    except ImportRefused as refused:
        run.record_plan(refused.plan)
        run.status = ImportStatus.FAILED
        run.message = "文件有错误，没有导入任何内容。"
    except Exception as error:
        run.status = ImportStatus.FAILED
        run.message = f"导入失败，没有导入任何内容：{type(error).__name__}"[:500]
        run.finished_at = timezone.now()
        run.save()
        raise
    else:
        run.record_plan(plan)
        run.done_rows = plan.created + plan.updated
        run.status = ImportStatus.DONE
        run.message = "已导入。" + (
            "页面已直接发布。" if run.publish else "页面为草稿，请提交审核。"
        )
    run.finished_at = timezone.now()
    run.save()
    cache.delete(PROGRESS_KEY.format(run.pk))
    return run.status == ImportStatus.DONE

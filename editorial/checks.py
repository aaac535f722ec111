"""The publish checks: mandated metadata, dead links and missing attachments, and 错敏词.

Registered with portal.publishing in EditorialConfig.ready(). Each returns PublishProblems with a
Chinese message that says what to fix and where.
"""

from django.utils.translation import gettext as _

from portal.publishing import PUBLISH, PublishProblem
from portal.references import PAGE, broken_references_for

from .services import sensitive_words_confirm
from .wording import confirmed_keys, find_hits, may_confirm_sensitive_words


def metadata_check(page, *, user, action, counts=None, **kwargs):
    """The mandated elements the page type declares (`missing_elements`), e.g. 发布机构."""
    missing_elements = getattr(page, "missing_elements", None)
    if missing_elements is None:
        return []
    missing = missing_elements(counts)
    if not missing:
        return []
    return [
        PublishProblem(
            code="metadata",
            message=_("缺少以下必备要素，不能发布或提交审核：%(items)s。可先保存草稿。")
            % {"items": "、".join(str(item) for item in missing)},
        )
    ]


def broken_links_check(page, *, user, action, **kwargs):
    """Links to pages that are gone or not live, and deleted documents and images."""
    return [
        PublishProblem(
            code="broken_link" if reference.target_kind == PAGE else "missing_document",
            message=_("链接失效：%(detail)s。请删除该链接或改为有效的页面、附件。")
            % {"detail": reference.message},
        )
        for reference in broken_references_for(page)
    ]


def unconfirmed_hits(page):
    """The 错敏词 hits of the page that no reviewer has confirmed yet."""
    hits = find_hits(page)
    if not hits:
        return []
    confirmed = confirmed_keys(page)
    return [hit for hit in hits if hit.key not in confirmed]


def hit_message(hit):
    message = _("错敏词：“%(field)s”中出现“%(word)s”（%(count)s 处）") % {
        "field": hit.field,
        "word": hit.word,
        "count": hit.count,
    }
    if hit.replacement:
        message += _("，建议改为“%(replacement)s”") % {"replacement": hit.replacement}
    if hit.note:
        message += _("（%(note)s）") % {"note": hit.note}
    return message + _("。请修改，或由审核人员核对后勾选“已核对错敏词提示，确认无误”。")


def sensitive_words_check(page, *, user, action, **kwargs):
    """Blocks publication until fixed or confirmed; on submit to review only a warning, so the
    reviewer, who may confirm, sees the page."""
    return [
        PublishProblem(
            code="sensitive_word",
            message=hit_message(hit),
            blocking=action == PUBLISH,
            confirmable=True,
        )
        for hit in unconfirmed_hits(page)
    ]


class SensitiveWordConfirmer:
    """Who may confirm 错敏词 hits on the edit form, and how the confirmation is recorded."""

    def can_confirm(self, user, page):
        return may_confirm_sensitive_words(user, page)

    def confirm(self, page, *, user, problems):
        hits = unconfirmed_hits(page)
        if hits:
            sensitive_words_confirm(page=page, user=user, hits=hits)


CHECKS = (metadata_check, broken_links_check, sensitive_words_check)
CONFIRMER = SensitiveWordConfirmer()

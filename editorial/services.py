"""Writes the editorial staff trigger in the admin."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .wording import SensitiveWordConfirmation, may_confirm_sensitive_words

# -- checks: 错敏词 confirmations (helper "checks") ---------------------------------------------

CONFIRM_ACTION = "editorial.sensitive_words_confirm"


@transaction.atomic
def sensitive_words_confirm(*, page, user, hits):
    """Record that `user` checked these 错敏词 hits on `page` and found the wording correct."""
    if not hits:
        raise ValueError(_("没有需要确认的错敏词提示。"))
    if page.pk is None:
        raise ValueError(_("请先保存草稿，再确认错敏词提示。"))
    if not may_confirm_sensitive_words(user, page):
        raise PermissionError(_("只有本部门的审核人员或站点管理员可以确认错敏词提示。"))
    confirmation = SensitiveWordConfirmation.objects.create(
        page_id=page.pk,
        revision_id=page.latest_revision_id,
        user=user,
        user_name=user.get_full_name() or user.get_username(),
        hits=[
            {"path": hit.path, "field": hit.field, "word": hit.word, "count": hit.count}
            for hit in hits
        ],
    )
    # In the page's history too, where reviewers and inspectors look first.
    log(
        instance=page,
        action=CONFIRM_ACTION,
        user=user,
        data={"words": sorted({hit.word for hit in hits}), "confirmation": confirmation.pk},
    )
    return confirmation


# -- end of checks ------------------------------------------------------------------------------

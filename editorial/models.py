"""The three-stage review (三审): one task model for 初审, 复审 and 终审.

Who may act on a stage (decided, documented in the README):
- only members of the stage's groups (初审 and 复审: 审核; 终审: 站点管理员), superusers included;
- on a department-scoped stage, only members of the page's own department (site administrators
  are bound to no department); pages of no department are reviewed by site administrators only;
- nobody approves or rejects their own edit: not the user who submitted the page, not the author
  of the revision under review, nor of any revision saved while this review runs;
- nobody acts on two stages of one review: whoever approved 初审 cannot decide 复审 or 终审,
  so three different people have read every published page;
- 终审 is refused while a publish check reports a blocking problem.
"""

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Revision, TaskState

from portal.permissions import is_site_admin, page_in_users_department, user_department_id
from portal.publishing import PUBLISH, blocking_problems


class ReviewRefused(Exception):
    """A review action this user may not take now; the message says why, in Chinese.

    Deliberately not a PermissionDenied: Wagtail's admin turns those into a generic English
    redirect, whereas editorial.middleware shows this message on the page's edit screen."""

    def __init__(self, message, *, page=None):
        super().__init__(message)
        self.message = message
        self.page = page


def specific(obj):
    """The specific page: Wagtail's workflow views pass a plain Page, without a department."""
    return getattr(obj, "specific_deferred", obj)


class ReviewStage(models.TextChoices):
    """The three stages of 三审, in order."""

    FIRST = "first", _("初审")
    SECOND = "second", _("复审")
    FINAL = "final", _("终审")


class ReviewStageTask(AbstractGroupApprovalTask):
    """One stage of 三审: approved by its groups, in the page's department, never by the author."""

    stage = models.CharField(_("审核阶段"), max_length=10, choices=ReviewStage.choices)
    department_scoped = models.BooleanField(
        _("仅限本部门"),
        default=True,
        help_text=_("勾选后，只有与页面发布机构同一部门的组成员可以审核（站点管理员除外）。"),
    )

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "stage", "department_scoped"]

    class Meta:
        verbose_name = _("三审审核环节")
        verbose_name_plural = _("三审审核环节")

    @classmethod
    def get_description(cls):
        return _("所选用户组中与页面同一部门的成员审核；任何人不能审核自己修改的内容。")

    # -- who may act ---------------------------------------------------------------------------

    def refusal_reason(self, obj, user, task_state=None):
        """Why `user` may not approve or reject this stage on `obj` now (Chinese), or None."""
        obj = specific(obj)
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return _("请先登录。")
        if not (user.is_superuser or self._user_in_groups(user)):
            return _("您不在「%(stage)s」环节的审核组中。") % {"stage": self.name}
        if self.department_scoped and not is_site_admin(user):
            if getattr(obj, "owning_department_id", None) is None:
                return _("该页面不属于任何部门，只能由站点管理员审核。")
            if not page_in_users_department(user, obj):
                return _("您只能审核本部门发布的内容。")
        task_state = task_state or obj.current_workflow_task_state
        if task_state is None:
            return None
        if user.pk in self.authors(obj, task_state):
            return _("不能审核自己提交或修改的内容，请由其他审核人员审核。")
        if user.pk in self.earlier_deciders(task_state):
            return _("您已审核过本次送审的前一环节，同一内容的各环节须由不同人员审核。")
        return None

    def authors(self, obj, task_state):
        """Users whose edits this review covers: submitter, revision author, later editors."""
        workflow_state = task_state.workflow_state
        authors = {workflow_state.requested_by_id, task_state.revision.user_id}
        authors |= set(
            Revision.objects.filter(
                base_content_type_id=workflow_state.base_content_type_id,
                object_id=workflow_state.object_id,
                created_at__gte=workflow_state.created_at,
            ).values_list("user_id", flat=True)
        )
        authors.discard(None)
        return authors

    def earlier_deciders(self, task_state):
        """Users who approved another stage of the same review."""
        return set(
            TaskState.objects.filter(
                workflow_state_id=task_state.workflow_state_id,
                status=TaskState.STATUS_APPROVED,
                finished_by__isnull=False,
            )
            .exclude(task_id=self.pk)
            .values_list("finished_by_id", flat=True)
        )

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) and self._in_department(obj, user)

    def locked_for_user(self, obj, user):
        # Site administrators may still correct a page under review (an urgent fix).
        return not (is_site_admin(user) or self.user_can_access_editor(obj, user))

    def user_can_lock(self, obj, user):
        return super().user_can_lock(obj, user) and self._in_department(obj, user)

    def _in_department(self, obj, user):
        obj = specific(obj)
        return (
            not self.department_scoped or is_site_admin(user) or page_in_users_department(user, obj)
        )

    def get_actions(self, obj, user):
        if self.refusal_reason(obj, user) is not None:
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if not states.exists():
            return states
        states = states.exclude(
            Q(workflow_state__requested_by=user) | Q(revision__user=user)
        ).exclude(
            workflow_state__in=TaskState.objects.filter(
                finished_by=user, status=TaskState.STATUS_APPROVED
            )
            .exclude(task_id=self.pk)
            .values("workflow_state")
        )
        if self.department_scoped and not is_site_admin(user):
            # Imported here: disclosure is a lower layer, but loading its models at import time
            # of this module would order app loading needlessly.
            from disclosure.models import DisclosurePage

            page_ids = DisclosurePage.objects.filter(
                issuing_department_id=user_department_id(user)
            ).values_list("pk", flat=True)
            states = states.filter(workflow_state__object_id__in=[str(pk) for pk in page_ids])
        return states

    # -- acting --------------------------------------------------------------------------------

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """Approve or reject, refusing anyone the rules above exclude, and a final approval
        while a publish check still blocks."""
        page = specific(task_state.workflow_state.content_object)
        reason = self.refusal_reason(page, user, task_state)
        if reason is not None:
            raise ReviewRefused(reason, page=page)
        if action_name == "approve" and self.stage == ReviewStage.FINAL:
            problems = blocking_publish_problems(page, user)
            if problems:
                raise ReviewRefused(
                    _("以下问题解决前不能通过终审：%(problems)s")
                    % {"problems": "；".join(problem.message for problem in problems)},
                    page=page,
                )
        return super().on_action(task_state, user, action_name, **kwargs)


def blocking_publish_problems(page, user):
    """The publish-check problems that must be fixed (or confirmed) before the page goes live,
    checked on the revision the final approval will publish (the latest one)."""
    return blocking_problems(page.get_latest_revision_as_object(), user=user, action=PUBLISH)


from .wording import SensitiveWord, SensitiveWordConfirmation  # noqa: E402, F401

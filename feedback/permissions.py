"""Who may see and handle which complaint, symposium view, inspection finding and
accountability case.

Department complaint handlers (部门投诉处理员, permission `feedback.handle_complaint`) see and act
only on the complaints their department handles; county supervisors (效能督查,
`feedback.supervise_complaint`) and superusers see and act on all. Nobody adds complaints in
the admin (citizens submit them) and nobody deletes one.

Symposium views: the county supervisors record, assign and follow up every view
(`feedback.record_symposiumview`); a department's handlers (`feedback.handle_symposiumview`) see
and answer the views their department handles. Inspection findings: county supervisors only
(`feedback.record_inspection`). Accountability cases: the accountability-review group only
(问责审查, `feedback.review_accountability`), which also records each decision on the complaints
that raised the case. Nothing of these is ever deleted.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from portal.models import user_department

from .models import (
    AccountabilityCase,
    Action,
    Complaint,
    InspectionFinding,
    Status,
    SymposiumView,
    ViewAction,
)

HANDLER_GROUP = "部门投诉处理员"
SUPERVISOR_GROUP = "效能督查"
REVIEW_GROUP = "问责审查"
HANDLE_PERMISSION = "feedback.handle_complaint"
SUPERVISE_PERMISSION = "feedback.supervise_complaint"
RECORD_VIEW_PERMISSION = "feedback.record_symposiumview"
HANDLE_VIEW_PERMISSION = "feedback.handle_symposiumview"
RECORD_INSPECTION_PERMISSION = "feedback.record_inspection"
REVIEW_PERMISSION = "feedback.review_accountability"

# What a department's handlers may do on their own department's complaints.
HANDLER_ACTIONS = {
    Action.ACCEPT,
    Action.REJECT,
    Action.ASSIGN,
    Action.EXTEND,
    Action.REPLY,
    Action.CLOSE,
}
# County supervisors may do all of that on every complaint, and these besides.
SUPERVISOR_ACTIONS = HANDLER_ACTIONS | {
    Action.REFER,
    Action.REVIEW_DECIDED,
    Action.WITHHOLD,
    Action.PUBLISH,
}
READ_ACTIONS = {"view", "change", "export"}


class ComplaintPermissionPolicy(ModelPermissionPolicy):
    """Department-scoped access to complaints, for every admin view and every action."""

    def __init__(self):
        super().__init__(Complaint)

    def is_supervisor(self, user):
        return bool(user and user.is_active and user.has_perm(SUPERVISE_PERMISSION))

    def is_handler(self, user):
        return bool(user and user.is_active and user.has_perm(HANDLE_PERMISSION))

    def user_has_permission(self, user, action):
        if action in READ_ACTIONS:
            return self.is_supervisor(user) or self.is_handler(user)
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not set(actions) & READ_ACTIONS:
            return self.auth_model._default_manager.none()
        return self._get_users_with_any_permission_codenames(
            ["handle_complaint", "supervise_complaint"]
        )

    def scope(self, user):
        """The complaints `user` may see: all for supervisors, their department's for
        handlers, none otherwise."""
        queryset = Complaint.objects.all()
        if self.is_supervisor(user):
            return queryset
        if not self.is_handler(user):
            return queryset.none()
        department = user_department(user)
        if department is None:
            return queryset.none()
        return queryset.filter(handling_department=department)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Complaint.objects.none()
        return self.scope(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if self.is_supervisor(user):
            return True
        department = user_department(user)
        return department is not None and instance.handling_department_id == department.pk

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def user_can_act(self, user, complaint, action):
        """Whether `user`'s role lets them take `action` on `complaint` (the state rule is
        the complaint's own: `Complaint.can`)."""
        if action == Action.REVIEW_DECIDED and _active_with(user, REVIEW_PERMISSION):
            # The accountability review records its decision on every complaint it examined,
            # whichever department handled it.
            return True
        if not self.user_has_permission_for_instance(user, "change", complaint):
            return False
        if self.is_supervisor(user):
            return action in SUPERVISOR_ACTIONS
        if action not in HANDLER_ACTIONS:
            return False
        if action == Action.CLOSE:
            # A department closes only a replied complaint whose rating period is over, so
            # that it cannot close a complaint before the complainant had a say.
            return complaint.status == Status.REPLIED and not complaint.rating_window_open()
        return True


complaint_policy = ComplaintPermissionPolicy()


def _active_with(user, permission):
    return bool(user and user.is_active and user.has_perm(permission))


class RolePermissionPolicy(ModelPermissionPolicy):
    """Access by role: each role permission grants a set of admin actions ("add", "change",
    "view", "export"); "delete" is granted to nobody. Subclasses narrow what a role sees with
    `scope`."""

    model = None
    # permission codename (app "feedback") → the admin actions it grants
    roles = {}

    def __init__(self):
        super().__init__(self.model)

    def has_role(self, user, codename):
        return _active_with(user, f"feedback.{codename}")

    def user_has_permission(self, user, action):
        return any(
            action in actions and self.has_role(user, codename)
            for codename, actions in self.roles.items()
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        codenames = [codename for codename, granted in self.roles.items() if set(actions) & granted]
        if not codenames:
            return self.auth_model._default_manager.none()
        return self._get_users_with_any_permission_codenames(codenames)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])

    def scope(self, user):
        """The rows `user` may see: all of them for any role, unless a subclass narrows it."""
        if self.user_has_permission(user, "view"):
            return self.model.objects.all()
        return self.model.objects.none()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return self.scope(user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def in_scope(self, user, instance):
        return self.scope(user).filter(pk=instance.pk).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.in_scope(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)


RECORDER_ACTIONS = {"add", "change", "view", "export"}

# What a department's handlers may do on the views their department handles; the county
# supervisors may do everything.
VIEW_HANDLER_ACTIONS = {ViewAction.START, ViewAction.REPLY, ViewAction.ADOPT}


class SymposiumViewPermissionPolicy(RolePermissionPolicy):
    """Symposium views: supervisors see and do everything, handlers their department's."""

    model = SymposiumView
    roles = {
        "record_symposiumview": RECORDER_ACTIONS,
        "handle_symposiumview": {"view", "export"},
    }

    def is_recorder(self, user):
        return self.has_role(user, "record_symposiumview")

    def is_handler(self, user):
        return self.has_role(user, "handle_symposiumview")

    def scope(self, user):
        queryset = SymposiumView.objects.all()
        if self.is_recorder(user):
            return queryset
        if not self.is_handler(user):
            return queryset.none()
        department = user_department(user)
        if department is None:
            return queryset.none()
        return queryset.filter(handling_department=department)

    def in_scope(self, user, instance):
        if self.is_recorder(user):
            return True
        department = user_department(user)
        return (
            self.is_handler(user)
            and department is not None
            and instance.handling_department_id == department.pk
        )

    def user_can_act(self, user, view, action):
        """Whether `user`'s role lets them take `action` on `view` (the state rule is the
        view's own: `SymposiumView.can`)."""
        if action == ViewAction.REVIEW_DECIDED:
            return _active_with(user, REVIEW_PERMISSION)
        if self.is_recorder(user):
            return True
        return action in VIEW_HANDLER_ACTIONS and self.in_scope(user, view)


class InspectionFindingPermissionPolicy(RolePermissionPolicy):
    """Inspection findings: the county supervisors only."""

    model = InspectionFinding
    roles = {"record_inspection": RECORDER_ACTIONS}

    def in_scope(self, user, instance):
        return self.user_has_permission(user, "view")


class AccountabilityCasePermissionPolicy(RolePermissionPolicy):
    """Accountability cases: the accountability-review group only."""

    model = AccountabilityCase
    roles = {"review_accountability": RECORDER_ACTIONS}

    def in_scope(self, user, instance):
        return self.user_has_permission(user, "view")


view_policy = SymposiumViewPermissionPolicy()
finding_policy = InspectionFindingPermissionPolicy()
case_policy = AccountabilityCasePermissionPolicy()

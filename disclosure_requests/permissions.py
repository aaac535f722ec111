"""Who may see and handle which disclosure request.

A department's disclosure handlers (`disclosure_requests.handle_disclosurerequest`) see and act
on the requests their department holds; the county disclosure office
(`disclosure_requests.supervise_disclosurerequest`) and superusers see and act on all. Nobody
deletes a request.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from portal.models import user_department

from .models import DisclosureRequest

HANDLER_GROUP = "依申请公开办理员"
SUPERVISOR_GROUP = "县政务公开办"
HANDLE_PERMISSION = "disclosure_requests.handle_disclosurerequest"
SUPERVISE_PERMISSION = "disclosure_requests.supervise_disclosurerequest"
READ_ACTIONS = {"view", "change", "export"}


def _active_with(user, permission):
    return bool(user and user.is_active and user.has_perm(permission))


class DisclosureRequestPermissionPolicy(ModelPermissionPolicy):
    """Department-scoped access to disclosure requests, for every admin view and action."""

    def __init__(self):
        super().__init__(DisclosureRequest)

    def is_supervisor(self, user):
        return _active_with(user, SUPERVISE_PERMISSION)

    def is_handler(self, user):
        return _active_with(user, HANDLE_PERMISSION)

    def user_has_permission(self, user, action):
        return action in READ_ACTIONS and (self.is_supervisor(user) or self.is_handler(user))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not set(actions) & READ_ACTIONS:
            return self.auth_model._default_manager.none()
        return self._get_users_with_any_permission_codenames(
            ["handle_disclosurerequest", "supervise_disclosurerequest"]
        )

    def scope(self, user):
        """All requests for the county office, the department's own for its handlers."""
        queryset = DisclosureRequest.objects.all()
        if self.is_supervisor(user):
            return queryset
        department = user_department(user) if self.is_handler(user) else None
        if department is None:
            return queryset.none()
        return queryset.filter(department=department)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return DisclosureRequest.objects.none()
        return self.scope(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if self.is_supervisor(user):
            return True
        department = user_department(user)
        return department is not None and instance.department_id == department.pk

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def user_can_act(self, user, disclosure_request):
        return self.user_has_permission_for_instance(user, "change", disclosure_request)


request_policy = DisclosureRequestPermissionPolicy()

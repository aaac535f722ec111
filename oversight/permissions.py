"""Who may open the oversight pages: superusers, the 站点管理员 group, the 效能督查 group (the
audit log and the self-check only), or anyone granted the matching oversight permission."""

from feedback.permissions import SUPERVISOR_GROUP
from portal.permissions import is_site_admin


def _allowed(user, permission, *, supervisors):
    if is_site_admin(user):  # superusers and 站点管理员; False for anonymous and inactive users
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.has_perm(permission):
        return True
    return supervisors and user.groups.filter(name=SUPERVISOR_GROUP).exists()


def can_view_audit(user):
    return _allowed(user, "oversight.view_audit", supervisors=True)


def can_view_selfcheck(user):
    return _allowed(user, "oversight.view_selfcheck", supervisors=True)


def can_manage_login_security(user):
    """Unlocking accounts is the site administrators' job only."""
    return _allowed(user, "oversight.manage_login_security", supervisors=False)

"""Who may open the oversight pages: superusers, the 站点管理员 group, the 效能督查 group (the
audit log and the self-check only), or anyone granted the matching oversight permission."""

SITE_ADMIN_GROUP = "站点管理员"
SUPERVISOR_GROUP = "效能督查"


def _in_groups(user, names):
    return user.groups.filter(name__in=names).exists()


def _allowed(user, permission, groups):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.has_perm(permission) or _in_groups(user, groups)


def can_view_audit(user):
    return _allowed(user, "oversight.view_audit", (SITE_ADMIN_GROUP, SUPERVISOR_GROUP))


def can_view_selfcheck(user):
    return _allowed(user, "oversight.view_selfcheck", (SITE_ADMIN_GROUP, SUPERVISOR_GROUP))


def can_manage_login_security(user):
    """Unlocking accounts is the site administrators' job only."""
    return _allowed(user, "oversight.manage_login_security", (SITE_ADMIN_GROUP,))

"""Department-scoped page permissions: what a staff user may do to one page in the admin.

A page belongs to a department when its type sets `department_scoped = True` and its
`owning_department_id` names one (every disclosed and decision page: the issuing department).
Editors and reviewers act only on their own department's pages; pages that belong to no
department (home page, index pages, form pages) are edited by site administrators only, although
editors may still add their department's pages beneath them. Site administrators (the 站点管理员
group, and superusers) keep Wagtail's ordinary permissions everywhere.

What staff see follows the same scope: an unpublished government document is not public until it
is published, so another department's pages (their draft titles, revisions and authors) appear in
no admin listing, search, report, API answer or bulk confirmation of a department's staff
(`DepartmentPagePermissionPolicy`); the page chooser still offers them while they are live with no
unpublished changes, when what it shows is the published title (`choosable_pages`).
"""

from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import PagePermissionTester
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import user_department

SITE_ADMIN_GROUP = "站点管理员"


def is_site_admin(user):
    """Superusers and members of 站点管理员: not bound to a department."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Cached on the user: one admin request asks this for every page in a listing.
    cached = getattr(user, "_portal_is_site_admin", None)
    if cached is None:
        cached = user.groups.filter(name=SITE_ADMIN_GROUP).exists()
        user._portal_is_site_admin = cached
    return cached


def user_department_id(user):
    """The primary key of the user's department, cached on the user for the request."""
    if not hasattr(user, "_portal_department_id"):
        department = user_department(user)
        user._portal_department_id = department.pk if department else None
    return user._portal_department_id


def page_in_users_department(user, page):
    """True when the page belongs to a department and that department is the user's."""
    department_id = getattr(page, "owning_department_id", None)
    return department_id is not None and department_id == user_department_id(user)


# Concrete page models that belong to a department, and the ForeignKey naming it; the apps that
# define such pages register them (portal imports no app). Must agree with `owning_department_id`.
DEPARTMENT_PAGE_FIELDS = {}


def register_department_pages(model, field_name):
    """Let the department scope find `model`'s pages in the database by its ForeignKey."""
    DEPARTMENT_PAGE_FIELDS[model] = field_name


def other_department_pages(user):
    """A Q on Page: the pages of a department other than the user's (of any, for staff of none).

    A department page with no department set counts as another department's, as in the tester.
    """
    department_id = user_department_id(user)
    conditions = []
    for model, field_name in DEPARTMENT_PAGE_FIELDS.items():
        pages = model._default_manager.all()
        if department_id is not None:
            pages = pages.exclude(**{f"{field_name}_id": department_id})
        conditions.append(Q(pk__in=pages.values("pk")))
    return reduce(or_, conditions) if conditions else Q(pk__in=[])


def within_department_scope(pages, user):
    """The page queryset without other departments' pages; site administrators keep all."""
    if is_site_admin(user):
        return pages
    return pages.exclude(other_department_pages(user))


def choosable_pages(pages, user):
    """The page chooser's queryset: other departments' pages only while live with no
    unpublished changes, when the title Wagtail shows (the draft title) is the published one."""
    if is_site_admin(user):
        return pages
    return pages.exclude(
        other_department_pages(user) & ~Q(live=True, has_unpublished_changes=False)
    )


def other_department_staff(user):
    """A Q on the user model: staff of a department other than the user's (of any department,
    for staff of none), whose names as editors and reviewers are not shown to the user."""
    department_id = user_department_id(user)
    condition = Q(staff_profile__department__isnull=False)
    if department_id is not None:
        condition &= ~Q(staff_profile__department_id=department_id)
    return condition


class DepartmentPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, narrowed like the tester below.

    Wagtail's explorer, page search, admin API, site history, workflow, aging and locked-pages
    reports all list the pages this policy returns, so one rule keeps another department's pages
    (and their log entries and workflow states) out of all of them.
    """

    def instances_user_has_any_permission_for(self, user, actions):
        return within_department_scope(
            super().instances_user_has_any_permission_for(user, actions), user
        )

    def explorable_instances(self, user):
        return within_department_scope(super().explorable_instances(user), user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if out_of_department(user, instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def out_of_department(user, page):
    """True for a department's page and a user who is neither of that department nor a site
    administrator."""
    page = page.specific_deferred
    if not getattr(page, "department_scoped", False) or is_site_admin(user):
        return False
    return not page_in_users_department(user, page)


class DepartmentPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, narrowed to the user's department (see the module docstring).

    `out_of_department` is True for a department's page seen by someone of another department
    (or of none); the admin answers every URL of such a page with 403.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.department_scoped = bool(getattr(page, "department_scoped", False))
        if is_site_admin(user):
            self.in_scope = True
        elif self.department_scoped:
            self.in_scope = page_in_users_department(user, page)
        else:
            self.in_scope = False
        self.out_of_department = self.department_scoped and not self.in_scope
        if user.is_active and not user.is_superuser and not self.in_scope:
            # Other code (can_move_to, can_copy_to) reads `permissions` of a destination page
            # directly, so narrow the set itself, not only the methods below. "add" stays on
            # pages outside every department so that editors can create pages under an index.
            self.permissions = set() if self.department_scoped else self.permissions & {"add"}

    def can_add_subpage(self):
        if self.out_of_department:
            return False
        return super().can_add_subpage()

    def can_edit(self):
        return self.in_scope and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self.in_scope and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self.in_scope and super().can_unpublish()

    def can_publish(self):
        return self.in_scope and super().can_publish()

    def can_submit_for_moderation(self):
        return self.in_scope and self.can_edit() and super().can_submit_for_moderation()

    def can_lock(self):
        return self.in_scope and super().can_lock()

    def can_unlock(self):
        return self.in_scope and super().can_unlock()

    def can_publish_subpage(self):
        return self.in_scope and super().can_publish_subpage()

    def can_reorder_children(self):
        return self.in_scope and super().can_reorder_children()

    def can_view_revisions(self):
        return self.in_scope and super().can_view_revisions()


class SiteAdminViewOnlyPolicy(BasePermissionPolicy):
    """Site administrators may look, nobody may change: the records the worker and the
    scheduler write (background tasks, scheduled runs) are not edited by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and is_site_admin(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__name=SITE_ADMIN_GROUP))
            .distinct()
        )

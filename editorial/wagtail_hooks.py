"""Admin wiring of the editorial app."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.permissions import choosable_pages, is_site_admin, within_department_scope
from portal.publishing import FORM_ACTIONS, PUBLISH, SUBMIT, blocking_problems, publish_problems

from .services import CONFIRM_ACTION
from .wording import SensitiveWord

# -- roles: department-scoped page creation (helper "roles") -----------------------------------


@hooks.register("before_create_page")
def only_site_admins_create_pages_of_no_department(request, parent_page, page_class):
    """Editors create their department's pages (disclosed and decision pages); the home, index
    and form pages belong to no department and are created by site administrators only."""
    if getattr(page_class, "department_scoped", False) or is_site_admin(request.user):
        return None
    return TemplateResponse(
        request,
        "editorial/admin/site_admin_only.html",
        {"page_type": page_class.get_verbose_name()},
        status=403,
    )


# The explorer, page search, admin API and reports list pages through the page permission
# policy (portal.permissions.DepartmentPagePermissionPolicy, registered in editorial.apps); these
# hooks apply the same rule where Wagtail builds a queryset of its own.


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_own_department(parent_page, pages, request):
    """Explorer listings and searches hold no page of another department."""
    return within_department_scope(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def chooser_offers_published_pages_of_other_departments(pages, request):
    """Editors may link to another department's published page, never see its draft."""
    return choosable_pages(pages, request.user)


@hooks.register("construct_reports_menu")
def hide_site_wide_reports(request, menu_items):
    """The page types report names the last edited page of every department: site
    administrators only (editorial.middleware answers its URL with 403 for others)."""
    if not is_site_admin(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


# -- end of roles ------------------------------------------------------------------------------


# -- checks: 错敏词 list, confirmations in the page history, warnings on submit (helper "checks") -


class SensitiveWordViewSet(SnippetViewSet):
    """The 错敏词 list under 设置: site administrators maintain it (snippet permissions)."""

    model = SensitiveWord
    icon = "warning"
    menu_label = _("错敏词")
    menu_name = "sensitive-words"
    add_to_settings_menu = True
    list_display = ["word", "replacement", "note", "enabled", "updated_at"]
    list_filter = ["enabled"]
    list_export = ["word", "replacement", "note", "enabled"]
    search_fields = ["word", "replacement", "note"]
    ordering = ["word"]


register_snippet(SensitiveWordViewSet)


def _word_list_changed(request, instance_or_instances):
    instances = instance_or_instances
    if not isinstance(instances, list):
        instances = [instances]
    if any(isinstance(instance, SensitiveWord) for instance in instances):
        SensitiveWord.list_changed()


# The list is cached under a generation key; every admin change starts a new generation.
hooks.register("after_create_snippet", _word_list_changed)
hooks.register("after_edit_snippet", _word_list_changed)
hooks.register("after_delete_snippet", _word_list_changed)


@hooks.register("register_log_actions")
def register_sensitive_word_log_actions(actions):
    actions.register_action(CONFIRM_ACTION, _("确认错敏词"), _("审核人员确认错敏词提示无误"))


def _warn_after_submit(request, page):
    """Editors submitting to review see 错敏词 (not blocking on submit) as warnings."""
    if FORM_ACTIONS.get(next((b for b in FORM_ACTIONS if b in request.POST), None)) != SUBMIT:
        return
    for problem in publish_problems(page.specific, user=request.user, action=SUBMIT):
        if not problem.blocking:
            messages.warning(request, problem.message)


hooks.register("after_edit_page", _warn_after_submit)
hooks.register("after_create_page", _warn_after_submit)


@hooks.register("before_bulk_action")
def refuse_bulk_publish_with_problems(request, action_type, objects, action):
    """Bulk publishing skips the edit form, so the publish checks run here: a page (or, with
    "include descendants", a draft below it) with a blocking problem stops the whole action."""
    if action_type != "publish":
        return None
    pages = [page.specific for page in objects]
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        for page in list(pages):
            pages += [
                draft.specific
                for draft in page.get_descendants().filter(has_unpublished_changes=True)
            ]
    refused = False
    for page in pages:
        problems = blocking_problems(
            page.get_latest_revision_as_object(), user=request.user, action=PUBLISH
        )
        if problems:
            refused = True
            messages.error(
                request,
                _("「%(title)s」不能发布：%(problems)s")
                % {"title": page.title, "problems": "；".join(p.message for p in problems)},
            )
    if refused:
        return redirect(request.GET.get("next") or "wagtailadmin_explore_root")
    return None


# -- end of checks ------------------------------------------------------------------------------

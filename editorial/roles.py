"""The staff roles and the 三审 workflow, created idempotently.

Each function takes an app registry, so that the data migration (historical models) and
bootstrap_site (the live registry) run the same code. Nothing is ever removed: a permission a
site administrator added to a group by hand stays.

Roles (Django groups) and what each may do:
- 编辑: log into the admin; add and edit pages (GroupPagePermission on the home page: add,
  change — no publish), limited to their department's pages by portal.permissions; upload and
  choose documents and images.
- 审核: log into the admin; edit pages under review (change) and act on 初审/复审 of their
  department's pages; choose documents and images. No publish: pages go live through 三审.
- 站点管理员: everything on pages (add, change, publish, bulk delete, lock, unlock), users and
  their departments, departments, the calendar, site settings, synonyms, redirects, documents
  and images; 终审 of every page.
- 部门投诉处理员, 效能督查, 问责审查: created by feedback's migrations; ensured here with the
  same permissions so that bootstrap_site can repair a database where someone deleted them.
"""

from feedback.permissions import HANDLER_GROUP, REVIEW_GROUP, SUPERVISOR_GROUP
from portal.permissions import SITE_ADMIN_GROUP

EDITOR_GROUP = "编辑"
REVIEWER_GROUP = "审核"
WORKFLOW_NAME = "三审"

ADMIN_ACCESS = ("wagtailadmin", "access_admin")

# Model permissions per group: (app_label, codename).
MODEL_PERMISSIONS = {
    EDITOR_GROUP: [ADMIN_ACCESS],
    REVIEWER_GROUP: [ADMIN_ACCESS],
    SITE_ADMIN_GROUP: [
        ADMIN_ACCESS,
        ("auth", "add_user"),
        ("auth", "change_user"),
        ("auth", "delete_user"),
        ("portal", "add_department"),
        ("portal", "change_department"),
        ("portal", "delete_department"),
        ("portal", "add_staffprofile"),
        ("portal", "change_staffprofile"),
        ("portal", "delete_staffprofile"),
        ("portal", "add_calendarday"),
        ("portal", "change_calendarday"),
        ("portal", "delete_calendarday"),
        ("portal", "change_portalsettings"),
        ("portal", "add_searchsynonym"),
        ("portal", "change_searchsynonym"),
        ("portal", "delete_searchsynonym"),
        ("wagtailredirects", "add_redirect"),
        ("wagtailredirects", "change_redirect"),
        ("wagtailredirects", "delete_redirect"),
    ],
    # The feedback roles: the same permissions feedback's migrations 0002 and 0004 grant.
    HANDLER_GROUP: [
        ADMIN_ACCESS,
        ("feedback", "handle_complaint"),
        ("feedback", "handle_symposiumview"),
    ],
    SUPERVISOR_GROUP: [
        ADMIN_ACCESS,
        ("feedback", "supervise_complaint"),
        ("feedback", "record_symposiumview"),
        ("feedback", "record_inspection"),
    ],
    REVIEW_GROUP: [ADMIN_ACCESS, ("feedback", "review_accountability")],
}

# Page permissions on the home page (and so on every page of the site), by action.
PAGE_PERMISSIONS = {
    EDITOR_GROUP: ["add", "change"],
    REVIEWER_GROUP: ["change"],
    SITE_ADMIN_GROUP: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
}

# Document and image permissions on the root collection, by action.
COLLECTION_PERMISSIONS = {
    EDITOR_GROUP: ["add", "change", "choose"],
    REVIEWER_GROUP: ["choose"],
    SITE_ADMIN_GROUP: ["add", "change", "delete", "choose"],
}

# The 错敏词 list: site administrators maintain it, reviewers (who confirm hits) may read it.
# Kept apart from MODEL_PERMISSIONS because the model arrives in a later migration (0003) than
# the roles (0002); migration 0004 grants these.
WORD_LIST_PERMISSIONS = {
    SITE_ADMIN_GROUP: [
        ("editorial", "add_sensitiveword"),
        ("editorial", "change_sensitiveword"),
        ("editorial", "delete_sensitiveword"),
    ],
    REVIEWER_GROUP: [("editorial", "view_sensitiveword")],
}

# 三审: (name, stage, groups, limited to the page's department).
REVIEW_STAGES = [
    ("初审", "first", [REVIEWER_GROUP], True),
    ("复审", "second", [REVIEWER_GROUP], True),
    ("终审", "final", [SITE_ADMIN_GROUP], False),
]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles(apps):
    """Create the six groups and give each its model and collection permissions."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    groups = {}
    for name, permissions in MODEL_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*(_permission(apps, *item) for item in permissions))
        groups[name] = group
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, actions in COLLECTION_PERMISSIONS.items():
            for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[name],
                        collection=root_collection,
                        permission=_permission(apps, app_label, f"{action}_{model}"),
                    )
    return groups


def home_page(apps):
    """The site's home page (the default site's root page), or None before bootstrap."""
    Site = apps.get_model("wagtailcore", "Site")
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_page
    HomePage = apps.get_model("portal", "HomePage")
    return HomePage.objects.first()


def ensure_page_permissions(apps, home):
    """Grant each role its page permissions on the home page."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for name, actions in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for action in actions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=home.pk,
                permission=_permission(apps, "wagtailcore", f"{action}_page"),
            )


def ensure_review_workflow(apps, home=None):
    """Create 三审 (初审 → 复审 → 终审) and assign it to the home page, hence every page."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ReviewStageTask = apps.get_model("editorial", "ReviewStageTask")

    # Set by hand: the historical model does not fill it in the way Task.__init__ does.
    task_type, _created = ContentType.objects.get_or_create(
        app_label="editorial", model="reviewstagetask"
    )
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    for order, (name, stage, group_names, scoped) in enumerate(REVIEW_STAGES):
        task = ReviewStageTask.objects.filter(stage=stage).order_by("pk").first()
        if task is None:
            task = ReviewStageTask.objects.create(
                name=name, stage=stage, department_scoped=scoped, content_type=task_type
            )
            task.groups.set(Group.objects.filter(name__in=group_names))
        if not WorkflowTask.objects.filter(workflow=workflow, task_id=task.pk).exists():
            WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=order)
    if home is not None and not WorkflowPage.objects.filter(page_id=home.pk).exists():
        WorkflowPage.objects.create(page_id=home.pk, workflow=workflow)
    return workflow


def ensure_word_list_permissions(apps):
    """Grant the 错敏词 list's permissions (WORD_LIST_PERMISSIONS)."""
    Group = apps.get_model("auth", "Group")
    for name, permissions in WORD_LIST_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        group.permissions.add(*(_permission(apps, *item) for item in permissions))


def ensure_roles_and_workflow(apps):
    """Roles, page permissions and the workflow assignment (once a home page exists), 三审."""
    ensure_roles(apps)
    home = home_page(apps)
    if home is not None:
        ensure_page_permissions(apps, home)
    return ensure_review_workflow(apps, home)


def ensure_all(apps):
    """Everything above, as bootstrap_site runs it on a fully migrated database."""
    workflow = ensure_roles_and_workflow(apps)
    ensure_word_list_permissions(apps)
    return workflow

"""The roles of symposiums, inspections and accountability review (idempotent).

部门投诉处理员 also answer the symposium views their department handles; 效能督查 record and
follow up symposium views and inspection findings; 问责审查 (new) open and decide accountability
cases, and nothing else.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "部门投诉处理员": [("feedback", "handle_symposiumview")],
    "效能督查": [("feedback", "record_symposiumview"), ("feedback", "record_inspection")],
    "问责审查": [("feedback", "review_accountability")],
}
ADMIN_ACCESS = ("wagtailadmin", "access_admin")
NEW_GROUPS = ["问责审查"]


def create_groups(apps, schema_editor):
    # Permissions of new models are normally created after all migrations ran; make them now.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in [ADMIN_ACCESS, *permissions]:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUPS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        if name in NEW_GROUPS:
            group.delete()
            continue
        for app_label, codename in permissions:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0003_symposiums_inspections_accountability"),
        ("feedback", "0002_complaint_groups"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

"""The two disclosure-request roles as groups, with exactly the permissions they need.

依申请公开办理员: log into the admin and handle their own department's requests (department set
per user in 工作人员所属部门). 县政务公开办: see and handle every request, draft the annual reports.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "依申请公开办理员": [("disclosure_requests", "handle_disclosurerequest")],
    "县政务公开办": [("disclosure_requests", "supervise_disclosurerequest")],
}
ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def create_groups(apps, schema_editor):
    # Permissions of a new model are normally created after all migrations ran; make them now.
    app_config = apps.get_app_config("disclosure_requests")
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
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_requests", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

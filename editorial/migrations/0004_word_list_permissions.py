"""The 错敏词 list's permissions for 站点管理员 and 审核 (editorial/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.roles import ensure_word_list_permissions


def grant(apps, schema_editor):
    # Permissions of models are normally created after all migrations ran; make them now.
    app_config = apps.get_app_config("editorial")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    ensure_word_list_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0003_sensitive_words")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

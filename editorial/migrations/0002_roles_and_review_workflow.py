"""The staff roles and the 三审 workflow (idempotent; see editorial/roles.py).

The page permissions and the workflow's assignment need the home page, which bootstrap_site
creates after migrating on a new database; on an existing database they are granted here."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.roles import ensure_roles_and_workflow

APPS_WITH_PERMISSIONS = [
    "auth",
    "wagtailadmin",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
    "portal",
    "feedback",
]


def create_roles(apps, schema_editor):
    # Permissions of models are normally created after all migrations ran; make them now.
    for label in APPS_WITH_PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles_and_workflow(apps)


def remove_workflow(apps, schema_editor):
    # The groups stay: users may have been put in them, and feedback owns three of them.
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="三审").delete()
    apps.get_model("editorial", "ReviewStageTask").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("feedback", "0004_review_groups"),
        ("portal", "0004_search_synonyms_starter"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_workflow)]

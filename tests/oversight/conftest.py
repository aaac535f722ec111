"""Fixtures of the oversight tests: admin users with and without the oversight groups."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

PASSWORD = "correct-horse-battery"


def make_admin_user(username, *, groups=(), superuser=False):
    """A user who may enter the Wagtail admin, in the named groups (created if missing)."""
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.gov.cn", PASSWORD)
    user = User.objects.create_user(username, f"{username}@example.gov.cn", PASSWORD)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for name in groups:
        group, _created = Group.objects.get_or_create(name=name)
        user.groups.add(group)
    return user


@pytest.fixture
def superuser(db):
    return make_admin_user("chief", superuser=True)


@pytest.fixture
def editor(db):
    """An admin user in no oversight group."""
    return make_admin_user("editor")

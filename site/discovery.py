"""The optional modules of installed apps (demo content, bootstrap steps): portal is the lowest
layer and knows no app by name, so its commands find these modules instead of importing them."""

import importlib

from django.apps import apps


def app_modules(name):
    """(app config, module) for each installed app with a module `<app>.<name>`, in the order
    of INSTALLED_APPS. An import error inside such a module is raised, not skipped."""
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
            continue
        yield config, module

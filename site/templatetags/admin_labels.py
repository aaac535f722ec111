"""Filters of the portal's overrides of Wagtail admin templates."""

from django import template
from django.apps import apps

register = template.Library()


@register.filter
def app_verbose_name(content_type):
    """The Chinese name of the app a content type belongs to (e.g. 政务公开), not its code label."""
    return apps.get_app_config(content_type.app_label).verbose_name

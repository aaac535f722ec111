"""Template tags for the shared layout: navigation, breadcrumbs, the elderly-mode link."""

from django import template
from django.utils.http import urlencode
from wagtail.models import Site

from .. import selectors

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    current = context.get("page")
    return {
        "items": selectors.main_menu(root),
        "current_path": current.url_path if current else "",
        # 首页 is current on the home page only, not on pages without one (search, errors).
        "is_home": bool(current and root and current.pk == root.pk),
        "request": request,
    }


@register.inclusion_tag("includes/breadcrumb.html")
def breadcrumb(page):
    return {"ancestors": selectors.breadcrumbs(page) if page else [], "page": page}


@register.simple_tag(takes_context=True)
def elderly_mode_url(context):
    """The link that toggles the elderly mode and brings the reader back to this page."""
    request = context.get("request")
    turn_on = "0" if context.get("elderly_mode") else "1"
    back = request.get_full_path() if request else "/"
    return "/elderly-mode/?" + urlencode({"on": turn_on, "next": back})

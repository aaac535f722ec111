"""Page slugs from Chinese titles: the title's pinyin (不动产登记 → bu-dong-chan-deng-ji).

Wagtail would keep the Chinese characters, which every link, QR code and log then shows
percent-encoded (/%E4%B8%8D%E5%8A%A8…/); pinyin stays readable and typeable.
"""

from urllib.parse import unquote

from django.utils.text import slugify
from pypinyin import Style, lazy_pinyin

# Long titles give long pinyin; a URL segment this long is already hard to read, and Wagtail's
# slug field allows 255 characters including the "-2" suffix of a duplicate.
MAX_LENGTH = 80


def pinyin_slug(title):
    """The ASCII slug of `title`: each Chinese character's toneless pinyin, other words kept,
    joined by hyphens and cut at a hyphen to at most MAX_LENGTH characters."""
    slug = slugify("-".join(lazy_pinyin(title or "", style=Style.NORMAL)))
    if len(slug) > MAX_LENGTH:
        cut = slug[: MAX_LENGTH + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:MAX_LENGTH]
    return slug


def is_title_slug(slug, title):
    """Whether `slug` is what Wagtail or the browser derive from `title` on their own: empty,
    the Chinese title itself (also percent-encoded), or its ASCII slug with the Chinese dropped."""
    if not slug:
        return True
    decoded = unquote(slug)
    return decoded in {slugify(title, allow_unicode=True), slugify(title)}


def unique_pinyin_slug(title, parent, page):
    """`pinyin_slug(title)`, with "-2", "-3"… appended while a sibling of `page` under
    `parent` has it; "" when the title has nothing to spell (punctuation only)."""
    from wagtail.models import Page  # imported here: portal.models imports this module

    base = pinyin_slug(title)
    if not base:
        return ""
    candidate, suffix = base, 1
    while not Page._slug_is_available(candidate, parent, page):
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


def default_slug(page, title, slug, parent):
    """`slug`, or the pinyin of `title` (unique under `parent`) when `slug` is empty or derived
    from the title and `page` was never published: a published page's URL never changes behind
    its editor's back."""
    if page.first_published_at or parent is None or not title or not is_title_slug(slug, title):
        return slug
    return unique_pinyin_slug(title, parent, page) or slug

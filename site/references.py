"""Dead internal links and missing attachments on pages: links to pages that do not exist or are not
live, and documents or images that were deleted, each named with the field that holds it.

References are extracted the way Wagtail's ReferenceIndex extracts them (foreign keys, rich-text
links and embeds, StreamField chooser blocks, inline child objects), and field labels come from
ReferenceIndex.describe_source_field. The stored ReferenceIndex rows are NOT used to find dead
links: Wagtail deletes every inbound row when the target is deleted (remove_references_to on
post_delete), so a link to a deleted page or document has no row left. The content itself is
scanned instead, then every target is resolved in one query per kind.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text import extract_references_from_rich_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

PAGE, DOCUMENT, IMAGE = "page", "document", "image"

# Pages are loaded in batches so that a site-wide scan keeps memory bounded while the number of
# queries stays proportional to (page types x batches), never to the number of links.
BATCH_SIZE = 500


@dataclass(frozen=True)
class BrokenReference:
    """One link or attachment on a page whose target is gone or not public."""

    source: Page
    field_label: str
    target_kind: str
    target_id: str
    reason: str

    @property
    def message(self):
        """A sentence an editor can act on: where the link is and what is wrong with it."""
        kind = {PAGE: _("页面"), DOCUMENT: _("附件"), IMAGE: _("图片")}[self.target_kind]
        return _("“%(field)s”中链接的%(kind)s（编号 %(id)s）：%(reason)s") % {
            "field": self.field_label,
            "kind": kind,
            "id": self.target_id,
            "reason": self.reason,
        }


def _target_kind(model):
    if model is None:
        return None
    if issubclass(model, Page):
        return PAGE
    if issubclass(model, get_document_model()):
        return DOCUMENT
    if issubclass(model, get_image_model()):
        return IMAGE
    return None


def _join(*parts):
    return ".".join(str(part) for part in parts if part not in ("", None))


def _raw_block_references(block, raw, model_path, content_path) -> Iterator[tuple]:
    """References in a StreamField's stored JSON.

    The block's own extract_references() works on resolved values, where a chooser pointing at a
    deleted object has already become None; the raw JSON still holds the id.
    """
    if raw in (None, "", [], {}):
        return
    if isinstance(block, ImageBlock):
        # ImageBlock stores {"image": id, ...}, or a bare id when converted from ImageChooserBlock.
        image_id = raw.get("image") if isinstance(raw, dict) else raw
        if image_id not in (None, ""):
            yield get_image_model(), str(image_id), model_path, content_path
    elif isinstance(block, blocks.StreamBlock):
        for child in raw if isinstance(raw, list) else []:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from _raw_block_references(
                    child_block,
                    child.get("value"),
                    _join(model_path, child["type"]),
                    _join(content_path, child.get("id")),
                )
    elif isinstance(block, blocks.ListBlock):
        for position, item in enumerate(raw if isinstance(raw, list) else []):
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                value, item_id = item["value"], item.get("id") or position
            else:
                value, item_id = item, position
            yield from _raw_block_references(
                block.child_block, value, _join(model_path, "item"), _join(content_path, item_id)
            )
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _raw_block_references(
                child_block,
                raw.get(name) if isinstance(raw, dict) else None,
                _join(model_path, name),
                _join(content_path, name),
            )
    elif isinstance(block, blocks.ChooserBlock):
        yield block.model_class, str(raw), model_path, content_path
    elif isinstance(block, blocks.RichTextBlock):
        for model, object_id, _mp, _cp in extract_references_from_rich_text(str(raw)):
            yield model, object_id, model_path, content_path


def _stream_raw(field, value):
    if value is None:
        return []
    if isinstance(value, blocks.StreamValue):
        return field.stream_block.get_prep_value(value)
    return field.stream_block.get_prep_value(field.to_python(value))


def _object_references(obj, *, skip_page_fields) -> Iterator[tuple]:
    """(model, target_id, model_path, content_path) for every page/document/image reference."""
    for field in obj._meta.get_fields():
        if field.is_relation and field.many_to_one and field.concrete:
            if isinstance(field, ParentalKey) or (skip_page_fields and field.model is Page):
                # Page's own keys (owner, revisions, alias_of, locale) are bookkeeping, not links.
                continue
            if _target_kind(field.related_model) is None:
                continue
            value = field.value_from_object(obj)
            if value is not None:
                yield field.related_model, str(value), field.name, field.name
        elif isinstance(field, StreamField):
            raw = _stream_raw(field, field.value_from_object(obj))
            yield from (
                (model, object_id, _join(field.name, mp), _join(field.name, cp))
                for model, object_id, mp, cp in _raw_block_references(
                    field.stream_block, raw, "", ""
                )
            )
        elif isinstance(field, RichTextField) or (
            hasattr(field, "extract_references") and not field.is_relation
        ):
            value = field.value_from_object(obj)
            if value:
                for model, object_id, mp, cp in field.extract_references(value):
                    yield model, object_id, _join(field.name, mp), _join(field.name, cp)

    if isinstance(obj, ClusterableModel):
        for relation in get_all_child_relations(obj):
            name = relation.get_accessor_name()
            # In memory for a draft from the edit form; prefetched for a site-wide scan.
            for child in getattr(obj, name).all():
                for model, object_id, mp, cp in _object_references(child, skip_page_fields=False):
                    yield model, object_id, f"{name}.item.{mp}", f"{name}.{child.pk}.{cp}"


def _field_label(obj, model_path):
    """The field's verbose name, through Wagtail's own describer (StreamField block labels too)."""
    reference = ReferenceIndex(
        content_type_id=ContentType.objects.get_for_model(obj, for_concrete_model=False).id,
        model_path=model_path,
    )
    try:
        return str(reference.describe_source_field())
    except (LookupError, AttributeError, FieldDoesNotExist):
        return model_path.split(".")[0]


def _resolve(wanted: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """Why each (kind, id) is broken; targets that resolve are left out. One query per kind."""
    broken = {}
    numeric = {kind: {i for i in ids if i.isdigit()} for kind, ids in wanted.items()}
    for kind, ids in wanted.items():
        for target_id in ids - numeric[kind]:
            broken[(kind, target_id)] = _("链接地址无效")
    if numeric.get(PAGE):
        found = {
            str(pk): (live, expired)
            for pk, live, expired in Page.objects.filter(pk__in=numeric[PAGE]).values_list(
                "pk", "live", "expired"
            )
        }
        for target_id in numeric[PAGE]:
            if target_id not in found:
                broken[(PAGE, target_id)] = _("链接的页面不存在")
            elif found[target_id][1]:
                broken[(PAGE, target_id)] = _("链接的页面已过期下线")
            elif not found[target_id][0]:
                broken[(PAGE, target_id)] = _("链接的页面未发布")
    for kind, model, reason in (
        (DOCUMENT, get_document_model(), _("附件不存在（已被删除）")),
        (IMAGE, get_image_model(), _("图片不存在（已被删除）")),
    ):
        if numeric.get(kind):
            found = {
                str(pk)
                for pk in model.objects.filter(pk__in=numeric[kind]).values_list("pk", flat=True)
            }
            for target_id in numeric[kind] - found:
                broken[(kind, target_id)] = reason
    return broken


def _broken_in(pages: Iterable[Page]) -> list[BrokenReference]:
    found = []  # (page, kind, target_id, model_path)
    wanted = defaultdict(set)
    for page in pages:
        seen = set()
        for model, target_id, model_path, _content_path in _object_references(
            page, skip_page_fields=True
        ):
            kind = _target_kind(model)
            if kind is None:
                continue
            if kind == PAGE and page.pk is not None and target_id == str(page.pk):
                continue  # a page linking to itself goes live with itself
            key = (kind, target_id, model_path)
            if key in seen:
                continue
            seen.add(key)
            found.append((page, kind, target_id, model_path))
            wanted[kind].add(target_id)
    broken = _resolve(wanted)
    return [
        BrokenReference(
            source=page,
            field_label=_field_label(page, model_path),
            target_kind=kind,
            target_id=target_id,
            reason=broken[(kind, target_id)],
        )
        for page, kind, target_id, model_path in found
        if (kind, target_id) in broken
    ]


def broken_references_for(page: Page) -> list[BrokenReference]:
    """Broken links of one page as it is in memory, e.g. a draft about to be published."""
    return _broken_in([page.specific_deferred if type(page) is Page else page])


def broken_references(pages=None) -> list[BrokenReference]:
    """Broken links of every live page (or of the given pages), ordered by page path.

    Queries: one per page type and batch to load pages, one per child relation and batch to
    prefetch inline objects, and one per target kind and batch to resolve the targets.
    """
    if pages is None:
        pages = Page.objects.live().filter(depth__gt=1)
    rows = list(pages.order_by("path").values_list("pk", "content_type_id"))
    results = []
    for start in range(0, len(rows), BATCH_SIZE):
        batch = rows[start : start + BATCH_SIZE]
        ids_by_type = defaultdict(list)
        for pk, content_type_id in batch:
            ids_by_type[content_type_id].append(pk)
        loaded = {}
        for content_type_id, ids in ids_by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue  # the page type's code was removed; nothing to render either
            relations = [r.get_accessor_name() for r in get_all_child_relations(model)]
            for page in model.objects.filter(pk__in=ids).prefetch_related(*relations):
                loaded[page.pk] = page
        results.extend(_broken_in(loaded[pk] for pk, _ct in batch if pk in loaded))
    return results

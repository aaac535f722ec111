"""Writes of the search service: logging what people searched for."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone


@transaction.atomic
def search_query_record(*, query_string, result_count):
    """Count one search in Wagtail's query hits, and in the zero-result log if it found nothing."""
    from wagtail.contrib.search_promotions.models import Query
    from wagtail.search.utils import normalise_query_string

    from portal.logs import mask_personal_data
    from portal.models import ZeroResultQueryDailyHits

    # People search for their own phone or ID number; the statistics keep only masked text.
    normalised = normalise_query_string(mask_personal_data(query_string or ""))
    if not normalised:
        return None
    query = Query.get(normalised)
    today = timezone.localdate()
    query.add_hit(date=today)
    if result_count == 0:
        ZeroResultQueryDailyHits.objects.get_or_create(query=query, date=today)
        ZeroResultQueryDailyHits.objects.filter(query=query, date=today).update(hits=F("hits") + 1)
    return query

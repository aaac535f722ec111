"""Who may see a submission's status page: a browser that looked it up with its query code in
the last half hour. Shared by complaints and disclosure requests; kept in the session."""

import time

ACCESS_SECONDS = 30 * 60


class StatusAccess:
    """Grants and checks the session's access to submissions of one kind (`session_key`)."""

    def __init__(self, session_key, *, seconds=ACCESS_SECONDS):
        self.session_key = session_key
        self.seconds = seconds

    def grant(self, request, obj):
        """Remember `obj` for this browser, dropping expired grants; a new session key, as
        after a login."""
        now = time.time()
        access = {
            pk: moment
            for pk, moment in request.session.get(self.session_key, {}).items()
            if now - moment < self.seconds
        }
        access[str(obj.pk)] = now
        request.session[self.session_key] = access
        request.session.cycle_key()

    def granted(self, request, queryset, tracking_number):
        """The object of `queryset` with `tracking_number` if this browser may see it, else None."""
        if not tracking_number:
            return None
        obj = queryset.filter(tracking_number=tracking_number).first()
        if obj is None:
            return None
        moment = request.session.get(self.session_key, {}).get(str(obj.pk))
        if moment is None or time.time() - moment >= self.seconds:
            return None
        return obj

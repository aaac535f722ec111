"""Template context every public page needs: the elderly-mode switch."""

ELDERLY_COOKIE = "portal_elderly"


def portal(request):
    return {"elderly_mode": request.COOKIES.get(ELDERLY_COOKIE) == "1"}

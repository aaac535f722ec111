"""The portal's URLs plus a minimal Django view, the first baseline of bench/pages.py."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def hello(request):
    return HttpResponse("<!DOCTYPE html><title>hello</title><p>hello</p>")


urlpatterns = [path("bench/hello", hello), *portal_urlpatterns]

from django.db import models
from django.test.utils import isolate_apps
from wagtail.search import index

from portal.models import Department, HomePage
from portal.search.checks import check_chinese_search_fields, is_project_model
from portal.search.fields import ChineseSearchField


def test_the_project_passes_its_own_check():
    assert check_chinese_search_fields() == []


def test_only_models_of_this_project_are_checked():
    from wagtail.images.models import Image

    assert is_project_model(Department)
    assert is_project_model(HomePage)
    assert not is_project_model(Image)


@isolate_apps("portal")
def test_a_plain_search_field_on_text_fails_the_check(monkeypatch):
    class Leaflet(index.Indexed, models.Model):
        title = models.CharField(max_length=100)
        body = models.TextField()
        year = models.IntegerField()

        search_fields = [
            ChineseSearchField("title"),
            index.SearchField("body"),
            index.AutocompleteField("title"),
            index.SearchField("year"),
        ]

        class Meta:
            app_label = "portal"

        def __str__(self):
            return self.title

    monkeypatch.setattr("portal.search.checks.get_indexed_models", lambda: [Leaflet])
    errors = check_chinese_search_fields()
    assert [error.id for error in errors] == ["portal.E101", "portal.E101"]
    assert "'body'" in errors[0].msg and "ChineseSearchField('body')" in errors[0].hint
    assert "ChineseAutocompleteField('title')" in errors[1].hint

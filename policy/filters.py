import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Audience, Category, ToolboxItem


class ToolboxFilter(django_filters.FilterSet):
    emne = django_filters.ChoiceFilter(field_name="category", choices=Category.choices, label=_("Emne"),
                                       empty_label=_("Alle emner"))
    maalgruppe = django_filters.ChoiceFilter(choices=Audience.choices, label=_("Målgruppe"),
                                             empty_label=_("Alle målgrupper"), method="filter_audience",
                                             widget=forms.Select)

    class Meta:
        model = ToolboxItem
        fields: list[str] = []

    def filter_audience(self, queryset, name, value):
        return queryset.filter(audiences__contains=[value])

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area, Town

from .models import Competence, TargetGroup, Task
from .queries import text_search

HOURS = [("1", _("Højst 1 time")), ("2", _("Højst 2 timer")), ("4", _("Højst 4 timer")), ("8", _("Højst 8 timer"))]
PROVIDERS = [("kommunal", _("Kommunal")), ("forening", _("Forening"))]
# "Bedste match" first: a typed search is ranked unless the person picks another order; without search words
# it lists the newest first (every task matches equally).
SORT = [("relevans", _("Bedste match")), ("nyeste", _("Nyeste først")), ("frist", _("Udløber snart"))]


class TaskFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Søg efter opgaver"), method="filter_text",
                                  widget=forms.TextInput(attrs={"type": "search"}))
    udbyder = django_filters.ChoiceFilter(choices=PROVIDERS, label=_("Hvem står bag"), empty_label=_("Alle"),
                                          method="filter_provider")
    omraade = django_filters.ChoiceFilter(field_name="area", choices=Area.choices, label=_("Fagområde"),
                                          empty_label=_("Alle fagområder"))
    by = django_filters.ChoiceFilter(field_name="town", choices=Town.choices, label=_("By"),
                                     empty_label=_("Hele Rudersdal"))
    maalgruppe = django_filters.ChoiceFilter(choices=TargetGroup.choices, label=_("Passer til"),
                                             empty_label=_("Alle målgrupper"), method="filter_target")
    type = django_filters.ChoiceFilter(field_name="kind", choices=Task.Kind.choices, label=_("Enkeltstående eller løbende"),
                                       empty_label=_("Begge"))
    timer = django_filters.ChoiceFilter(choices=HOURS, label=_("Tid om ugen"), empty_label=_("Uanset tid"),
                                        method="filter_hours")
    kompetence = django_filters.ChoiceFilter(choices=Competence.choices, label=_("Kompetence"),
                                             empty_label=_("Alle kompetencer"), method="filter_competence")
    uden_boerneattest = django_filters.BooleanFilter(label=_("Kræver ikke børneattest"), method="filter_no_cert",
                                                     widget=forms.CheckboxInput)
    fra = django_filters.DateFilter(label=_("Fra dato"), method="filter_from",
                                    widget=forms.DateInput(attrs={"type": "date"}))
    til = django_filters.DateFilter(label=_("Til dato"), method="filter_to",
                                    widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = Task
        fields: list[str] = []

    search_query = None

    def filter_text(self, queryset, name, value):
        qs, self.search_query = text_search(queryset, value)
        return qs

    def filter_provider(self, queryset, name, value):
        """Municipal institutions' tasks or associations' tasks."""
        kinds = {"kommunal": ["institution", "department"], "forening": ["association"]}[value]
        return queryset.filter(institution__kind__in=kinds)

    def filter_target(self, queryset, name, value):
        return queryset.filter(target_groups__contains=[value])

    def filter_competence(self, queryset, name, value):
        return queryset.filter(competences__contains=[value])

    def filter_hours(self, queryset, name, value):
        return queryset.filter(hours_per_week__lte=value)

    def filter_no_cert(self, queryset, name, value):
        return queryset.filter(requires_child_certificate=False) if value else queryset

    def filter_from(self, queryset, name, value):
        return queryset.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=value))

    def filter_to(self, queryset, name, value):
        return queryset.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=value))

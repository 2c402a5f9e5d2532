from functools import lru_cache

import django_filters
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area

from .models import GrantApplication, Status

APPLICANT_TYPES = [("association", _("Forening")), ("citizen", _("Borger eller gruppe"))]


class CaseFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=[c for c in Status.choices if c[0] != "draft"], label=_("Status"),
                                         empty_label=_("Alle"))
    runde = django_filters.NumberFilter(field_name="round_id", label=_("Runde (id)"))
    min_beloeb = django_filters.NumberFilter(field_name="amount_requested", lookup_expr="gte", label=_("Ansøgt mindst (kr.)"))
    max_beloeb = django_filters.NumberFilter(field_name="amount_requested", lookup_expr="lte", label=_("Ansøgt højst (kr.)"))
    ansoeger = django_filters.ChoiceFilter(choices=APPLICANT_TYPES, label=_("Ansøgertype"), method="filter_type",
                                           empty_label=_("Alle"))
    omraade = django_filters.ChoiceFilter(choices=Area.choices, field_name="partner_institution__area",
                                          label=_("Fagområde (samarbejdspartner)"), empty_label=_("Alle"))

    class Meta:
        model = GrantApplication
        fields: list[str] = []

    def filter_type(self, queryset, name, value):
        return queryset.filter(on_behalf_of__isnull=(value == "citizen"))

    def is_filtered(self) -> bool:
        """Whether any filter has a value (the page number alone is no filter)."""
        return self.is_bound and any(self.data.get(name) for name in self.filters)


def blank_case_filter_form():
    """The empty filter form as HTML: the same for every case handler (no personal data, no choices read from the
    database), so it is rendered once per language and process rather than once a request."""
    return _blank_case_filter_form(get_language())


@lru_cache(maxsize=8)
def _blank_case_filter_form(language):
    return render_to_string("grants/staff/_case_filter_form.html", {"filter": CaseFilter()})

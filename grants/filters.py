from functools import lru_cache

import django_filters
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from frivillig.core.choices import Area

from .models import GrantApplication, Round, Status

APPLICANT_TYPES = [("association", _("Forening")), ("citizen", _("Borger eller gruppe"))]


class CaseFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=[c for c in Status.choices if c[0] != "draft"], label=_("Status"),
                                         empty_label=_("Alle"))
    runde = django_filters.ModelChoiceFilter(field_name="round", queryset=Round.objects.none(), label=_("Runde"),
                                             empty_label=_("Alle"))
    min_beloeb = django_filters.NumberFilter(field_name="amount_requested", lookup_expr="gte", label=_("Ansøgt mindst (kr.)"))
    max_beloeb = django_filters.NumberFilter(field_name="amount_requested", lookup_expr="lte", label=_("Ansøgt højst (kr.)"))
    ansoeger = django_filters.ChoiceFilter(choices=APPLICANT_TYPES, label=_("Ansøgertype"), method="filter_type",
                                           empty_label=_("Alle"))
    omraade = django_filters.ChoiceFilter(choices=Area.choices, field_name="partner_institution__area",
                                          label=_("Fagområde (samarbejdspartner)"), empty_label=_("Alle"))

    class Meta:
        model = GrantApplication
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, pool=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # The rounds of this pool, by their names (a database id means nothing to a case handler).
        self.filters["runde"].queryset = pool.rounds.order_by("opens_at") if pool is not None else Round.objects.none()
        self.form.fields["runde"].label_from_instance = lambda round_: round_.name

    def filter_type(self, queryset, name, value):
        return queryset.filter(on_behalf_of__isnull=(value == "citizen"))

    def is_filtered(self) -> bool:
        """Whether any filter has a value (the page number alone is no filter)."""
        return self.is_bound and any(self.data.get(name) for name in self.filters)


def blank_case_filter_form(pool):
    """The empty filter form as HTML: the same for every case handler (no personal data; the only choices read from
    the database are the pool's rounds, part of the key), so it is rendered once per language, pool and rounds and
    process rather than once a request."""
    rounds = tuple(pool.rounds.order_by("opens_at").values_list("pk", "name"))
    return _blank_case_filter_form(get_language(), pool.pk, rounds)


@lru_cache(maxsize=64)
def _blank_case_filter_form(language, pool_pk, rounds):
    from .models import Pool

    return render_to_string("grants/staff/_case_filter_form.html", {"filter": CaseFilter(pool=Pool(pk=pool_pk))})

from django.contrib import admin

from .models import Criterion, GrantApplication, Pool, Round


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class RoundInline(admin.TabularInline):
    model = Round
    extra = 0


@admin.register(Pool)
class PoolAdmin(admin.ModelAdmin):
    list_display = ["name", "max_amount", "yearly_budget", "is_active"]
    inlines = [CriterionInline, RoundInline]


@admin.register(GrantApplication)
class GrantApplicationAdmin(admin.ModelAdmin):
    list_display = ["title", "pool", "status", "amount_requested", "approved_amount", "submitted_at"]
    list_filter = ["status", "pool"]

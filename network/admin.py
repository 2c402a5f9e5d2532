from django.contrib import admin

from .models import Agreement, Body, FollowUp, Meeting, Obligation, Priority, Proposal


class ObligationInline(admin.TabularInline):
    model = Obligation
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["version", "period_start", "period_end", "annual_grant"]
    inlines = [ObligationInline]


for model in (Body, Meeting, Priority, Proposal, FollowUp):
    admin.site.register(model)

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Organisation, RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff", "date_joined"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Person", {"fields": ("full_name", "phone", "language", "anonymised_at")}),
        ("Adgang", {"fields": ("is_active", "is_staff", "is_superuser")}),
        ("Datoer", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    inlines = [RoleInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "area", "is_active"]
    list_filter = ["kind", "area", "is_active"]
    search_fields = ["name"]

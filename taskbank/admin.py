from django.contrib import admin

from .models import Event, Idea, SavedSearch, Task, TaskApplication


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["title", "institution", "status", "expires_on", "published_at"]
    list_filter = ["status", "area", "town"]
    search_fields = ["title", "summary"]
    readonly_fields = ["search_vector"]


@admin.register(TaskApplication)
class TaskApplicationAdmin(admin.ModelAdmin):
    list_display = ["task", "applicant", "status", "created_at"]
    list_filter = ["status"]


admin.site.register(Idea)
admin.site.register(Event)
admin.site.register(SavedSearch)

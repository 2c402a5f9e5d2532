from django.contrib import admin

from .models import Document, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["kind", "to_email", "status", "created_at", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["to_email", "subject", "key"]
    readonly_fields = [f.name for f in Notification._meta.fields]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "kind", "status", "created_at", "rendered_at"]
    list_filter = ["status", "kind"]

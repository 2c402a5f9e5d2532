from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import GuideArticle, Theme, ToolboxAttachment, ToolboxItem, Value, WhitePaperSection

for model in (Value, Theme, WhitePaperSection, GuideArticle):
    admin.site.register(model, SimpleHistoryAdmin)


class AttachmentInline(admin.TabularInline):
    model = ToolboxAttachment
    extra = 0


@admin.register(ToolboxItem)
class ToolboxItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "category", "last_revised"]
    list_filter = ["category"]
    search_fields = ["title", "summary", "body"]
    inlines = [AttachmentInline]

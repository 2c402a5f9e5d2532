from django.contrib import admin

from .models import Hearing, Indicator, Process, ProcessTemplate

admin.site.register(ProcessTemplate)
admin.site.register(Process)
admin.site.register(Hearing)
admin.site.register(Indicator)

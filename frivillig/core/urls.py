from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("dokumenter/<uuid:uuid>/", views.document, name="document"),
    path("medarbejder/e-mails/", views.undelivered, name="undelivered"),
]

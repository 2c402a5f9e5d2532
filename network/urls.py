from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("netvaerk/", views.index, name="index"),
]

from django.urls import path

from . import views

app_name = "strategy"
urlpatterns = [
    path("strategi/", views.index, name="index"),
]

from django.urls import path

from . import views

app_name = "grants"
urlpatterns = [
    path("puljer/", views.pool_list, name="pool_list"),
]

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("ordforraad/", views.vocabulary, name="vocabulary"),
    path("ordforraad/<int:pk>/", views.edit_entry, name="edit_entry"),
    path("ordforraad/<int:pk>/slet/", views.delete_entry, name="delete_entry"),
]

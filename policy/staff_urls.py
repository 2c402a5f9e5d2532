from django.urls import path

from .views import staff

app_name = "policy_staff"
urlpatterns = [
    path("", staff.index, name="index"),
    path("eksempeltekster/", staff.examples, name="examples"),
    path("vaerktoejskasse/ny/", staff.create_toolbox_item, name="create_toolbox_item"),
    path("vaerktoejskasse/<int:pk>/slet/", staff.delete_toolbox_item, name="delete_toolbox_item"),
    path("vaerktoejskasse/<int:pk>/bilag/", staff.add_attachment, name="add_attachment"),
    path("bilag/<int:pk>/slet/", staff.delete_attachment, name="delete_attachment"),
    path("<str:kind>/<int:pk>/", staff.edit, name="edit"),
    path("<str:kind>/<int:pk>/versioner/", staff.history, name="history"),
    path("<str:kind>/<int:pk>/versioner/<int:history_id>/", staff.revision, name="revision"),
]

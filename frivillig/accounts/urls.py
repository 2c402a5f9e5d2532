from django.urls import path

from frivillig.organisations import urls as organisation_urls

from . import views, views_data

app_name = "accounts"
urlpatterns = [
    path("konto/", views.profile, name="profile"),
    path("konto/mine-data/", views_data.my_data, name="my_data"),
    path("konto/slet/", views_data.delete_account, name="delete"),
    path("medarbejder/roller/", views.role_list, name="role_list"),
    path("medarbejder/roller/<int:pk>/fjern/", views.role_revoke, name="role_revoke"),
    *organisation_urls.urlpatterns,  # the organisations app's pages keep their names (accounts:org_detail …)
]

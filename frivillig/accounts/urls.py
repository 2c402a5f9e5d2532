from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("konto/", views.profile, name="profile"),
    path("medarbejder/roller/", views.role_list, name="role_list"),
    path("medarbejder/roller/<int:pk>/fjern/", views.role_revoke, name="role_revoke"),
]

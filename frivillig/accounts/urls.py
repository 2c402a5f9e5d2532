from django.urls import path

from . import views, views_data, views_org

app_name = "accounts"
urlpatterns = [
    path("konto/", views.profile, name="profile"),
    path("konto/mine-data/", views_data.my_data, name="my_data"),
    path("konto/slet/", views_data.delete_account, name="delete"),
    path("medarbejder/roller/", views.role_list, name="role_list"),
    path("medarbejder/roller/<int:pk>/fjern/", views.role_revoke, name="role_revoke"),
    path("medarbejder/organisationer/", views_org.org_list, name="org_list"),
    path("medarbejder/organisationer/ny/", views_org.org_form, name="org_create"),
    path("medarbejder/organisationer/<int:pk>/", views_org.org_detail, name="org_detail"),
    path("medarbejder/organisationer/<int:pk>/rediger/", views_org.org_form, name="org_edit"),
    path("medarbejder/organisationer/<int:pk>/afgoerelse/", views_org.org_decide, name="org_decide"),
    path("medarbejder/organisationer/<int:pk>/inviter/", views_org.org_invite, name="org_invite"),
    path("foreninger/tilmeld/", views_org.register_association, name="register_association"),
    path("konto/organisationer/", views_org.my_organisations, name="my_organisations"),
    path("organisationer/invitation/<str:token>/", views_org.invitation, name="invitation"),
]

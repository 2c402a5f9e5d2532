"""Organisation pages. Their URL names stay in the ``accounts`` namespace (``accounts:org_detail``), where e-mails,
templates and bookmarks have always found them: ``frivillig/accounts/urls.py`` includes these patterns."""

from django.urls import path

from . import views

urlpatterns = [
    path("medarbejder/organisationer/", views.org_list, name="org_list"),
    path("medarbejder/organisationer/ny/", views.org_form, name="org_create"),
    path("medarbejder/organisationer/<int:pk>/", views.org_detail, name="org_detail"),
    path("medarbejder/organisationer/<int:pk>/rediger/", views.org_form, name="org_edit"),
    path("medarbejder/organisationer/<int:pk>/afgoerelse/", views.org_decide, name="org_decide"),
    path("medarbejder/organisationer/<int:pk>/inviter/", views.org_invite, name="org_invite"),
    path("foreninger/tilmeld/", views.register_association, name="register_association"),
    path("konto/organisationer/", views.my_organisations, name="my_organisations"),
    path("organisationer/invitation/<str:token>/", views.invitation, name="invitation"),
]

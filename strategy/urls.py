from django.urls import path

from .views import public, staff

app_name = "strategy"
urlpatterns = [
    path("strategi/", public.index, name="index"),
    path("strategi/indikatorer/", public.indicator_dashboard, name="indicators"),
    path("strategi/moeder/<int:pk>/", public.meeting_detail, name="meeting"),
    path("strategi/moeder/<int:pk>/tilmelding/", public.meeting_signup, name="meeting_signup"),
    path("strategi/input/<int:pk>/stoet/", public.input_support, name="input_support"),
    path("strategi/<slug:slug>/", public.process_detail, name="process"),
    path("strategi/<slug:slug>/input/", public.input_new, name="input_new"),
    path("strategi/<slug:slug>/udkast/<int:pk>/", public.draft_compare, name="draft"),
    path("hoeringer/", public.hearing_list, name="hearings"),
    path("hoeringer/dokumenter/<int:pk>/", public.hearing_document, name="hearing_document"),
    path("hoeringer/<slug:slug>/", public.hearing_detail, name="hearing"),
    path("hoeringer/<slug:slug>/svar/", public.hearing_respond, name="hearing_respond"),
    path("medarbejder/strategi/", staff.home, name="staff_home"),
    path("medarbejder/strategi/indikatorer/", staff.indicator_admin, name="staff_indicators"),
    path("medarbejder/strategi/<int:pk>/", staff.process, name="staff_process"),
    path("medarbejder/strategi/<int:pk>/<str:action>/", staff.process_action, name="staff_process_action"),
    path("medarbejder/hoeringer/ny/", staff.hearing_new, name="staff_hearing_new"),
    path("medarbejder/hoeringer/<int:pk>/", staff.hearing, name="staff_hearing"),
    path("medarbejder/hoeringer/<int:pk>/<str:action>/", staff.hearing_action, name="staff_hearing_action"),
]

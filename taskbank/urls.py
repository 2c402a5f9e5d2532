from django.urls import path

from .feeds import NewTasksAtomFeed, NewTasksFeed, event_ical, events_ical
from .views import public, staff

app_name = "taskbank"
urlpatterns = [
    path("opgaver/", public.task_list, name="task_list"),
    path("opgaver/feed/rss/", NewTasksFeed(), name="feed_rss"),
    path("opgaver/feed/atom/", NewTasksAtomFeed(), name="feed_atom"),
    path("opgaver/mine-ansoegninger/", public.my_applications, name="my_applications"),
    path("opgaver/mine-ansoegninger/<int:pk>/", public.my_application, name="my_application"),
    path("opgaver/mine-ansoegninger/<int:pk>/traek-tilbage/", public.withdraw, name="withdraw"),
    path("opgaver/gemte-soegninger/", public.save_search, name="save_search"),
    path("opgaver/gemte-soegninger/<int:pk>/slet/", public.delete_saved_search, name="delete_saved_search"),
    path("opgaver/afmeld/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("opgaver/<int:pk>/ansoeg/", public.apply, name="apply"),
    path("opgaver/<int:pk>-<slug:slug>/", public.task_detail, name="task_detail"),
    path("opgaver/<int:pk>/", public.task_detail, name="task_detail_short"),
    path("ideer/", public.idea_list, name="idea_list"),
    path("ideer/ny/", public.idea_new, name="idea_new"),
    path("ideer/<int:pk>/", public.idea_detail, name="idea_detail"),
    path("arrangementer/", public.event_list, name="event_list"),
    path("arrangementer/kalender.ics", events_ical, name="events_ical"),
    path("arrangementer/<int:pk>/", public.event_detail, name="event_detail"),
    path("arrangementer/<int:pk>/tilmelding/", public.event_signup, name="event_signup"),
    path("arrangementer/<int:pk>/kalender.ics", event_ical, name="event_ical"),
    path("medarbejder/opgaver/", staff.home, name="staff_home"),
    path("medarbejder/opgaver/ny/<int:institution_pk>/", staff.task_create, name="staff_task_create"),
    path("medarbejder/opgaver/frivillige.csv", staff.volunteers_csv, name="staff_volunteers_csv"),
    path("medarbejder/opgaver/<int:pk>/", staff.task_detail, name="staff_task"),
    path("medarbejder/opgaver/<int:pk>/rediger/", staff.task_edit, name="staff_task_edit"),
    path("medarbejder/opgaver/<int:pk>/forhaandsvisning/", staff.task_preview, name="staff_task_preview"),
    path("medarbejder/opgaver/<int:pk>/status/", staff.task_status, name="staff_task_status"),
    path("medarbejder/opgaver/<int:pk>/kopier/", staff.task_copy, name="staff_task_copy"),
    path("medarbejder/ansoegninger/<int:pk>/", staff.application_detail, name="staff_application"),
    path("medarbejder/ansoegninger/<int:pk>/optag/", staff.application_accept, name="staff_application_accept"),
    path("medarbejder/ansoegninger/<int:pk>/afslaa/", staff.application_decline, name="staff_application_decline"),
    path("medarbejder/ansoegninger/<int:pk>/spoerg/", staff.application_question, name="staff_application_question"),
    path("medarbejder/ansoegninger/<int:pk>/boerneattest/", staff.application_certificate,
         name="staff_application_certificate"),
    path("medarbejder/ideer/", staff.idea_inbox, name="staff_ideas"),
    path("medarbejder/ideer/<int:pk>/", staff.idea_triage, name="staff_idea"),
]

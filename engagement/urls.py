from django.urls import path

from .views import staff, volunteer

app_name = "engagement"

urlpatterns = [
    path("frivillig/", volunteer.home, name="home"),
    path("frivillig/standardtekster/", volunteer.standard_texts, name="standard_texts"),
    path("frivillig/aftaler/<int:pk>/", volunteer.agreement, name="agreement"),
    path("frivillig/aftaler/<int:pk>/accepter/", volunteer.accept, name="accept"),
    path("frivillig/aftaler/<int:pk>/afslut/", volunteer.end, name="end"),
    path("frivillig/aftaler/<int:pk>/timer/", volunteer.report_hours, name="report_hours"),
    path("frivillig/aftaler/<int:pk>/pdf/", volunteer.agreement_pdf, name="agreement_pdf"),
    path("frivillig/vagter/<int:pk>/tilmeld/", volunteer.sign_up, name="sign_up"),
    path("frivillig/vagter/<int:pk>/afmeld/", volunteer.cancel_signup, name="cancel_signup"),
    path("frivillig/frivilligbevis/", volunteer.certificate, name="certificate"),
    path("frivillig/kalender/ny-adresse/", volunteer.new_calendar, name="new_calendar"),
    path("frivillig/kalender/<str:token>.ics", volunteer.calendar_feed, name="calendar_feed"),
    path("frivillig/aarets-frivillige/", volunteer.award, name="award"),
    path("frivillig/aarets-frivillige/indstil/", volunteer.nominate, name="nominate"),
    path("frivillig/aarets-frivillige/samtykke/<str:token>/", volunteer.consent, name="consent"),
    path("medarbejder/frivillige/aarets-frivillige/", staff.nominations, name="staff_nominations"),
    path("medarbejder/frivillige/aarets-frivillige/<int:pk>/vaelg/", staff.choose_nominee, name="staff_choose_nominee"),
    path("medarbejder/frivillige/", staff.overview, name="staff_overview"),
    path("medarbejder/frivillige/frivillige.csv", staff.export_csv, name="staff_export"),
    path("medarbejder/frivillige/ansoegninger/<int:pk>/aftale/", staff.agreement_create, name="staff_agreement_create"),
    path("medarbejder/frivillige/aftaler/<int:pk>/", staff.agreement_detail, name="staff_agreement"),
    path("medarbejder/frivillige/aftaler/<int:pk>/rediger/", staff.agreement_edit, name="staff_agreement_edit"),
    path("medarbejder/frivillige/aftaler/<int:pk>/send/", staff.send, name="staff_agreement_send"),
    path("medarbejder/frivillige/aftaler/<int:pk>/afslut/", staff.end, name="staff_agreement_end"),
    path("medarbejder/frivillige/aftaler/<int:pk>/tak/", staff.thanks, name="staff_agreement_thanks"),
    path("medarbejder/frivillige/aftaler/<int:pk>/pdf/", staff.agreement_pdf, name="staff_agreement_pdf"),
    path("medarbejder/frivillige/timer/<int:pk>/godkend/", staff.approve_hours, name="staff_hours_approve"),
    path("medarbejder/frivillige/timer/<int:pk>/afvis/", staff.reject_hours, name="staff_hours_reject"),
    path("medarbejder/frivillige/opgaver/<int:pk>/vagter/", staff.sessions, name="staff_sessions"),
    path("medarbejder/frivillige/arrangementer/<int:pk>/vagter/", staff.event_sessions, name="staff_event_sessions"),
    path("medarbejder/frivillige/vagter/<int:pk>/", staff.session_detail, name="staff_session"),
    path("medarbejder/frivillige/vagter/<int:pk>/fremmoede/", staff.attendance, name="staff_session_attendance"),
    path("medarbejder/frivillige/vagter/<int:pk>/aflys/", staff.cancel_session, name="staff_session_cancel"),
    path("medarbejder/frivillige/inviter/", staff.invite, name="staff_invite"),
    path("medarbejder/frivillige/standardtekster/<int:pk>/", staff.standard_text_edit, name="staff_standard_text"),
]

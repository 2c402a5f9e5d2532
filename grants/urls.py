from django.urls import path

from .views import public, staff

app_name = "grants"
urlpatterns = [
    path("puljer/", public.pool_list, name="pool_list"),
    path("puljer/mine-ansoegninger/", public.my_applications, name="my_applications"),
    path("puljer/ansoegninger/<int:pk>/", public.my_application, name="my_application"),
    path("puljer/ansoegninger/<int:pk>/trin/<str:step>/", public.step, name="step"),
    path("puljer/ansoegninger/<int:pk>/trin/<str:step>/gem/", public.step_save, name="step_save"),
    path("puljer/ansoegninger/<int:pk>/trin/<str:step>/gem/til/<str:target>/", public.step_save, name="step_save_to"),
    path("puljer/ansoegninger/<int:pk>/afrapportering/bilag/", public.report_receipts, name="report_receipts"),
    path("puljer/ansoegninger/<int:pk>/traek-tilbage/", public.withdraw, name="withdraw"),
    path("puljer/ansoegninger/<int:pk>/afrapportering/", public.report, name="report"),
    path("puljer/bilag/<int:pk>/", public.attachment, name="attachment"),
    path("puljer/<slug:slug>/", public.pool_detail, name="pool_detail"),
    path("puljer/<slug:slug>/ansoeg/", public.start, name="start"),
    path("medarbejder/puljer/", staff.pools, name="staff_pools"),
    path("medarbejder/puljer/ny/", staff.pool_edit, name="staff_pool_new"),
    path("medarbejder/puljer/<int:pk>/", staff.cases, name="staff_cases"),
    path("medarbejder/puljer/<int:pk>/rediger/", staff.pool_edit, name="staff_pool_edit"),
    path("medarbejder/puljer/<int:pk>/runder/", staff.pool_add_round, name="staff_pool_round"),
    path("medarbejder/puljer/<int:pk>/kriterier/", staff.pool_add_criterion, name="staff_pool_criterion"),
    path("medarbejder/puljer/<int:pk>/udvalgsmoede/", staff.batch, name="staff_batch"),
    path("medarbejder/puljer/<int:pk>/sager.csv", staff.export_csv, name="staff_export_csv"),
    path("medarbejder/puljer/<int:pk>/sager.xlsx", staff.export_xlsx, name="staff_export_xlsx"),
    path("medarbejder/puljer/<int:pk>/overblik/", staff.overview, name="staff_overview"),
    path("medarbejder/puljer/sager/<int:pk>/", staff.case, name="staff_case"),
    path("medarbejder/puljer/sager/<int:pk>/behandl/", staff.case_start_review, name="staff_case_start_review"),
    path("medarbejder/puljer/sager/<int:pk>/note/", staff.case_note, name="staff_case_note"),
    path("medarbejder/puljer/sager/<int:pk>/point/", staff.case_score, name="staff_case_score"),
    path("medarbejder/puljer/sager/<int:pk>/oplysninger/", staff.case_request_information, name="staff_case_request_information"),
    path("medarbejder/puljer/sager/<int:pk>/indstil/", staff.case_recommend, name="staff_case_recommend"),
    path("medarbejder/puljer/sager/<int:pk>/afgoer/", staff.case_decide, name="staff_case_decide"),
    path("medarbejder/puljer/sager/<int:pk>/udbetal/", staff.case_payout, name="staff_case_payout"),
    path("medarbejder/puljer/sager/<int:pk>/godkend-rapport/", staff.case_approve_report, name="staff_case_approve_report"),
]

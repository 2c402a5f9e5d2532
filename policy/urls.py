from django.urls import path

from .views import public

app_name = "policy"
urlpatterns = [
    path("", public.index, name="index"),
    path("temaer/<slug:slug>/", public.theme, name="theme"),
    path("hvidbog/", public.white_paper, name="white_paper"),
    path("guide/", public.guide, name="guide"),
    path("guide/<slug:slug>/", public.guide_article, name="guide_article"),
    path("vaerktoejskasse/", public.toolbox, name="toolbox"),
    path("vaerktoejskasse/bilag/<int:pk>/", public.attachment, name="attachment"),
    path("vaerktoejskasse/<slug:slug>/", public.toolbox_item, name="toolbox_item"),
    path("soeg/", public.search, name="search"),
    path("pdf/", public.policy_pdf, name="pdf"),
    path("frivilligaftale/pdf/", public.agreement_pdf, name="agreement_pdf"),
    path("samarbejdsaftale/pdf/", public.partnership_pdf, name="partnership_pdf"),
]

from django.urls import path

from . import views

app_name = "taskbank"
urlpatterns = [
    path("opgaver/", views.task_list, name="task_list"),
]

from django.urls import path

from . import views

app_name = "scorm"

urlpatterns = [
    path("attempts/<int:attempt_id>/content/<path:path>", views.content, name="content"),
    path("attempts/<int:attempt_id>/commit/", views.commit, name="commit"),
    path("attempts/<int:attempt_id>/sco/<int:position>/commit/", views.commit, name="commit_sco"),
]

"""Quiz URLs outside the page tree: the background save of answers (``views.save_in_background``)."""

from django.urls import path

from . import views

app_name = "quizzes"

urlpatterns = [
    path("<int:quiz_id>/attempts/<int:number>/save/", views.save_in_background, name="save_in_background"),
]

from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("rate/<int:completion_id>/", views.RateCourseView.as_view(), name="rate"),
    path("rate/<int:completion_id>/skip/", views.SkipFeedbackView.as_view(), name="skip"),
    path("satisfaction/", views.SatisfactionSummaryView.as_view(), name="summary"),
    path("satisfaction/<int:course_id>/", views.CourseSatisfactionView.as_view(), name="course"),
]

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("reminders/", views.MyRemindersView.as_view(), name="mine"),
]

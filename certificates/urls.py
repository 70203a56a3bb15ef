"""Certificates issued at course completion: the public verification page and the PDF download."""

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("<int:pk>/download/", views.download, name="download"),
]

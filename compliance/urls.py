from django.urls import path

from . import views

app_name = "compliance"

urlpatterns = [
    path("", views.my_record, name="my_record"),
    path("evidence/<int:pk>/", views.exemption_evidence, name="evidence"),
]

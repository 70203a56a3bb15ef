from django.urls import path

from . import views

app_name = "compliance"

urlpatterns = [
    path("", views.MyRecordView.as_view(), name="my_record"),
    path("evidence/<int:pk>/", views.exemption_evidence, name="evidence"),
]

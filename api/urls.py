from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

router = SimpleRouter()
router.register("people", views.PersonViewSet, basename="person")
router.register("units", views.UnitViewSet, basename="unit")
router.register("courses", views.CourseViewSet, basename="course")
router.register("enrolments", views.EnrolmentViewSet, basename="enrolment")
router.register("completions", views.CompletionViewSet, basename="completion")
router.register("assignments", views.AssignmentViewSet, basename="assignment")
router.register("certificates", views.CertificateViewSet, basename="certificate")
router.register("external-completions", views.ExternalCompletionViewSet, basename="external-completion")

urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(api_version="1"), name="schema"),
    # GET only: DRF answers OPTIONS by rendering the view's template with none named (a 500).
    path(
        "v1/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", http_method_names=["get", "head"]),
        name="docs",
    ),
    path("v1/", include(router.urls)),
]

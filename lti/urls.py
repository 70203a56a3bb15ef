from django.urls import path

from . import views

app_name = "lti"

urlpatterns = [
    path("login/", views.login_initiation, name="login"),
    path("launch/", views.launch, name="launch"),
    path("deep-link/<str:launch_id>/", views.deep_link, name="deep_link"),
    path("jwks/", views.jwks, name="jwks"),
]

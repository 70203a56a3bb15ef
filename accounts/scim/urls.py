"""SCIM 2.0 endpoints, mounted at ``/scim/v2/`` (``config/urls.py``)."""

from django.urls import path

from . import views

app_name = "scim"

urlpatterns = [
    path("Users", views.UsersView.as_view(), name="users"),
    path("Users/<str:user_id>", views.UserView.as_view(), name="user"),
    path("ServiceProviderConfig", views.ServiceProviderConfigView.as_view(), name="service_provider_config"),
    path("Schemas", views.SchemasView.as_view(), name="schemas"),
    path("Schemas/<str:schema_id>", views.SchemasView.as_view(), name="schema"),
    path("ResourceTypes", views.ResourceTypesView.as_view(), name="resource_types"),
    path("ResourceTypes/<str:type_id>", views.ResourceTypesView.as_view(), name="resource_type"),
]

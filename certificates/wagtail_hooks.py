"""
Certificates in the admin (``viewsets``), and on the pages lower apps own, through their hooks
(``courses`` and ``compliance`` never import this app): My learning (``my_learning_sections``)
and the record of learning, the officer's and the admin's (``record_of_learning_sections``).
"""

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import selectors
from .models import Certificate
from .viewsets import CertificateViewSet


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates are issued and revoked ("change"), never deleted."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()


@hooks.register("anonymise_person")
def anonymise_certificates(person, *, removed: str):
    """Retention (``privacy.retention``): the names copied onto certificates go with the person's own."""
    name = f"{person.first_name} {person.last_name}"
    Certificate.objects.filter(user=person).update(full_name=name, warrant_number="")
    Certificate.objects.filter(user=person).exclude(issued_reason="").update(issued_reason=removed)
    Certificate.objects.filter(user=person).exclude(revoked_reason="").update(revoked_reason=removed)


@hooks.register("my_learning_sections")
def my_certificates(request):
    if not request.user.is_authenticated:
        return ""
    certificates = list(selectors.certificates_of(request.user))
    return render_to_string("certificates/includes/my_certificates.html", {"certificates": certificates}, request)


@hooks.register("record_of_learning_sections")
def record_certificates(request, person, *, admin: bool):
    template = (
        "certificates/includes/record_certificates.html" if admin else "certificates/includes/my_certificates.html"
    )
    certificates = list(selectors.certificates_of(person))
    return render_to_string(template, {"certificates": certificates}, request)

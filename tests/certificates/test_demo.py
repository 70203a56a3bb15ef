"""The demo has certificates for its completions: some expired, one revoked."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from certificates.models import Certificate, CertificateStatus
from courses.models import CourseCompletion

pytestmark = pytest.mark.django_db


def test_the_demo_has_certificates_some_expired_and_one_revoked(settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # idempotent: still one revoked, one certificate per completion
    certificates = list(Certificate.objects.select_related("completion"))
    assert len(certificates) == CourseCompletion.objects.count() > 0
    statuses = [certificate.status(timezone.localdate()) for certificate in certificates]
    assert statuses.count(CertificateStatus.REVOKED) == 1
    assert CertificateStatus.EXPIRED in statuses and CertificateStatus.VALID in statuses

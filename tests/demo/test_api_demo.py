from pathlib import Path

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from demo.api import DEMO_API_TOKEN

pytestmark = pytest.mark.django_db


def test_the_demo_token_in_the_readme_reads_the_demo_force(settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # idempotent: still one token with that key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {DEMO_API_TOKEN}")
    people = client.get("/api/v1/people/")
    assert people.status_code == 200
    assert len(people.json()["results"]) > 10
    assert client.get("/api/v1/assignments/", {"status": "overdue"}).json()["results"]
    assert DEMO_API_TOKEN in Path("README.md").read_text(encoding="utf-8")

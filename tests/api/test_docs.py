"""The browsable API docs (Swagger UI, served with local assets): a page to read, not to call."""

import pytest

from tests.conftest import ROLE_NAMES


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_api_docs_page_opens_for_anyone_and_refuses_other_methods_cleanly(client_as, role):
    client = client_as(role)
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    assert b"swagger" in page.content.lower()
    assert b"/api/v1/docs/?script=" in page.content  # the split view's script names the schema
    assert b"/api/v1/schema/" in client.get("/api/v1/docs/?script=").content
    assert client.options("/api/v1/docs/").status_code == 405
    assert client.post("/api/v1/docs/").status_code == 405

"""Ids no database integer can hold are refused plainly: a 404 for a record, a 400 for a filter."""

import pytest

ENDPOINTS = ("people", "units", "courses", "enrolments", "completions", "assignments", "certificates")
HUGE = ("9223372036854775808", "-25344859085025050624000", "0", "-1")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("value", HUGE)
def test_a_record_id_out_of_range_is_not_found(api, tokens, endpoint, value):
    response = api(tokens["force"]).get(f"/api/v1/{endpoint}/{value}/")
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("endpoint", "name"),
    [("enrolments", "course"), ("completions", "person"), ("assignments", "course"), ("certificates", "person")],
)
@pytest.mark.parametrize("value", ("9223372036854775808", "-25344859085025050624000", "0", "1.5"))
def test_an_id_filter_out_of_range_is_a_clear_400(api, tokens, endpoint, name, value):
    response = api(tokens["force"]).get(f"/api/v1/{endpoint}/", {name: value})
    assert response.status_code == 400
    assert name in response.json()


@pytest.mark.parametrize("value", ("9223372036854775808", "-25344859085025050624000"))
def test_a_unit_filter_out_of_range_is_a_clear_400(api, tokens, value):
    response = api(tokens["force"]).get("/api/v1/people/", {"unit": value})
    assert response.status_code == 400
    assert "unit" in response.json()

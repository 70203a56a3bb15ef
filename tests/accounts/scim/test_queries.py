"""The list endpoint reads a page in the same number of queries whatever its size."""

import pytest

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

# Token, its units, the count, the page, and the page's unit names.
LIST_QUERIES = 5


@pytest.mark.parametrize("size", [10, 100])
def test_listing_people_takes_the_same_queries_for_10_and_100(north_scim, org, size, django_assert_num_queries):
    units = [org.team_a, org.team_a_sub, org.north]
    UserFactory.create_batch(size, unit=factory_cycle(units), roles=[])
    assert north_scim.get("Users").status_code == 200  # the token's first use is recorded once
    with django_assert_num_queries(LIST_QUERIES):
        response = north_scim.get("Users", params={"count": 200, "filter": "active eq true"})
    assert response.json()["itemsPerPage"] == size
    assert {
        r["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]["department"]
        for r in response.json()["Resources"]
    } == {
        "Test Constabulary/North Command/Team A",
        "Test Constabulary/North Command/Team A/Team A night section",
        "Test Constabulary/North Command",
    }


def factory_cycle(items):
    import factory

    return factory.Iterator(items)

"""The browser harness itself must be able to fail: axe-core catches a real violation."""

import pytest


def test_axe_check_fails_on_an_image_without_alternative_text(journey, demo):
    journey.goto("/account/sign-in/")
    journey.page.evaluate(
        """document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="/static/images/favicon.svg">')"""
    )
    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        journey.check()


def test_a_page_visited_without_an_axe_check_is_reported(journey, demo):
    journey.page.goto(journey.base_url + "/account/sign-in/")
    assert journey.unchecked_pages() == [journey.base_url + "/account/sign-in/"]
    journey.check()  # so that this test's own teardown passes

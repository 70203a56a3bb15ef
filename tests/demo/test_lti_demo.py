"""
The demo's LTI platform: ``load_demo`` registers Demo Moodle, and ``lti_demo_launch`` serves it
on loopback with a launch link that works. The launch is walked here as the browser would walk
it (the platform's pages fetched over HTTP, their forms posted to our tool with the test client).
"""

import re
from html import unescape
from urllib.request import urlopen

import pytest
from django.core.management import CommandError, call_command

from courses.factories import CoursePageFactory, ModulePageFactory
from courses.models import CourseCataloguePage
from demo import lti
from lti.models import GradeTarget, LinkedAccount, Platform

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    course = CoursePageFactory(
        parent=CourseCataloguePage.objects.get(slug="courses"), title="Hate crime awareness", slug="hate-crime"
    )
    ModulePageFactory(parent=course, title="Recognise it", slug="recognise")
    return course


def fetch_form(url: str) -> tuple[str, dict]:
    """What the browser gets from the platform: a form that posts itself (its action and fields)."""
    with urlopen(url, timeout=10) as answer:  # noqa: S310 - the loopback demo platform
        page = answer.read().decode()
    action = unescape(re.search(r'<form id="launch" method="post" action="([^"]+)"', page).group(1))
    fields = {unescape(n): unescape(v) for n, v in re.findall(r'name="([^"]+)" value="([^"]*)"', page)}
    return action, fields


def test_load_lti_platform_registers_demo_moodle_once():
    first = lti.load_lti_platform()
    again = lti.load_lti_platform()
    assert first.pk == again.pk
    assert Platform.objects.filter(name="Demo Moodle").count() == 1
    assert (again.issuer, again.key_set_url, again.client_id) == (
        "http://127.0.0.1:8002",
        "http://127.0.0.1:8002/jwks",
        lti.CLIENT_ID,
    )


def test_a_demo_launch_signs_the_person_in_and_opens_the_course(client, people, course, tmp_path):
    officer = people["officer"]
    server = lti.start_demo_platform(tool="http://testserver", port=0, key_path=tmp_path / "demo.pem")
    try:
        platform = Platform.objects.get(name="Demo Moodle")
        assert platform.issuer == server.base  # the registration follows the port served
        url = lti.prepare_demo_launch(server, person=officer, page=course)

        action, fields = fetch_form(url)  # Demo Moodle's activity link: the login initiation
        assert action == "http://testserver/lti/login/"
        to_auth = client.post("/lti/login/", fields)
        assert to_auth.status_code == 302
        assert to_auth["Location"].startswith(server.base + "/auth?")

        action, fields = fetch_form(to_auth["Location"])  # the signed id_token, posted back to us
        assert action == "http://testserver/lti/launch/"
        landed = client.post("/lti/launch/", fields)
        assert landed.status_code == 302, landed.content
        assert landed.url == course.url
        assert LinkedAccount.objects.get(platform=platform).user == officer
        assert GradeTarget.objects.get().lineitem == server.lineitem()

        replay = client.post("/lti/launch/", fields)
        assert replay.status_code == 400
    finally:
        server.stop()
    assert (tmp_path / "demo.pem").stat().st_mode & 0o077 == 0  # the key pair is its owner's only


def test_the_demo_platform_keeps_its_key_between_runs(tmp_path, db):
    first = lti.start_demo_platform(port=0, key_path=tmp_path / "demo.pem")
    first.stop()
    second = lti.start_demo_platform(port=0, key_path=tmp_path / "demo.pem")
    second.stop()
    assert first.kid == second.kid


def test_the_command_prints_a_launch_link(settings, people, course, tmp_path, capsys):
    settings.DEBUG = True
    key = str(tmp_path / "demo.pem")
    call_command("lti_demo_launch", "--course", "hate-crime", "--port", "0", "--seconds", "0", "--key-file", key)
    out = capsys.readouterr().out
    assert "Demo Moodle is serving on http://127.0.0.1:" in out
    assert re.search(r"^http://127\.0\.0\.1:\d+/launch/\S+$", out, re.M), out
    assert f"to launch {people['officer'].get_full_name()} into “Hate crime awareness”:" in out


def test_the_command_launches_a_module_and_says_what_is_wrong(settings, people, course, tmp_path, capsys):
    settings.DEBUG = True
    key = str(tmp_path / "demo.pem")
    base = ["lti_demo_launch", "--port", "0", "--seconds", "0", "--key-file", key]
    call_command(*base, "--course", "hate-crime", "--module", "recognise")
    assert "into “Recognise it”" in capsys.readouterr().out
    with pytest.raises(CommandError, match="No person with the username “nobody”"):
        call_command(*base, "--course", "hate-crime", "--person", "nobody")
    with pytest.raises(CommandError, match="No published course"):
        call_command(*base, "--course", "no-such-course")
    with pytest.raises(CommandError, match="no published module"):
        call_command(*base, "--course", "hate-crime", "--module", "nope")
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command(*base, "--course", "hate-crime")

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Unit, UnitMembership, User
from accounts.selectors import units_managed_by
from demo.management.commands.load_demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_load_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("load_demo")
    assert not User.objects.filter(username="officer").exists()


def test_load_demo_is_idempotent(settings):
    settings.DEBUG = True
    call_command("load_demo")
    counts = (User.objects.count(), Unit.objects.count(), UnitMembership.objects.count())
    call_command("load_demo")
    assert (User.objects.count(), Unit.objects.count(), UnitMembership.objects.count()) == counts


def test_demo_force_people_and_management(settings):
    settings.DEBUG = True
    call_command("load_demo")

    assert Unit.objects.get(code="EPS").name == "Example Police Service"
    assert Unit.objects.filter(kind="command").count() == 2
    assert Unit.objects.filter(name__icontains="Stamford Hill Safer Neighbourhood").exists()
    assert Unit.objects.filter(name__icontains="Response Team").exists()

    officer, officer2 = User.objects.get(username="officer"), User.objects.get(username="officer2")
    assert officer.unit != officer2.unit
    assert officer.check_password(DEMO_PASSWORD)
    assert not officer.has_perm("wagtailadmin.access_admin")

    sergeant, inspector = User.objects.get(username="sergeant"), User.objects.get(username="inspector")
    assert set(units_managed_by(sergeant)) == {officer.unit}
    assert officer.unit in units_managed_by(inspector)
    assert officer2.unit not in units_managed_by(inspector)
    assert User.objects.get(username="trainer").groups.filter(name="Trainer").exists()
    assert User.objects.get(username="admin").has_perm("accounts.change_unit")


def test_the_demo_has_something_for_every_course_quiz_and_report(settings):
    """What the issues promised the demo would hold, so that a reviewer finds it there."""
    from collections import Counter

    from accounts.selectors import people_visible_to
    from compliance.models import Requirement
    from compliance.selectors import Window, scoped_assignments
    from compliance.status import Status
    from courses.blocks import ModuleBodyBlock
    from courses.models import CoursePage, ModulePage
    from quizzes.blocks import QuestionType
    from quizzes.models import Question, QuizPage
    from quizzes.models.pages import Preset

    settings.DEBUG = True
    call_command("load_demo")

    # The SCORM course (demo/scorm.py) is checked in tests/scorm/test_demo.py.
    courses = {
        course.slug: course
        for course in CoursePage.objects.live().exclude(
            slug__in=["hate-crime-e-learning", "stop-and-search-e-learning"]
        )
    }
    assert len(courses) == 3
    for course in courses.values():
        assert 4 <= ModulePage.objects.child_of(course).live().count() <= 6
    judaism = courses["guide-to-judaism"]
    assert judaism.developed_with
    # The modules use the blocks training content needs (video aside: it would need the internet).
    used = {block.block_type for module in ModulePage.objects.live() for block in module.body}
    assert used == set(ModuleBodyBlock.base_blocks) - {"video"}

    # A quiz under every course: a mandatory assessment of ten drawn from a bank covering every type.
    quizzes = {quiz.get_parent().slug: quiz for quiz in QuizPage.objects.live()}
    assert set(quizzes) == set(courses)
    assessment = quizzes["guide-to-judaism"]
    assert (assessment.preset, assessment.pass_mark, assessment.attempts_allowed) == (
        Preset.MANDATORY,
        80,
        3,
    )
    assert sum(slot.draw_count or 1 for slot in assessment.slots.all()) == 10
    bank = Question.objects.filter(category__in=[slot.draw_category for slot in assessment.slots.all()])
    assert bank.count() >= 15
    assert {question.question_type for question in bank} == {code for code, _label in QuestionType.CHOICES}
    for slug, quiz in quizzes.items():
        if slug != "guide-to-judaism":
            assert quiz.preset == Preset.KNOWLEDGE_CHECK

    # Mandatory training: Judaism for Stamford Hill, hate crime for everyone, every status on show.
    targets = {requirement.course.slug: requirement.targets.get() for requirement in Requirement.objects.all()}
    assert targets["guide-to-judaism"].unit.code == "NE-SNT-STH"
    assert targets["hate-crime-recognise-record-support"].unit.code == "EPS"
    lead = User.objects.get(username="lead")
    assignments = scoped_assignments(lead, Window.now())
    assert assignments.values("user").distinct().count() >= 30
    statuses = Counter(assignments.values_list("status", flat=True))
    for status in (
        Status.COMPLETED,
        Status.OVERDUE,
        Status.EXPIRED,
        Status.EXEMPT,
        Status.DUE_SOON,
        Status.NOT_STARTED,
    ):
        assert statuses[status] >= 1, (status, statuses)
    assert assignments.filter(expiring=True).exists()
    # The training lead manages the force, so sees every officer in it, as an administrator does.
    in_units = User.objects.filter(is_active=True, unit__isnull=False)
    assert set(people_visible_to(lead)) >= set(in_units)


def test_the_demo_has_an_imported_and_a_recorded_prior_certification(settings):
    from compliance.models import ComplianceState, PriorCertification

    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # idempotent
    priors = {prior.kind: prior for prior in PriorCertification.objects.select_related("completion")}
    assert set(priors) == {"imported", "recorded"} and PriorCertification.objects.count() == 2
    for kind, prior in priors.items():
        assert prior.completion.provenance == kind
        assert ComplianceState.objects.get(user=prior.user, course=prior.course).provenance == kind

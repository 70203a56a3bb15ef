"""Enrolment, progress and completion rules, tested through the services without HTTP."""

import datetime

import pytest
from django.utils import timezone

from courses import completion, services
from courses.completion import CriterionResult
from courses.factories import ModulePageFactory
from courses.models import (
    CourseCompletion,
    Enrolment,
    EnrolmentStatus,
    ModulePage,
    ModuleProgress,
    ModuleVersion,
)
from courses.selectors import ModuleStatus, course_overview

pytestmark = pytest.mark.django_db


def complete_all(user, modules):
    return [services.complete_module(user=user, module=module) for module in modules]


def test_enrolling_twice_gives_one_enrolment(people, course):
    first = services.enrol(user=people["officer"], course=course)
    second = services.enrol(user=people["officer"], course=course)
    assert first == second
    assert Enrolment.objects.filter(user=people["officer"]).count() == 1
    assert first.course_title == "Hate crime awareness"
    assert first.status == EnrolmentStatus.ENROLLED


def test_opening_a_module_marks_it_and_the_course_started(people, course, modules):
    services.enrol(user=people["officer"], course=course)
    progress = services.start_module(user=people["officer"], module=modules[1])
    assert progress.started_at is not None
    assert progress.completed_at is None
    enrolment = Enrolment.objects.get()
    assert enrolment.status == EnrolmentStatus.IN_PROGRESS
    assert enrolment.started_at is not None


def test_opening_a_module_without_enrolling_records_nothing(people, modules):
    assert services.start_module(user=people["officer"], module=modules[0]) is None
    assert not ModuleProgress.objects.exists()


def test_completing_a_module_without_enrolling_is_refused(people, modules):
    with pytest.raises(services.NotEnrolled):
        services.complete_module(user=people["officer"], module=modules[0])


def test_the_last_module_completes_the_course(people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    results = complete_all(officer, modules)
    assert [result.course_completion is not None for result in results] == [False, False, True]

    record = CourseCompletion.objects.get()
    assert record.user == officer
    assert record.course == course
    assert record.course_title == "Hate crime awareness"
    completed_on = timezone.localdate(record.completed_at)
    assert record.valid_until == CourseCompletion.valid_until_for(completed_on, 12)
    assert record.valid_until.month == completed_on.month and record.valid_until.year == completed_on.year + 1
    assert record.evidence == {"modules": {"modules_completed": 3, "modules_required": 3}, "how": "module_read"}
    assert record.provenance == "completed_here"
    assert record.valid_from == completed_on
    assert set(record.module_versions.values_list("module_page_id", flat=True)) == {m.pk for m in modules}
    enrolment = Enrolment.objects.get()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.completed_at == record.completed_at


def test_resubmitting_a_completed_module_changes_nothing(people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    complete_all(officer, modules)
    progress_before = list(ModuleProgress.objects.values_list("pk", "completed_at", "completed_version_id"))

    again = services.complete_module(user=officer, module=modules[-1])

    assert again.newly_completed is False
    assert CourseCompletion.objects.count() == 1
    assert list(ModuleProgress.objects.values_list("pk", "completed_at", "completed_version_id")) == progress_before


def test_each_module_completion_is_pinned_to_the_revision_read(people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    module = modules[0]
    read_revision = module.live_revision

    services.complete_module(user=officer, module=module, revision_id=read_revision.pk)

    version = ModuleProgress.objects.get(module=module).completed_version
    assert version.source_revision_id == read_revision.pk
    assert version.content["body"] == read_revision.content["body"]
    assert len(version.digest) == 64


def test_the_revision_an_officer_had_open_is_kept_if_a_new_one_was_published_meanwhile(people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    module = modules[0]
    opened = module.live_revision_id
    module.title = "Module 1 (revised)"
    module.save_revision().publish()
    module.refresh_from_db()

    services.complete_module(user=officer, module=module, revision_id=opened)

    assert ModuleProgress.objects.get(module=module).completed_version.source_revision_id == opened


def test_a_revision_id_that_was_never_published_for_this_module_is_ignored(people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    draft = modules[1].save_revision()  # another module's unpublished draft

    services.complete_module(user=officer, module=modules[0], revision_id=draft.pk)

    assert ModuleProgress.objects.get(module=modules[0]).completed_version.source_revision_id == (
        modules[0].live_revision_id
    )


def test_one_archived_version_serves_every_officer_who_read_that_revision(people, course, modules):
    for role in ("officer", "other_officer"):
        services.enrol(user=people[role], course=course)
        services.complete_module(user=people[role], module=modules[0])
    assert ModuleVersion.objects.count() == 1


def test_editing_a_module_after_completion_keeps_the_record_and_shows_changed(people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    complete_all(officer, modules)
    record = CourseCompletion.objects.get()
    read = ModuleProgress.objects.get(module=modules[1]).completed_version

    edited = ModulePage.objects.get(pk=modules[1].pk)
    edited.body = '[{"type": "paragraph", "value": "<p>New guidance after the Code of Practice.</p>"}]'
    edited.needs_rereading = True
    edited.save_revision().publish()

    progress = ModuleProgress.objects.get(module=modules[1])
    assert progress.completed_version == read
    assert "New guidance" not in str(read.content)
    assert set(record.module_versions.all()) >= {read}
    overview = course_overview(course=course, user=officer)
    assert [row.status for row in overview.modules] == [
        ModuleStatus.COMPLETED,
        ModuleStatus.CHANGED,
        ModuleStatus.COMPLETED,
    ]
    assert overview.is_complete


def test_republishing_the_same_words_is_not_a_change(people, course, modules):
    """Moving the review-by date (the annual review) republishes the module but changes nothing read."""
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    complete_all(officer, modules)
    read = ModuleProgress.objects.get(module=modules[1]).completed_version
    assert read.reading_digest == ModulePage.objects.get(pk=modules[1].pk).reading_digest != ""

    reviewed = ModulePage.objects.get(pk=modules[1].pk)
    reviewed.review_by = datetime.date(2028, 1, 31)
    reviewed.estimated_minutes += 1
    reviewed.save_revision().publish()
    assert ModulePage.objects.get(pk=modules[1].pk).live_revision_id != read.source_revision_id
    statuses = [row.status for row in course_overview(course=course, user=officer).modules]
    assert statuses == [ModuleStatus.COMPLETED] * 3

    # A new title, marked as needing re-reading, is a change.
    reviewed = ModulePage.objects.get(pk=modules[1].pk)
    reviewed.title = "Module 2: revised"
    reviewed.needs_rereading = True
    reviewed.save_revision().publish()
    statuses = [row.status for row in course_overview(course=course, user=officer).modules]
    assert statuses == [ModuleStatus.COMPLETED, ModuleStatus.CHANGED, ModuleStatus.COMPLETED]


def test_records_made_before_reading_digests_compare_revisions(people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    complete_all(officer, modules)
    ModuleVersion.objects.update(reading_digest="", edition_digest="")
    reviewed = ModulePage.objects.get(pk=modules[0].pk)
    reviewed.review_by = datetime.date(2028, 1, 31)
    reviewed.save_revision().publish()
    statuses = [row.status for row in course_overview(course=course, user=officer).modules]
    assert statuses == [ModuleStatus.CHANGED, ModuleStatus.COMPLETED, ModuleStatus.COMPLETED]


def test_deleting_a_module_keeps_the_officers_records(people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    complete_all(officer, modules)
    version = ModuleProgress.objects.get(module=modules[0]).completed_version

    modules[0].delete()

    progress = ModuleProgress.objects.get(module_title="Module 1")
    assert progress.module is None
    assert progress.completed_version == version
    version.refresh_from_db()
    assert version.module is None
    assert version.title == "Module 1"
    assert CourseCompletion.objects.get().module_versions.filter(pk=version.pk).exists()


def test_deleting_a_course_keeps_enrolments_and_completions(people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    complete_all(officer, modules)

    course.delete()

    enrolment = Enrolment.objects.get()
    assert enrolment.course is None
    assert enrolment.course_title == "Hate crime awareness"
    assert CourseCompletion.objects.get().course_title == "Hate crime awareness"
    assert ModuleVersion.objects.count() == 3


def test_moving_a_module_to_another_course_keeps_the_record(people, catalogue, course, modules):
    from courses.factories import CoursePageFactory

    officer = people["officer"]
    services.enrol(user=officer, course=course)
    services.complete_module(user=officer, module=modules[0])
    other_course = CoursePageFactory(parent=catalogue, title="Another course")

    modules[0].move(other_course, pos="last-child")

    progress = ModuleProgress.objects.get(module=modules[0])
    assert progress.enrolment.course == course
    assert progress.completed_at is not None


def test_a_module_added_later_is_needed_by_those_still_in_progress_but_not_by_those_done(people, course, modules):
    officer, other = people["officer"], people["other_officer"]
    services.enrol(user=officer, course=course)
    complete_all(officer, modules)
    services.enrol(user=other, course=course)
    complete_all(other, modules[:2])

    new_module = ModulePageFactory(parent=course, title="Module 4")
    services.complete_module(user=other, module=modules[2])

    assert course_overview(course=course, user=officer).is_complete
    assert not course_overview(course=course, user=other).is_complete
    assert services.complete_module(user=other, module=new_module).course_completion is not None


def test_draft_modules_are_not_required(people, course, modules):
    ModulePageFactory(parent=course, title="Unfinished draft", live=False, publish=False)
    services.enrol(user=people["officer"], course=course)
    assert complete_all(people["officer"], modules)[-1].course_completion is not None


def test_a_registered_criterion_holds_completion_back_until_met(people, course, modules):
    class AssessmentPassed:
        key = "test_assessment"
        passed = False

        def evaluate_many(self, enrolments):
            return {
                e.pk: CriterionResult(
                    applies=True,
                    met=self.passed,
                    label="Pass the assessment",
                    evidence={"attempt": 7},
                    score=85,
                )
                for e in enrolments
            }

    criterion = completion.register(AssessmentPassed())
    try:
        officer = people["officer"]
        enrolment = services.enrol(user=officer, course=course)
        assert complete_all(officer, modules)[-1].course_completion is None
        assert course_overview(course=course, user=officer).other_criteria[0].label == "Pass the assessment"

        criterion.passed = True
        record = services.complete_course_if_done(enrolment=enrolment)

        assert record.score == 85
        assert record.evidence["test_assessment"] == {"attempt": 7}
        assert services.complete_course_if_done(enrolment=enrolment) == record
        assert CourseCompletion.objects.count() == 1
    finally:
        completion.unregister("test_assessment")


def test_completion_validity_counts_calendar_months():
    assert CourseCompletion.valid_until_for(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert CourseCompletion.valid_until_for(datetime.date(2028, 1, 31), 1) == datetime.date(2028, 2, 29)
    assert CourseCompletion.valid_until_for(datetime.date(2026, 11, 23), 24) == datetime.date(2028, 11, 23)
    assert CourseCompletion.valid_until_for(datetime.date(2026, 11, 23), None) is None


def test_a_completed_and_still_valid_course_is_not_enrolled_again(people, course, modules):
    officer = people["officer"]
    first = services.enrol(user=officer, course=course)
    complete_all(officer, modules)
    assert services.enrol(user=officer, course=course) == first


def test_an_expired_completion_starts_a_new_cycle_and_keeps_the_old_one(people, course, modules):
    officer = people["officer"]
    first = services.enrol(user=officer, course=course)
    complete_all(officer, modules)
    CourseCompletion.objects.update(valid_until=timezone.localdate() - datetime.timedelta(days=1))

    second = services.enrol(user=officer, course=course)

    assert second != first
    assert second.status == EnrolmentStatus.ENROLLED
    assert Enrolment.objects.filter(user=officer).count() == 2
    assert CourseCompletion.objects.get().enrolment == first
    assert course_overview(course=course, user=officer).enrolment == second


def test_a_completion_can_be_renewed_within_the_window_before_it_expires(people, course, modules):
    officer = people["officer"]
    first = services.enrol(user=officer, course=course)
    complete_all(officer, modules)
    course.renewal_window_days = 30
    course.save()
    CourseCompletion.objects.update(valid_until=timezone.localdate() + datetime.timedelta(days=31))
    assert services.enrol(user=officer, course=course) == first  # not yet
    CourseCompletion.objects.update(valid_until=timezone.localdate() + datetime.timedelta(days=30))
    renewal = services.enrol(user=officer, course=course)
    assert renewal != first and renewal.status == EnrolmentStatus.ENROLLED
    assert course_overview(course=course, user=officer).enrolment == renewal
    # Finishing the renewal adds a second completion; the first stays in history.
    complete_all(officer, modules)
    assert list(CourseCompletion.objects.filter(user=officer).values_list("enrolment_id", flat=True)) == [
        renewal.pk,
        first.pk,
    ]


def test_the_course_page_offers_renewal_in_the_window(client_as, people, course, modules):
    officer = people["officer"]
    services.enrol(user=officer, course=course)
    complete_all(officer, modules)
    assert "Renew this course" not in client_as("officer").get(course.url).content.decode()
    CourseCompletion.objects.update(valid_until=timezone.localdate() + datetime.timedelta(days=10))
    assert "Renew this course" in client_as("officer").get(course.url).content.decode()

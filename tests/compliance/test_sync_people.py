"""
People changed inside ``accounts.signals.people_changes_batched`` (the HR import) are
synchronised once, together (``services.sync_people``), with the same result as one
``sync_person`` per save.
"""

from accounts.factories import UserFactory
from accounts.models import Rank
from accounts.signals import people_changes_batched
from compliance.factories import RequirementFactory, person_target, rank_target, unit_target
from compliance.models import Assignment, ComplianceState
from courses.factories import CoursePageFactory
from courses.models import CourseCataloguePage


def current(user) -> set[int]:
    return set(Assignment.objects.filter(user=user, ended_on__isnull=True).values_list("requirement_id", flat=True))


def test_a_batch_gives_the_same_assignments_as_saving_one_by_one(org):
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    named = UserFactory(unit=org.team_a)
    by_unit = RequirementFactory(course=CoursePageFactory(parent=catalogue), targets=[unit_target(org.team_b)])
    by_rank = RequirementFactory(course=CoursePageFactory(parent=catalogue), targets=[rank_target(Rank.SERGEANT)])
    by_name = RequirementFactory(course=CoursePageFactory(parent=catalogue), targets=[person_target(named)])
    one_by_one = [UserFactory(unit=org.team_a), named]
    batched = [UserFactory(unit=org.team_a), UserFactory(unit=org.team_a)]

    def change(people):
        people[0].unit, people[0].rank = org.team_b, Rank.SERGEANT
        people[0].save()
        people[1].is_active = False
        people[1].save()

    change(one_by_one)
    with people_changes_batched() as collected:
        change(batched)
        assert collected == {person.pk for person in batched}
        assert current(batched[0]) == set()  # not yet: announced when the batch ends
    assert current(batched[0]) == current(one_by_one[0]) == {by_unit.pk, by_rank.pk}
    assert current(one_by_one[1]) == set() and by_name.pk not in current(one_by_one[1])
    assert ComplianceState.objects.filter(user=batched[0]).count() == 2


def test_a_failed_batch_announces_nothing(org):
    person = UserFactory(unit=org.team_a)
    catalogue = CourseCataloguePage.objects.get(slug="courses")
    RequirementFactory(course=CoursePageFactory(parent=catalogue), targets=[unit_target(org.team_b)])
    try:
        with people_changes_batched():
            person.unit = org.team_b
            person.save()
            raise RuntimeError("the import failed")
    except RuntimeError:
        pass
    assert current(person) == set()

"""
Mandatory training for the demo: the Judaism guide for the Stamford Hill team, hate crime
for everyone, a crowd of officers, and records going back more than a year, so that every
report has compliant, due, overdue, expiring, expired and exempt people to show.

Records are made through the same services officers use (module by module, and a passed
assessment), back-dated, so that each completion rests on real module versions and
attempts.
"""

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.http import QueryDict
from django.utils import timezone

from accounts import roles
from accounts.models import Rank, Unit, UnitMembership, User
from compliance import services as compliance_services
from compliance.models import DueRule, Exemption, Requirement, RequirementTarget, TargetKind
from courses import services as course_services
from courses.models import CourseCompletion, CoursePage, Enrolment, ModulePage
from quizzes import services as quiz_services
from quizzes.models import QuizPage

from . import history

FIRST_NAMES = [
    "Aisha",
    "Ben",
    "Chloe",
    "Daniel",
    "Efua",
    "Finn",
    "Grace",
    "Hassan",
    "Isla",
    "Jacob",
    "Kiran",
    "Leah",
    "Mohammed",
    "Niamh",
    "Oliver",
    "Priya",
    "Qasim",
    "Rosie",
    "Samuel",
    "Tariq",
    "Una",
    "Victor",
    "Wei",
    "Yasmin",
    "Zach",
    "Amara",
    "Bilal",
    "Ciara",
    "Dev",
    "Ellie",
    "Gareth",
    "Hannah",
    "Imran",
    "Jess",
    "Kwame",
    "Lucy",
]
LAST_NAMES = [
    "Ahmed",
    "Baker",
    "Campbell",
    "Davies",
    "Edwards",
    "Fraser",
    "Green",
    "Hussain",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Mensah",
    "Nowak",
    "O'Brien",
    "Patel",
    "Quinn",
    "Roberts",
    "Shah",
    "Taylor",
    "Usman",
    "Vaughan",
    "Walker",
    "Xu",
    "Young",
    "Zielinski",
    "Adeyemi",
    "Byrne",
    "Cohen",
    "Doyle",
    "Evans",
    "Fischer",
    "Gill",
    "Hughes",
    "Ibrahim",
    "Jackson",
]
#: (unit code, rank, is_detective) for each crowd officer, in order.
POSTINGS = (
    [("NE-SNT-STH", Rank.POLICE_CONSTABLE, False)] * 5
    + [("NE-SNT-STH", Rank.PCSO, False)] * 2
    + [("NE-SNT-STH", Rank.SPECIAL_CONSTABLE, False)]
    + [("NE-RT1", Rank.POLICE_CONSTABLE, False)] * 8
    + [("NE-RT1", Rank.SERGEANT, False)] * 2
    + [("NE-CID", Rank.POLICE_CONSTABLE, True)] * 4
    + [("NE-CID", Rank.SERGEANT, True)]
    + [("SW-RT2", Rank.POLICE_CONSTABLE, False)] * 8
    + [("SW-RT2", Rank.SERGEANT, False)]
    + [("SW-CUST", Rank.POLICE_STAFF, False)] * 2
    + [("SW-CUST", Rank.SERGEANT, False)] * 2
)

#: What each crowd officer has done about hate crime training, in turn (12-month validity).
HATE_CRIME_STORIES = ["recent", "expiring", "expired", "never", "recent", "in_progress", "recent", "never", "exempt"]
#: And about the Judaism guide (Stamford Hill team only; 24-month validity, due soon).
JUDAISM_STORIES = ["recent", "never", "in_progress", "recent", "never", "recent", "never", "exempt"]


def _answers(attempt) -> QueryDict:
    """The right answers to an attempt, read from its frozen questions (the demo passes)."""
    data = QueryDict(mutable=True)
    for question in attempt.questions.order_by("position"):
        name, content, kind = f"q-{question.position}", question.content, question.question_type
        data.appendlist("shown", str(question.position))
        if kind in {"single_choice", "scenario", "multiple_response"}:
            for choice in content["choices"]:
                if choice["correct"]:
                    data.appendlist(name, choice["id"])
        elif kind == "true_false":
            data.appendlist(name, content["correct"])
        elif kind == "matching":
            for pair in content["pairs"]:
                data.appendlist(f"{name}-{pair['id']}", pair["answer_id"])
        elif kind == "short_text":
            data.appendlist(name, content["accepted"][0])
    return data


def complete_course(user, course: CoursePage, when: datetime.datetime) -> None:
    """Read every module and pass the assessment, as of ``when``."""
    course_services.enrol(user=user, course=course, when=when)
    for module in ModulePage.objects.live().child_of(course).order_by("path"):
        course_services.complete_module(user=user, module=module, when=when)
    quiz = QuizPage.objects.live().child_of(course).first()
    if quiz:
        attempt = quiz_services.start_attempt(user=user, quiz=quiz, now=when, rng=random.Random(user.pk))  # noqa: S311 - a repeatable demo
        quiz_services.submit_attempt(
            user=user,
            quiz=quiz,
            number=attempt.number,
            data=_answers(attempt),
            now=when + datetime.timedelta(minutes=9),
        )


def start_course(user, course: CoursePage, when: datetime.datetime) -> None:
    course_services.enrol(user=user, course=course, when=when)
    first = ModulePage.objects.live().child_of(course).order_by("path").first()
    course_services.start_module(user=user, module=first, when=when)


def load_crowd(units: dict[str, Unit], password: str) -> list[User]:
    officer_group = Group.objects.get(name=roles.OFFICER)
    hashed = make_password(password)
    crowd = []
    for number, (code, rank, detective) in enumerate(POSTINGS):
        username = f"pc{number + 1:02d}"
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": FIRST_NAMES[number],
                "last_name": LAST_NAMES[number],
                "email": f"{username}@example.police.uk",
                "rank": rank,
                "is_detective": detective,
                "warrant_number": None if rank == Rank.POLICE_STAFF else str(6100 + number),
                "staff_number": str(300100 + number),
                "unit": units[code],
            },
        )
        if created:
            user.password = hashed
            user.save(update_fields=["password"])
            user.groups.add(officer_group)
        crowd.append(user)
    return crowd


def backdate_memberships(people: list[User], today: datetime.date) -> None:
    """Everyone has served in their unit for two years, except the last two, who joined weeks ago."""
    for index, person in enumerate(people):
        joined = today - datetime.timedelta(days=20 if index >= len(people) - 2 else 730)
        UnitMembership.objects.filter(user=person, ended_at__isnull=True).update(
            started_at=timezone.make_aware(datetime.datetime.combine(joined, datetime.time(9)))
        )


def requirement_for(course: CoursePage, *, name: str, unit: Unit, starts_on, due_days: int) -> Requirement:
    requirement = Requirement.objects.filter(course=course, name=name).first()
    if requirement is None:
        requirement = Requirement(
            course=course, name=name, due_rule=DueRule.DAYS_AFTER, due_days=due_days, starts_on=starts_on
        )
        requirement.targets.add(RequirementTarget(kind=TargetKind.UNIT, unit=unit, include_subunits=True))
        requirement.save()
    return requirement


def tell_story(story: str, person: User, course: CoursePage, requirement: Requirement, admin: User, today) -> None:
    if (
        CourseCompletion.objects.filter(user=person, course=course).exists()
        or Enrolment.objects.filter(user=person, course=course).exists()
    ):
        return  # idempotent: this person's record was made on an earlier run
    if Exemption.objects.filter(user=person, requirement=requirement).exists():
        return
    validity = course.validity_months or 12

    def at(days: int) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(today - datetime.timedelta(days=days), datetime.time(10)))

    if story == "recent":
        complete_course(person, course, at(60))
    elif story == "expiring":
        complete_course(person, course, at(validity * 30 + 5 - 20))  # expires in about two weeks
    elif story == "expired":
        complete_course(person, course, at(validity * 31 + 20))
    elif story == "in_progress":
        start_course(person, course, at(5))
    elif story == "exempt":
        Exemption.objects.create(
            user=person,
            requirement=requirement,
            reason="Long-term sick leave; to complete within 30 days of returning to duty.",
            starts_on=today - datetime.timedelta(days=40),
            ends_on=today + datetime.timedelta(days=80),
            granted_by=admin,
            granted_by_name=admin.display_name,
        )


def load_compliance(units: dict[str, Unit], people: dict[str, User], password: str) -> list[Requirement]:
    today = timezone.localdate()
    crowd = load_crowd(units, password)
    officers = [people["officer"], people["officer2"], people["sergeant"], people["inspector"], people["lead"], *crowd]
    backdate_memberships(officers, today)

    judaism = CoursePage.objects.get(slug="guide-to-judaism")
    hate_crime = CoursePage.objects.get(slug="hate-crime-recognise-record-support")
    requirements = [
        requirement_for(
            hate_crime,
            name="Hate crime: everyone",
            unit=units["EPS"],
            starts_on=today - datetime.timedelta(days=500),
            due_days=90,
        ),
        requirement_for(
            judaism,
            name="Judaism guide: Stamford Hill Safer Neighbourhood Team",
            unit=units["NE-SNT-STH"],
            starts_on=today - datetime.timedelta(days=45),
            due_days=60,
        ),
    ]
    for requirement in requirements:
        compliance_services.sync_requirement(requirement, today=today)

    admin = people["admin"]
    stories = {
        # The demo accounts' own stories, then the crowd's in turn.
        ("officer", hate_crime.pk): "expiring",
        ("officer2", hate_crime.pk): "never",
        ("sergeant", hate_crime.pk): "recent",
        ("sergeant", judaism.pk): "recent",
        ("inspector", hate_crime.pk): "recent",
        ("lead", hate_crime.pk): "recent",
    }
    for index, person in enumerate(crowd):
        stories[(person.username, hate_crime.pk)] = HATE_CRIME_STORIES[index % len(HATE_CRIME_STORIES)]
    snt = [person for person in crowd if person.unit_id == units["NE-SNT-STH"].pk]
    for index, person in enumerate(snt):
        stories[(person.username, judaism.pk)] = JUDAISM_STORIES[index % len(JUDAISM_STORIES)]

    by_name = {person.username: person for person in officers}
    for (username, course_id), story in stories.items():
        course = hate_crime if course_id == hate_crime.pk else judaism
        requirement = requirements[0] if course == hate_crime else requirements[1]
        tell_story(story, by_name[username], course, requirement, admin, today)
    history.date_archived_versions()
    return requirements

"""The migration that brought records per SCO moves an existing attempt's data, leaving the attempt on its version."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("scorm", "0002_roles")]
AFTER = [("scorm", "0003_sco_records")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_existing_attempt_keeps_its_data_as_its_one_scos_record(people, course12):
    course, page = course12
    from courses import services as course_services

    enrolment = course_services.enrol(user=people["officer"], course=course)
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Attempt = old.get_model("scorm", "ScormAttempt")
    now = timezone.now()
    attempt = Attempt.objects.create(
        user_id=people["officer"].pk,
        enrolment_id=enrolment.pk,
        page_id=page.pk,
        page_title=page.title,
        package_version_id=page.package.current_version_id,
        scorm_version="1.2",
        lesson_status="incomplete",
        location="step2",
        suspend_data="read-step1",
        exit="suspend",
        total_seconds=150,
        cmi={"cmi.core.lesson_location": "step2", "cmi.suspend_data": "read-step1"},
        started_at=now,
        updated_at=now,
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    (record,) = new.get_model("scorm", "ScormScoRecord").objects.filter(attempt_id=attempt.pk)
    assert (record.item_identifier, record.location, record.suspend_data, record.exit) == (
        "",
        "step2",
        "read-step1",
        "suspend",
    )
    assert record.total_seconds == 150 and record.cmi["cmi.core.lesson_location"] == "step2"
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    from scorm import services
    from scorm.models import ScormAttempt

    migrated = ScormAttempt.objects.get(pk=attempt.pk)
    migrated.package_version.items = []  # as it was uploaded, before items were read
    data = services.launch_data(migrated, learner_id="1", learner_name="A")
    assert (data["cmi.core.entry"], data["cmi.core.lesson_location"]) == ("resume", "step2")
    assert migrated.package_version_id == page.package.current_version_id

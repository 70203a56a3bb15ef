"""
Try an LTI 1.3 launch locally: serve the demo's "Demo Moodle" on http://127.0.0.1:8002 and print
the link that launches a demo person into a course or module of the platform running on
http://127.0.0.1:8000 (``make run``). Grades the platform receives are printed as they arrive.
Development only (DEBUG), like ``load_demo``. docs/standards.md, "Try it with the demo".
"""

import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from courses.models import CoursePage, ModulePage
from demo import lti


class Command(BaseCommand):
    help = "Serve the demo LTI platform on loopback and print a launch link for a demo person (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--person", default="officer", help="Username of the demo person (default: officer).")
        parser.add_argument("--course", default="guide-to-judaism", help="Slug of the course (default: %(default)s).")
        parser.add_argument("--module", default="", help="Slug of one module of that course, to launch it instead.")
        parser.add_argument("--tool", default=lti.TOOL, help="Where this platform is served (default: %(default)s).")
        parser.add_argument("--port", type=int, default=lti.PORT, help="Demo Moodle's port (default: %(default)s).")
        parser.add_argument(
            "--seconds", type=float, default=None, help="Stop after this many seconds (default: until Ctrl-C)."
        )
        parser.add_argument(
            "--key-file", default="", help="Demo Moodle's key pair (default: var/lti-demo-platform.pem)."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("lti_demo_launch is for trying the demo, so it only runs with DEBUG on.")
        person = get_user_model().objects.filter(username=options["person"]).first()
        if person is None:
            raise CommandError(f"No person with the username “{options['person']}”. Run `manage.py load_demo` first.")
        course = CoursePage.objects.live().filter(slug=options["course"]).first()
        if course is None:
            raise CommandError(f"No published course with the slug “{options['course']}”.")
        page = course
        if options["module"]:
            page = ModulePage.objects.live().child_of(course).filter(slug=options["module"]).first()
            if page is None:
                raise CommandError(f"The course has no published module with the slug “{options['module']}”.")
        try:
            server = lti.start_demo_platform(
                tool=options["tool"],
                port=options["port"],
                key_path=Path(options["key_file"]) if options["key_file"] else None,
            )
        except OSError as error:
            raise CommandError(f"Demo Moodle cannot listen on port {options['port']}: {error}") from error
        server.on_score = lambda received: self.stdout.write(
            "Grade received: {userId} {scoreGiven}/{scoreMaximum} ({activityProgress})".format(**received["score"])
        )
        url = lti.prepare_demo_launch(server, person=person, page=page)
        self.stdout.write(f"{lti.NAME} is serving on {server.base} (grades received: {server.base}/).")
        self.stdout.write(f"Open this link to launch {person.get_full_name()} into “{page.title}”:")
        self.stdout.write(self.style.SUCCESS(url))
        try:
            if options["seconds"] is None:
                self.stdout.write("Press Ctrl-C to stop.")
                while True:
                    time.sleep(3600)
            else:
                time.sleep(max(options["seconds"], 0))
        except KeyboardInterrupt:
            pass
        finally:
            server.stop()

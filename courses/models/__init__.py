"""
The courses app's models, split by what they hold:

- ``pages``: courses as Wagtail pages (the catalogue, a course, its modules);
- ``records``: what officers did with them: enrolments, the module versions they read,
  progress and completions. Learner records never cascade from content.
"""

from .pages import CourseCataloguePage, CoursePage, ModulePage, Topic, parent_course_of
from .records import (
    CourseCompletion,
    CourseCompletionModule,
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    ModuleProgress,
    ModuleVersion,
    Provenance,
)

__all__ = [
    "CourseCataloguePage",
    "CourseCompletion",
    "CourseCompletionModule",
    "CoursePage",
    "Enrolment",
    "EnrolmentSource",
    "EnrolmentStatus",
    "ModulePage",
    "ModuleProgress",
    "ModuleVersion",
    "Provenance",
    "Topic",
    "parent_course_of",
]

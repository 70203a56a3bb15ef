"""
The registry of course completion criteria.

A course is complete when every registered criterion that applies to it is met. ``courses``
registers "every module completed" (``selectors.ModulesCompletedCriterion``, from
``CoursesConfig.ready()``); other apps register their own (``quizzes`` registers
"assessment passed") from their ``AppConfig.ready()``, so ``courses`` never imports them and
the dependency runs one way.

A criterion is a small object with:

- ``key``: a stable identifier, stored with each completion's evidence;
- ``evaluate_many(enrolments, children_by_course=None)``: one result per enrolment, computed
  with a bounded number of queries however many enrolments are passed (the course page and
  "My learning" evaluate several at once). ``children_by_course``, when given, maps each
  course's id to its live child pages (``courses.selectors.live_children_by_course``), so a
  criterion that looks for a page among them (an assessment) need not ask again. A
  criterion whose ``evaluate_many`` takes only the enrolments still works.

A criterion that stands for pages of the course (``scorm``'s SCORM modules) may give each its
own line in the course's task list: its results carry ``lines`` (title, link, the officer's
status, minutes), and its optional ``outline_many(children_by_course)`` gives the same lines,
"not started", for a course the officer is not enrolled on (``outline``). The course page and
"My learning" list them beside the modules and add their minutes to the course's estimate.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .models import Enrolment


@dataclass(frozen=True)
class CriterionLine:
    """One line a criterion adds to the course's task list (a SCORM module), as a module has one."""

    title: str
    url: str
    status: str
    tag_colour: str = "blue"  # "" for "Completed", shown as plain text like a module's
    done: bool = False
    minutes: int = 0


@dataclass(frozen=True)
class CriterionResult:
    """Whether one criterion is met for one enrolment, and the evidence to keep if it is."""

    applies: bool
    met: bool
    label: str = ""
    url: str = ""
    evidence: dict = field(default_factory=dict)
    score: Decimal | None = None
    #: A ``Provenance`` value when this criterion's evidence is weaker than the server's own
    #: (a SCORM package reports its result from the browser: "client_reported"); empty otherwise.
    provenance: str = ""
    #: Lines for the task list instead of the one ``label`` (``CriterionLine``).
    lines: tuple = ()


NOT_APPLICABLE = CriterionResult(applies=False, met=True)


class CompletionCriterion(Protocol):
    key: str

    def evaluate_many(self, enrolments: list[Enrolment], children_by_course=None) -> dict[int, CriterionResult]:
        """Map each enrolment's id to its result."""


_registry: dict[str, CompletionCriterion] = {}


def register(criterion: CompletionCriterion) -> CompletionCriterion:
    """Register a criterion. Registering the same key twice replaces the first."""
    _registry[criterion.key] = criterion
    return criterion


def unregister(key: str) -> None:
    _registry.pop(key, None)


def criteria() -> list[CompletionCriterion]:
    return list(_registry.values())


def _takes_children(criterion: CompletionCriterion) -> bool:
    """Whether a criterion reads the pages already loaded (an older one may take only the enrolments)."""
    return "children_by_course" in inspect.signature(criterion.evaluate_many).parameters


def evaluate(
    enrolments: Iterable[Enrolment],
    *,
    exclude: set[str] = frozenset(),
    children_by_course: dict | None = None,
    stop_when_unmet: bool = False,
) -> dict[int, dict[str, CriterionResult]]:
    """
    Every registered criterion's result for each enrolment: ``{enrolment_id: {key: result}}``.
    With ``stop_when_unmet`` (one enrolment, deciding whether it is complete), criteria after
    the first applicable one that is not met are not evaluated: the answer is already no.
    """
    enrolments = list(enrolments)
    results: dict[int, dict[str, CriterionResult]] = {enrolment.pk: {} for enrolment in enrolments}
    for criterion in criteria():
        if criterion.key in exclude:
            continue
        if children_by_course is not None and _takes_children(criterion):
            found = criterion.evaluate_many(enrolments, children_by_course=children_by_course)
        else:
            found = criterion.evaluate_many(enrolments)
        for enrolment_id, result in found.items():
            results[enrolment_id][criterion.key] = result
        if stop_when_unmet and any(result.applies and not result.met for result in found.values()):
            break
    return results


def outline(children_by_course: dict) -> dict[int, dict[str, tuple]]:
    """
    The task-list lines of the criteria that give them, for courses without an enrolment:
    ``{course_id: {key: (CriterionLine, ...)}}`` (criteria without ``outline_many`` give none).
    """
    found: dict[int, dict[str, tuple]] = {}
    for criterion in criteria():
        outline_many = getattr(criterion, "outline_many", None)
        if outline_many is None:
            continue
        for course_id, lines in outline_many(children_by_course).items():
            found.setdefault(course_id, {})[criterion.key] = tuple(lines)
    return found

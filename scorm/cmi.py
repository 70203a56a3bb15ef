"""
The SCORM run-time data models (1.2 and 2004 4th edition), as the server checks a commit.

The runtime in the browser (``scorm-again``) already refuses a bad ``SetValue``; the server
checks again because the commit endpoint is an HTTP endpoint anyone signed in can post to.
A commit is the runtime's flattened CMI (``{"cmi.core.lesson_status": "passed", ...}``).
Each element is known, of the right type and within its limits, or the whole commit is
refused with the error code the runtime uses for that fault (``CmiError.code``): unknown
element 401 in both versions; wrong type 405 (1.2) / 406 (2004); out of range 405 (1.2) /
407 (2004). Read-only elements (the learner's id, the total time) are accepted but never
stored from the client: the server owns them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .packages import SCORM_12, SCORM_2004


class CmiError(Exception):
    def __init__(self, code: int, element: str, message: str):
        super().__init__(f"{element}: {message}")
        self.code = code
        self.element = element
        self.message = message


# Codes, as scorm-again's error tables have them.
UNDEFINED = 401
TYPE_MISMATCH = {SCORM_12: 405, SCORM_2004: 406}
OUT_OF_RANGE = {SCORM_12: 405, SCORM_2004: 407}


@dataclass(frozen=True)
class Spec:
    kind: str  # string, vocab, decimal, timespan, duration, time, any
    limit: int | None = None  # characters (string)
    vocab: tuple[str, ...] = ()
    low: Decimal | None = None
    high: Decimal | None = None
    read_only: bool = False


def S(limit, **kw):  # noqa: N802 - a short table reads better
    return Spec("string", limit=limit, **kw)


def V(*words, **kw):  # noqa: N802
    return Spec("vocab", vocab=words, **kw)


def D(low=None, high=None, **kw):  # noqa: N802
    return Spec(
        "decimal", low=None if low is None else Decimal(low), high=None if high is None else Decimal(high), **kw
    )


RO = {"read_only": True}
N = r"\d+"

_12_INTERACTION_TYPES = (
    "true-false",
    "choice",
    "fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
)
_2004_INTERACTION_TYPES = (*_12_INTERACTION_TYPES, "long-fill-in", "other")
_12_STATUS = ("passed", "completed", "failed", "incomplete", "browsed", "not attempted")

SCORM_12_MODEL: dict[str, Spec] = {
    r"cmi\.core\.student_id": S(255, **RO),
    r"cmi\.core\.student_name": S(255, **RO),
    r"cmi\.core\.lesson_location": S(255),
    r"cmi\.core\.credit": Spec("any", **RO),
    r"cmi\.core\.lesson_status": V(*_12_STATUS),
    r"cmi\.core\.entry": Spec("any", **RO),
    r"cmi\.core\.score\.(raw|min|max)": D(0, 100),
    r"cmi\.core\.total_time": Spec("any", **RO),
    r"cmi\.core\.lesson_mode": Spec("any", **RO),
    r"cmi\.core\.exit": V("", "time-out", "suspend", "logout"),
    r"cmi\.core\.session_time": Spec("timespan"),
    r"cmi\.suspend_data": S(4096),
    r"cmi\.launch_data": Spec("any", **RO),
    r"cmi\.comments": S(4096),
    r"cmi\.comments_from_lms": Spec("any", **RO),
    rf"cmi\.objectives\.{N}\.id": S(255),
    rf"cmi\.objectives\.{N}\.score\.(raw|min|max)": D(0, 100),
    rf"cmi\.objectives\.{N}\.status": V(*_12_STATUS),
    r"cmi\.student_data\.(mastery_score|max_time_allowed|time_limit_action)": Spec("any", **RO),
    r"cmi\.student_preference\.audio": D(-1, 100),
    r"cmi\.student_preference\.language": S(255),
    r"cmi\.student_preference\.speed": D(-100, 100),
    r"cmi\.student_preference\.text": D(-1, 1),
    rf"cmi\.interactions\.{N}\.id": S(255),
    rf"cmi\.interactions\.{N}\.objectives\.{N}\.id": S(255),
    rf"cmi\.interactions\.{N}\.time": Spec("time"),
    rf"cmi\.interactions\.{N}\.type": V("", *_12_INTERACTION_TYPES),
    rf"cmi\.interactions\.{N}\.correct_responses\.{N}\.pattern": S(255),
    rf"cmi\.interactions\.{N}\.weighting": D(),
    rf"cmi\.interactions\.{N}\.student_response": S(255),
    rf"cmi\.interactions\.{N}\.result": Spec("result"),
    rf"cmi\.interactions\.{N}\.latency": Spec("timespan"),
}

SCORM_2004_MODEL: dict[str, Spec] = {
    r"cmi\.learner_id": S(4000, **RO),
    r"cmi\.learner_name": S(250, **RO),
    r"cmi\.location": S(1000),
    r"cmi\.credit|cmi\.entry|cmi\.mode|cmi\.launch_data|cmi\.total_time": Spec("any", **RO),
    r"cmi\.scaled_passing_score|cmi\.completion_threshold|cmi\.max_time_allowed|cmi\.time_limit_action": Spec(
        "any", **RO
    ),
    r"cmi\.completion_status": V("completed", "incomplete", "not attempted", "unknown"),
    r"cmi\.success_status": V("passed", "failed", "unknown"),
    r"cmi\.score\.scaled": D(-1, 1),
    r"cmi\.score\.(raw|min|max)": D(),
    r"cmi\.progress_measure": D(0, 1),
    r"cmi\.exit": V("", "time-out", "suspend", "logout", "normal"),
    r"cmi\.session_time": Spec("duration"),
    r"cmi\.suspend_data": S(64000),
    r"cmi\.learner_preference\.audio_level": D(0),
    r"cmi\.learner_preference\.language": S(250),
    r"cmi\.learner_preference\.delivery_speed": D(0),
    r"cmi\.learner_preference\.audio_captioning": V("-1", "0", "1"),
    rf"cmi\.comments_from_learner\.{N}\.comment": S(4000),
    rf"cmi\.comments_from_learner\.{N}\.location": S(250),
    rf"cmi\.comments_from_learner\.{N}\.timestamp": Spec("time"),
    rf"cmi\.comments_from_lms\.{N}\.(comment|location|timestamp)": Spec("any", **RO),
    rf"cmi\.interactions\.{N}\.id": S(4000),
    rf"cmi\.interactions\.{N}\.type": V("", *_2004_INTERACTION_TYPES),
    rf"cmi\.interactions\.{N}\.objectives\.{N}\.id": S(4000),
    rf"cmi\.interactions\.{N}\.timestamp": Spec("time"),
    rf"cmi\.interactions\.{N}\.correct_responses\.{N}\.pattern": S(7800),
    rf"cmi\.interactions\.{N}\.weighting": D(),
    rf"cmi\.interactions\.{N}\.learner_response": S(7800),
    rf"cmi\.interactions\.{N}\.result": Spec("result"),
    rf"cmi\.interactions\.{N}\.latency": Spec("duration"),
    rf"cmi\.interactions\.{N}\.description": S(250),
    rf"cmi\.objectives\.{N}\.id": S(4000),
    rf"cmi\.objectives\.{N}\.score\.scaled": D(-1, 1),
    rf"cmi\.objectives\.{N}\.score\.(raw|min|max)": D(),
    rf"cmi\.objectives\.{N}\.success_status": V("passed", "failed", "unknown"),
    rf"cmi\.objectives\.{N}\.completion_status": V("completed", "incomplete", "not attempted", "unknown"),
    rf"cmi\.objectives\.{N}\.progress_measure": D(0, 1),
    rf"cmi\.objectives\.{N}\.description": S(250),
    r"adl\.nav\.request": Spec("any"),
}

_COMPILED = {
    version: [(re.compile(rf"^(?:{pattern})$"), spec) for pattern, spec in model.items()]
    for version, model in ((SCORM_12, SCORM_12_MODEL), (SCORM_2004, SCORM_2004_MODEL))
}
_KEYWORDS = re.compile(r"\._(children|count|version)$")
_TIMESPAN = re.compile(r"^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$")
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$")
_TIME_12 = re.compile(r"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$")
_TIME_2004 = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2})?)?)?(Z|[+-]\d{2}(:\d{2})?)?)?)?)?$")
_RESULTS = ("correct", "wrong", "incorrect", "unanticipated", "neutral")


def spec_for(version: str, element: str) -> Spec | None:
    for pattern, spec in _COMPILED[version]:
        if pattern.match(element):
            return spec
    return None


def _decimal(value: str) -> Decimal | None:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def check_value(version: str, element: str, spec: Spec, value: str) -> None:
    mismatch, out_of_range = TYPE_MISMATCH[version], OUT_OF_RANGE[version]
    if spec.kind == "any":
        return
    if spec.kind == "string":
        if len(value) > spec.limit:
            raise CmiError(
                out_of_range if version == SCORM_2004 else mismatch, element, f"longer than {spec.limit} characters"
            )
    elif spec.kind == "vocab":
        if value not in spec.vocab:
            raise CmiError(
                mismatch, element, f"“{value[:40]}” is not one of {', '.join(w or '(empty)' for w in spec.vocab)}"
            )
    elif spec.kind == "decimal":
        if value == "":
            return
        number = _decimal(value)
        if number is None:
            raise CmiError(mismatch, element, "not a number")
        if (spec.low is not None and number < spec.low) or (spec.high is not None and number > spec.high):
            raise CmiError(out_of_range, element, f"{value} is outside {spec.low}..{spec.high}")
    elif spec.kind == "timespan":
        if value and not _TIMESPAN.match(value):
            raise CmiError(mismatch, element, "not a time span HHHH:MM:SS.SS")
    elif spec.kind == "duration":
        if value and (not _DURATION.match(value) or value in {"P", "PT"} or value.endswith("T")):
            raise CmiError(mismatch, element, "not an ISO 8601 duration")
    elif spec.kind == "time":
        pattern = _TIME_12 if version == SCORM_12 else _TIME_2004
        if value and not pattern.match(value):
            raise CmiError(mismatch, element, "not a time")
    elif spec.kind == "result" and value and value not in _RESULTS and _decimal(value) is None:
        raise CmiError(mismatch, element, "not an interaction result")


def clean_commit(version: str, data) -> dict[str, str]:
    """
    The writable elements of a flattened commit, checked; ``CmiError`` for the first fault.
    Empty collections (``{}``) and the ``_children``/``_count`` keywords are skipped.
    """
    if not isinstance(data, dict):
        raise CmiError(TYPE_MISMATCH[version], "cmi", "a commit is an object of elements")
    cleaned: dict[str, str] = {}
    for element, value in data.items():
        if not isinstance(element, str) or len(element) > 255:
            raise CmiError(UNDEFINED, str(element)[:80], "not a data model element")
        if isinstance(value, dict | list) and not value:
            continue
        if _KEYWORDS.search(element):
            continue
        spec = spec_for(version, element)
        if spec is None:
            raise CmiError(UNDEFINED, element, "not an element of the SCORM data model")
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise CmiError(TYPE_MISMATCH[version], element, "not a character string")
        value = str(value)
        check_value(version, element, spec, value)
        if not spec.read_only:
            cleaned[element] = value
    return cleaned


def seconds_from_timespan(value: str) -> int:
    """SCORM 1.2 ``HHHH:MM:SS.SS`` → whole seconds (0 when empty or malformed)."""
    match = _TIMESPAN.match(value or "")
    if not match:
        return 0
    hours, minutes, seconds, fraction = match.groups()
    return int(hours) * 3600 + int(minutes) * 60 + int(seconds)


def seconds_from_duration(value: str) -> int:
    """SCORM 2004 ISO 8601 duration → whole seconds (years and months as 365 and 30 days)."""
    match = _DURATION.match(value or "")
    if not match:
        return 0
    years, months, days, hours, minutes, seconds = (Decimal(part) if part else Decimal(0) for part in match.groups())
    return int(((years * 365 + months * 30 + days) * 24 + hours) * 3600 + minutes * 60 + seconds)


def timespan(seconds: int) -> str:
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def duration(seconds: int) -> str:
    hours, rest = divmod(int(seconds), 3600)
    return f"PT{hours}H{rest // 60}M{rest % 60}S"

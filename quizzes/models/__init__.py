"""
The quizzes app's models, split by what they hold:

- ``bank``: the question bank (snippets, edited under "Question bank" in the admin);
- ``pages``: the quiz page, a course's assessment, and the questions it draws;
- ``attempts``: what officers did: attempts, each with a frozen copy of every question it
  asked, and reasonable adjustments.
"""

from .attempts import Adjustment, Attempt, AttemptQuestion, AttemptStatus, ClosedReason
from .bank import Question, QuestionCategory, QuestionTag
from .pages import Grading, Layout, Preset, QuizPage, QuizQuestionSlot, ReviewWhat, ReviewWhen

__all__ = [
    "Adjustment",
    "Attempt",
    "AttemptQuestion",
    "AttemptStatus",
    "ClosedReason",
    "Grading",
    "Layout",
    "Preset",
    "Question",
    "QuestionCategory",
    "QuestionTag",
    "QuizPage",
    "QuizQuestionSlot",
    "ReviewWhat",
    "ReviewWhen",
]

"""
The answer part of a question, one StreamField block per question type. A question's body
holds exactly one of these, so its type is the block's type and each type gets an editor of
its own: no fields that apply to some types and not others.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul"]


class QuestionType:
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_RESPONSE = "multiple_response"
    TRUE_FALSE = "true_false"
    MATCHING = "matching"
    SHORT_TEXT = "short_text"
    SCENARIO = "scenario"

    CHOICES = [
        (SINGLE_CHOICE, _("Single choice")),
        (MULTIPLE_RESPONSE, _("Multiple response")),
        (TRUE_FALSE, _("True or false")),
        (MATCHING, _("Matching")),
        (SHORT_TEXT, _("Short text answer")),
        (SCENARIO, _("Scenario")),
    ]


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("Feedback"), max_length=400, required=False, help_text=_("Shown on review, if the officer chose it.")
    )

    class Meta:
        icon = "radio-full"


def _count_correct(value) -> int:
    return sum(1 for choice in value["choices"] if choice["correct"])


class OneCorrectChoiceMixin:
    def clean(self, value):
        value = super().clean(value)
        if _count_correct(value) != 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark exactly one answer as correct."))}
            )
        return value


class SingleChoiceBlock(OneCorrectChoiceMixin, blocks.StructBlock):
    choices = blocks.ListBlock(ChoiceBlock(), label=_("Answers"), min_num=2, max_num=8)

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleResponseBlock(blocks.StructBlock):
    choices = blocks.ListBlock(ChoiceBlock(), label=_("Answers"), min_num=3, max_num=10)

    def clean(self, value):
        value = super().clean(value)
        correct = _count_correct(value)
        if correct < 1 or correct == len(value["choices"]):
            raise StructBlockValidationError(
                block_errors={
                    "choices": ValidationError(_("Mark at least one answer correct and at least one wrong."))
                }
            )
        return value

    class Meta:
        icon = "tasks"
        label = _("Multiple response (partial credit)")
        help_text = _("Each correct answer chosen earns a share of the marks; each wrong one takes a share away.")


class TrueFalseBlock(blocks.StructBlock):
    correct = blocks.ChoiceBlock(
        choices=[("true", _("True")), ("false", _("False"))], label=_("The statement is"), default="true"
    )
    feedback_true = blocks.CharBlock(label=_("Feedback for “True”"), max_length=400, required=False)
    feedback_false = blocks.CharBlock(label=_("Feedback for “False”"), max_length=400, required=False)

    class Meta:
        icon = "tick"
        label = _("True or false")


class MatchingPairBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("Item"), max_length=200)
    answer = blocks.CharBlock(label=_("Matches"), max_length=200)


class MatchingBlock(blocks.StructBlock):
    pairs = blocks.ListBlock(MatchingPairBlock(), label=_("Pairs"), min_num=2, max_num=8)
    distractors = blocks.ListBlock(
        blocks.CharBlock(max_length=200), label=_("Extra wrong answers"), min_num=0, max_num=4, required=False
    )

    def clean(self, value):
        value = super().clean(value)
        answers = [pair["answer"].strip().casefold() for pair in value["pairs"]]
        answers += [text.strip().casefold() for text in value["distractors"]]
        if len(set(answers)) != len(answers):
            raise StructBlockValidationError(
                block_errors={"pairs": ValidationError(_("Every answer in the list must be different."))}
            )
        return value

    class Meta:
        icon = "list-ul"
        label = _("Matching")


class ShortTextBlock(blocks.StructBlock):
    accepted = blocks.ListBlock(
        blocks.CharBlock(max_length=100),
        label=_("Accepted answers"),
        min_num=1,
        max_num=10,
        help_text=_("Compared ignoring capitals and extra spaces."),
    )

    class Meta:
        icon = "pilcrow"
        label = _("Short text answer")


class ScenarioBlock(OneCorrectChoiceMixin, blocks.StructBlock):
    vignette = blocks.RichTextBlock(
        label=_("Scenario"), features=RICH_TEXT_FEATURES, help_text=_("The case the officer faces.")
    )
    choices = blocks.ListBlock(ChoiceBlock(), label=_("Answers"), min_num=2, max_num=8)

    class Meta:
        icon = "user"
        label = _("Scenario")


class QuestionBodyBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_response = MultipleResponseBlock()
    true_false = TrueFalseBlock()
    matching = MatchingBlock()
    short_text = ShortTextBlock()
    scenario = ScenarioBlock()

    class Meta:
        min_num = 1
        max_num = 1

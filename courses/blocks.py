"""
StreamField blocks for module pages: what training content needs, each rendering
accessible GOV.UK Frontend markup (templates in ``templates/courses/blocks/``).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from pyluach import dates as hebrew_dates
from pyluach import hebrewcal
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .video import embed_url, web_address

#: Rich text in modules is deliberately plain: structure comes from the blocks.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "courses/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


class VideoURLBlock(blocks.URLBlock):
    """A YouTube or Vimeo address, checked without asking the provider (see ``courses.video``)."""

    def clean(self, value):
        value = super().clean(value)
        if value and web_address(value) is None:
            raise ValidationError(_("Use a web address starting with https://"))
        if value and embed_url(value) is None:
            raise ValidationError(_("Use a YouTube or Vimeo video address, for example https://youtu.be/…"))
        return value


class VideoBlock(blocks.StructBlock):
    video = VideoURLBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("Title"), max_length=150, help_text=_("Read out by screen readers."))
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Everything said and shown. Required: officers on a shift often cannot play sound."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("key_point", _("Key point")), ("in_practice", _("In practice"))],
        default="key_point",
        label=_("Kind"),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pick"
        label = _("Call-out: key point or in practice")
        template = "courses/blocks/callout.html"


class DoDontBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    do = blocks.ListBlock(blocks.CharBlock(max_length=250), label=_("Do"), min_num=1)
    dont = blocks.ListBlock(blocks.CharBlock(max_length=250), label=_("Don't"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Call-out: do and don't")
        template = "courses/blocks/do_dont.html"


class DefinitionBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=120)
    meaning = blocks.TextBlock(label=_("Meaning"))


class DefinitionListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    items = blocks.ListBlock(DefinitionBlock(), label=_("Terms"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Terms and meanings")
        template = "courses/blocks/definition_list.html"


class AccessibleTableBlock(TableBlock):
    """Wagtail's table block, rendered with GOV.UK table classes and a required caption."""

    def clean(self, value):
        value = super().clean(value)
        if value and not (value.get("table_caption") or "").strip():
            raise ValidationError(_("Give the table a caption: screen readers announce it."))
        return value

    class Meta:
        icon = "table"
        label = _("Table")
        template = "courses/blocks/table.html"


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("What it is"), max_length=250, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "courses/blocks/document.html"


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(label=_("Summary"), max_length=150, help_text=_("The line officers click to expand."))
    body = blocks.RichTextBlock(label=_("Hidden text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "collapse-down"
        label = _("Expandable details")
        template = "courses/blocks/details.html"


class UnderstandingChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=250)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)


class CheckUnderstandingBlock(blocks.StructBlock):
    """An ungraded question: the officer chooses, then reveals the answer and explanation."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    choices = blocks.ListBlock(UnderstandingChoiceBlock(), label=_("Answers"), min_num=2, max_num=6)
    explanation = blocks.RichTextBlock(label=_("Explanation"), features=RICH_TEXT_FEATURES)

    def clean(self, value):
        value = super().clean(value)
        if not any(choice["correct"] for choice in value["choices"]):
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark at least one answer as correct."))}
            )
        return value

    class Meta:
        icon = "help"
        label = _("Check your understanding")
        template = "courses/blocks/check_understanding.html"


# Festival dates, computed from the Hebrew calendar: never a typed table.

#: pyluach's names → how the course writes them, in the order a year runs from Tishrei.
FESTIVAL_NAMES = {
    "Rosh Hashana": _("Rosh Hashanah (New Year)"),
    "Yom Kippur": _("Yom Kippur (Day of Atonement)"),
    "Succos": _("Sukkot"),
    "Shmini Atzeres": _("Shemini Atzeret"),
    "Simchas Torah": _("Simchat Torah"),
    "Chanuka": _("Chanukah"),
    "Purim": _("Purim"),
    "Pesach": _("Pesach (Passover)"),
    "Shavuos": _("Shavuot"),
}


@dataclass(frozen=True)
class FestivalSpan:
    """One festival's days in the coming year, as the Gregorian dates they fall on."""

    name: str
    first_day: datetime.date
    last_day: datetime.date
    restricted_days: tuple[datetime.date, ...]  # days with Shabbat-like restrictions (yom tov)

    @property
    def begins_evening(self) -> datetime.date:
        """Jewish days begin at sunset: the festival starts on the evening before its first day."""
        return self.first_day - datetime.timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


def festival_spans(start: datetime.date, *, months: int = 12) -> list[FestivalSpan]:
    """
    The major festivals whose first day falls from ``start`` for ``months`` months, for
    the diaspora calendar (England and Wales), computed with pyluach.
    """
    end = start + datetime.timedelta(days=round(months * 30.44))
    spans: list[FestivalSpan] = []
    current: dict | None = None
    day = start
    while day <= end or current is not None:
        hebrew = hebrew_dates.GregorianDate.from_pydate(day)
        name = hebrewcal.festival(hebrew, israel=False, include_working_days=True)
        restricted = hebrewcal.festival(hebrew, israel=False, include_working_days=False) is not None
        if current and name != current["name"]:
            spans.append(
                FestivalSpan(
                    name=str(FESTIVAL_NAMES[current["name"]]),
                    first_day=current["first"],
                    last_day=current["last"],
                    restricted_days=tuple(current["restricted"]),
                )
            )
            current = None
        if name in FESTIVAL_NAMES and current is None and day <= end:
            current = {"name": name, "first": day, "last": day, "restricted": []}
        if current and name == current["name"]:
            current["last"] = day
            if restricted and name != "Chanuka":
                current["restricted"].append(day)
        day += datetime.timedelta(days=1)
    return spans


class FestivalDatesBlock(blocks.StructBlock):
    """The next twelve months of Jewish festivals, computed when the page is shown."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Festival dates in the next year"))
    introduction = blocks.TextBlock(label=_("Introduction"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["festivals"] = festival_spans(timezone.localdate())
        return context

    class Meta:
        icon = "date"
        label = _("Festival dates (computed)")
        template = "courses/blocks/festival_dates.html"


class ModuleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Text"), template="courses/blocks/paragraph.html"
    )
    image = CaptionedImageBlock()
    video = VideoBlock()
    callout = CalloutBlock(group=_("Call-outs"))
    do_dont = DoDontBlock(group=_("Call-outs"))
    definitions = DefinitionListBlock()
    table = AccessibleTableBlock(
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right", "remove_row", "remove_col"]}
    )
    document = DocumentDownloadBlock()
    details = DetailsBlock()
    check_understanding = CheckUnderstandingBlock()
    festival_dates = FestivalDatesBlock(group=_("Faith"))

    class Meta:
        block_counts = {"festival_dates": {"max_num": 1}}

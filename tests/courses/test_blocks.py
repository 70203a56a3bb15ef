"""Module blocks: computed festival dates, validation, and accessible rendering."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from courses.blocks import (
    AccessibleTableBlock,
    CaptionedImageBlock,
    CheckUnderstandingBlock,
    FestivalDatesBlock,
    ModuleBodyBlock,
    VideoBlock,
    festival_spans,
)
from courses.video import embed_url


def spans_by_name(start, months=12):
    return {span.name: span for span in festival_spans(start, months=months)}


def test_purim_2027_is_on_23_march_and_begins_the_evening_before():
    purim = spans_by_name(datetime.date(2027, 1, 1))["Purim"]
    assert purim.first_day == datetime.date(2027, 3, 23)
    assert purim.days == 1
    assert purim.begins_evening == datetime.date(2027, 3, 22)
    assert purim.restricted_days == ()


def test_pesach_2027_runs_eight_days_with_restrictions_on_the_first_two_and_last_two():
    pesach = spans_by_name(datetime.date(2027, 1, 1))["Pesach (Passover)"]
    assert (pesach.first_day, pesach.last_day) == (datetime.date(2027, 4, 22), datetime.date(2027, 4, 29))
    assert pesach.restricted_days == (
        datetime.date(2027, 4, 22),
        datetime.date(2027, 4, 23),
        datetime.date(2027, 4, 28),
        datetime.date(2027, 4, 29),
    )


def test_a_year_from_late_november_2026_lists_each_major_festival_once_in_date_order():
    spans = festival_spans(datetime.date(2026, 11, 23))
    assert [span.name for span in spans] == [
        "Chanukah",
        "Purim",
        "Pesach (Passover)",
        "Shavuot",
        "Rosh Hashanah (New Year)",
        "Yom Kippur (Day of Atonement)",
        "Sukkot",
        "Shemini Atzeret",
        "Simchat Torah",
    ]
    chanukah = spans[0]
    assert (chanukah.first_day, chanukah.days) == (datetime.date(2026, 12, 5), 8)
    assert chanukah.restricted_days == ()
    assert spans_by_name(datetime.date(2026, 11, 23))["Yom Kippur (Day of Atonement)"].restricted_days == (
        datetime.date(2027, 10, 11),
    )


def test_a_festival_already_under_way_on_the_start_date_is_shown_from_that_date():
    spans = festival_spans(datetime.date(2026, 12, 7), months=1)
    assert spans[0].name == "Chanukah"
    assert spans[0].first_day == datetime.date(2026, 12, 7)
    assert spans[0].last_day == datetime.date(2026, 12, 12)


def test_festival_block_computes_the_next_twelve_months_when_shown(monkeypatch):
    monkeypatch.setattr("courses.blocks.timezone.localdate", lambda: datetime.date(2027, 1, 1))
    block = FestivalDatesBlock()
    html = block.render(block.to_python({"heading": "Festival dates", "introduction": ""}))
    assert '<h2 class="govuk-heading-l" id="festival-dates-heading">Festival dates</h2>' in html
    assert '<th scope="row" class="govuk-table__header">Purim</th>' in html
    assert "Tuesday 23 March 2027" in html
    assert "Begins at sunset on Monday 22 March" in html
    assert "25 December 2027 to 1 January 2028" in html  # Chanukah 2027 crosses the new year


def test_check_your_understanding_needs_a_correct_answer():
    block = CheckUnderstandingBlock()
    value = block.to_python(
        {
            "question": "What overrides Shabbat?",
            "choices": [{"text": "Saving life", "correct": False}, {"text": "Nothing", "correct": False}],
            "explanation": "<p>Pikuach nefesh.</p>",
        }
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_check_your_understanding_renders_a_labelled_question_and_a_hidden_answer():
    block = CheckUnderstandingBlock()
    value = block.to_python(
        {
            "question": "What overrides Shabbat?",
            "choices": [{"text": "Saving life", "correct": True}, {"text": "Nothing", "correct": False}],
            "explanation": "<p>Pikuach nefesh.</p>",
        }
    )
    html = block.render(value, context={"block_id": "abc"})
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">' in html
    assert 'for="understanding-abc-1"' in html and 'id="understanding-abc-1"' in html
    assert "<details" in html and "Saving life." in html


def test_images_need_alternative_text_and_a_caption():
    block = CaptionedImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))


def test_tables_need_a_caption():
    block = AccessibleTableBlock()
    value = {"data": [["Law", "Section"], ["Crime and Disorder Act 1998", "28"]], "table_header_choice": "row"}
    with pytest.raises(ValidationError, match="caption"):
        block.clean({**value, "table_caption": " "})
    html = block.render(block.clean({**value, "table_caption": "Aggravated offences"}))
    assert '<caption class="govuk-table__caption govuk-table__caption--m">Aggravated offences</caption>' in html
    assert '<th scope="col" class="govuk-table__header">Law</th>' in html


def test_videos_need_a_transcript_and_a_known_provider():
    block = VideoBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"video": "https://youtu.be/dQw4w9WgXcQ", "title": "Talk", "transcript": ""}))
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python({"video": "https://example.com/video.mp4", "title": "Talk", "transcript": "<p>Hi</p>"})
        )


def test_videos_embed_from_no_cookie_hosts_with_a_title_and_without_a_network_call():
    block = VideoBlock()
    value = block.to_python(
        {"video": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Briefing", "transcript": "<p>Words.</p>"}
    )
    html = block.render(value)
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert 'title="Briefing"' in html
    assert "Read the transcript" in html


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(document.cookie)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<b>x</b>"],
)
def test_a_video_address_that_is_not_a_web_address_is_refused_by_the_block(address):
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"video": address, "title": "Talk", "transcript": "<p>Hi</p>"}))
    assert "video" in refused.value.block_errors


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(document.cookie)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "//evil"],
)
def test_a_stored_video_address_that_is_not_http_renders_no_link(address):
    """Stored content that never went through the form (an import, an old revision) links to nothing."""
    block = VideoBlock()
    html = block.render(block.to_python({"video": address, "title": "Talk", "transcript": "<p>Hi</p>"}))
    assert "<a " not in html.split("govuk-details")[0]
    assert "<iframe" not in html
    assert "This video cannot be shown" in html
    assert f'href="{address}' not in html


def test_a_stored_http_video_address_that_cannot_be_embedded_is_linked():
    block = VideoBlock()
    html = block.render(
        block.to_python({"video": "https://video.example/talk", "title": "Talk", "transcript": "<p>Hi</p>"})
    )
    assert '<a class="govuk-link" href="https://video.example/talk" rel="noopener">Watch the video' in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=30", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("javascript:alert(1)", None),
        ("https://evil.example/watch?v=dQw4w9WgXcQ", None),
    ],
)
def test_embed_url(url, expected):
    assert embed_url(url) == expected


def test_the_module_body_offers_every_block_training_needs():
    assert set(ModuleBodyBlock.base_blocks) == {
        "heading",
        "paragraph",
        "image",
        "video",
        "callout",
        "do_dont",
        "definitions",
        "table",
        "document",
        "details",
        "check_understanding",
        "festival_dates",
    }


# Rendering each content block, as officers get it


def render(name: str, raw: dict) -> str:
    block = ModuleBodyBlock().child_blocks[name]
    return block.render(block.to_python(raw))


def test_an_image_needs_its_alternative_text_even_with_a_caption(db):
    from wagtail_factories import ImageFactory

    block = CaptionedImageBlock()
    image = ImageFactory(title="Kippah")
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": "A kippah"}))
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "A small round cap", "caption": "A kippah"}))


def test_an_image_renders_a_sized_webp_rendition_with_its_alt_text_and_caption(db):
    from wagtail_factories import ImageFactory

    image = ImageFactory(title="Synagogue security", file__width=1600, file__height=1200)
    html = render("image", {"image": image.pk, "alt_text": "Two volunteers at a gate", "caption": "CST volunteers"})
    assert 'alt="Two volunteers at a gate"' in html
    assert "<figcaption" in html and "CST volunteers</figcaption>" in html
    assert ".webp" in html
    assert 'width="960" height="720"' in html  # scaled to fit, so phones download less


def test_a_document_download_names_its_type_and_size(db):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Custody quick reference", file=ContentFile(b"%PDF-1.4 " + b"x" * 2039, name="custody.pdf")
    )
    document._set_document_file_metadata()  # as the admin's upload form does
    document.save()
    html = render("document", {"document": document.pk, "description": "One page, to print"})
    assert f'href="{document.url}"' in html and " download>" in html
    assert "Custody quick reference" in html and "(download)" in html
    assert "PDF, 2.0\xa0KB" in html
    assert "One page, to print" in html


def test_headings_render_at_the_level_chosen_with_an_anchor():
    assert render("heading", {"text": "Shabbat", "level": "h2"}).startswith(
        '<h2 class="govuk-heading-l" id="shabbat">'
    )
    assert render("heading", {"text": "At the door", "level": "h3"}).startswith('<h3 class="govuk-heading-m"')


def test_call_outs_say_what_kind_they_are_in_words_not_colour():
    html = render("callout", {"kind": "in_practice", "title": "At a house", "body": "<p>Knock, wait.</p>"})
    assert "In practice: At a house" in html and "Knock, wait." in html


def test_do_and_dont_lists_label_each_column_in_text_and_hide_the_marks():
    html = render("do_dont", {"title": "Searching", "do": ["Ask first"], "dont": ["Touch a religious item"]})
    assert ">Do</h4>" in html and ">Don't</h4>" in html
    assert html.count('aria-hidden="true"') == 2
    assert "Ask first" in html and "Touch a religious item" in html


def test_definitions_render_as_a_description_list():
    html = render(
        "definitions", {"title": "", "items": [{"term": "Kosher", "meaning": "Fit to eat\nunder Jewish law"}]}
    )
    assert "<dl" in html and '<dt class="govuk-summary-list__key">Kosher</dt>' in html
    assert "Fit to eat<br>under Jewish law" in html


def test_details_expand_with_a_native_summary():
    html = render("details", {"summary": "What is an eruv?", "body": "<p>A boundary.</p>"})
    assert "<details" in html and "What is an eruv?" in html and "A boundary." in html

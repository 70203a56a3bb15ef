"""
The demo's image and document, made here rather than committed: a Shabbat timeline drawn
with Pillow and a custody checklist as plain text. Demo content names them as "@key" in its
image and document blocks; ``resolve`` swaps in the id, creating each once.
"""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

INK, MUTED, SHABBAT, PAPER = "#0b0c0c", "#505a5f", "#1d70b8", "#ffffff"


def shabbat_timeline_png() -> bytes:
    """Friday noon to Saturday midnight, with Shabbat shaded from before sunset to nightfall."""
    width, height, left, right = 1200, 360, 60, 1140
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    title, label, small = (ImageFont.load_default(size=size) for size in (34, 26, 22))
    hours = 36  # Friday 12:00 to Saturday 24:00

    def x(hour: float) -> float:
        return left + (right - left) * hour / hours

    draw.text((left, 24), "Shabbat: about 25 hours, Friday to Saturday", font=title, fill=INK)
    bar_top, bar_bottom = 150, 210
    draw.rectangle((left, bar_top, right, bar_bottom), outline=MUTED, width=3)
    start, end = x(7.5), x(33)  # shortly before a 19:30 sunset; nightfall about 21:00 on Saturday
    draw.rectangle((start, bar_top, end, bar_bottom), fill=SHABBAT)
    draw.text(((start + end) / 2, (bar_top + bar_bottom) / 2), "Shabbat", font=label, fill=PAPER, anchor="mm")
    for hour, text in ((0, "Friday noon"), (12, "Friday midnight"), (24, "Saturday noon"), (36, "Saturday midnight")):
        draw.line((x(hour), bar_bottom, x(hour), bar_bottom + 14), fill=MUTED, width=3)
        anchor = "la" if hour == 0 else "ra" if hour == hours else "ma"
        draw.text((x(hour), bar_bottom + 20), text, font=small, fill=MUTED, anchor=anchor)
    draw.text((start, bar_top - 12), "Begins shortly before sunset", font=small, fill=INK, anchor="ld")
    draw.text((end, bar_top - 12), "Ends at nightfall", font=small, fill=INK, anchor="rd")
    draw.text((left, 300), "Times move with the seasons: earlier in winter, later in summer.", font=small, fill=INK)
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


CUSTODY_CHECKLIST = """\
Custody and Jewish detainees: a one-page checklist
Example Police Service, Learning and Development. Review by 1 October 2027.

Ask, do not assume
- Ask whether the detainee keeps kosher, observes Shabbat or has religious items with them.

Food
- Offer a sealed meal with a recognised kosher certification mark.
- Hand it over with the seal intact and let the detainee open it.
- If the seal has been broken, offer another meal.

Head coverings and dress
- Ask before removing a kippah, a head scarf or a wig, and explain why if it is necessary.
- Do it out of public view where you can.

Religious items
- Handle prayer books, tefillin and prayer shawls with respect; keep them off the floor.

Shabbat and festivals (from shortly before sunset the evening before)
- An observant detainee may not sign, write or use a phone. Record this as religious
  observance, not a refusal to co-operate, and plan interviews and bail dates around it.
- Saving life overrides all of this.

Contact
- Some strictly Orthodox people avoid touching a person of the opposite sex. A declined
  handshake is not meant as rudeness.
"""

MEDIA = {
    "shabbat-timeline": ("image", "Shabbat timeline", "shabbat-timeline.png", shabbat_timeline_png),
    "custody-checklist": (
        "document",
        "Custody and Jewish detainees: a one-page checklist",
        "custody-checklist.txt",
        lambda: CUSTODY_CHECKLIST.encode(),
    ),
}


def resolve(key: str) -> int:
    """The id of the demo image or document named ``key``, made the first time it is asked for."""
    kind, title, filename, make = MEDIA[key.removeprefix("@")]
    model = get_image_model() if kind == "image" else get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing.pk
    item = model(title=title, file=ContentFile(make(), name=filename))
    if kind == "document":
        item._set_document_file_metadata()  # size and hash, as the admin's upload form sets them
    item.save()
    return item.pk

"""
The site shell. ``HomePage`` is the root officers land on after signing in; trainers
and administrators edit it, and ``InformationPage`` children (the accessibility
statement, help), in the Wagtail page explorer. ``PlatformSettings`` is edited under
Settings → Platform.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.mixins import SignInRequiredMixin

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HomePage(SignInRequiredMixin, Page):
    """The officer's home: a welcome now, their learning as the courses app grows."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.InformationPage", "courses.CourseCataloguePage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from compliance.selectors import requirements_for
        from courses.selectors import learning_for

        context = super().get_context(request, *args, **kwargs)
        context["requirements"] = requirements_for(request.user)
        context["learning"] = learning_for(request.user)
        return context


class InformationPage(Page):
    """
    A plain page anyone can read without signing in: the accessibility statement,
    privacy notice, help. Kept public on purpose (the Accessibility Regulations require
    the statement to be reachable).
    """

    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    content_panels = Page.content_panels + [FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("information page")


@register_setting(icon="cog")
class PlatformSettings(BaseSiteSetting):
    """Names and contacts shown on every page, per site."""

    platform_name = models.CharField(_("platform name"), max_length=80, default="Police training")
    organisation_name = models.CharField(_("organisation name"), max_length=120, default="Example Police Service")
    support_email = models.EmailField(
        _("support email"),
        blank=True,
        help_text=_("Where officers write when something does not work, or to ask for an accessible format."),
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("platform_name"),
        FieldPanel("organisation_name"),
        FieldPanel("support_email"),
        FieldPanel("accessibility_statement"),
    ]

    class Meta:
        verbose_name = _("platform")

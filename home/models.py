"""
The site shell. ``HomePage`` is the root officers land on after signing in; trainers
and administrators edit it, and ``InformationPage`` children (the accessibility
statement, help), in the Wagtail page explorer. ``PlatformSettings`` is edited under
Settings → Platform.
"""

from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.mixins import SignInRequiredMixin
from core.pages import LeanPageMixin, RouteInOneQueryMixin

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HomePage(RouteInOneQueryMixin, SignInRequiredMixin, LeanPageMixin, Page):
    """The officer's home: a welcome now, their learning as the courses app grows."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.InformationPage", "courses.CourseCataloguePage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from compliance.selectors import Window, requirements_for
        from compliance.status import Status
        from courses.selectors import learning_for

        context = super().get_context(request, *args, **kwargs)
        requirements = requirements_for(request.user, Window.for_request(request))
        context["requirements"] = requirements
        context["requirements_overdue"] = any(a.status in (Status.OVERDUE, Status.EXPIRED) for a in requirements)
        # A required course is listed once, under "Required training", not again under "Completed".
        context["learning"] = learning_for(
            request.user, required_course_ids={assignment.course_id for assignment in requirements}
        )
        # Sections added by the apps above this one (certificates): ``hook(request)`` returns HTML.
        context["learning_sections"] = [hook(request) for hook in hooks.get_hooks("my_learning_sections")]
        return context


class InformationPage(LeanPageMixin, Page):
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
    """
    Names and contacts shown on every page, per site. Every page's header and footer read
    them, so they are kept in the cache per site (with the accessibility statement page,
    fetched in the same query) and dropped when they or any page's URL or publication change
    (``home.signals``).
    """

    #: Also the longest a process without a shared cache (no ``REDIS_URL``) may show old values.
    CACHE_SECONDS = 300

    select_related = ["accessibility_statement"]

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

    @staticmethod
    def cache_key(site_id: int) -> str:
        return f"home:platform-settings:{site_id}"

    @classmethod
    def for_site(cls, site):
        """The site's settings, from the cache when they are there (see the class docstring)."""
        if site is None:
            return super().for_site(site)
        instance = cache.get(cls.cache_key(site.pk))
        if instance is None:
            instance = super().for_site(site)
            cache.set(cls.cache_key(site.pk), instance, cls.CACHE_SECONDS)
        return instance

    @classmethod
    def forget(cls, site_ids=None) -> None:
        """Drop the cached settings of these sites (every site when none are named)."""
        from wagtail.models import Site

        if site_ids is None:
            site_ids = Site.objects.values_list("pk", flat=True)
        cache.delete_many([cls.cache_key(site_id) for site_id in site_ids])

"""
Admin for festival refreshers: trainers add and edit them (the course is chosen here, since
``courses`` never imports ``notifications``); administrators read the delivery log.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from core.tables import AbsoluteDateColumn, YesNoColumn

from .models import FestivalRefresher, RefresherDelivery


class FestivalRefresherIndexView(ModelViewSet.index_view_class):
    def get_base_queryset(self):
        return FestivalRefresher.objects.select_related("course", "module")


class FestivalRefresherViewSet(ModelViewSet):
    model = FestivalRefresher
    name = "festival_refreshers"
    icon = "date"
    menu_label = _("Festival refreshers")
    index_view_class = FestivalRefresherIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [
        PageChooserPanel("course", page_type="courses.CoursePage"),
        FieldRowPanel([FieldPanel("festival"), FieldPanel("days_before")]),
        PageChooserPanel("module", page_type="courses.ModulePage"),
        FieldPanel("message"),
        FieldPanel("active"),
    ]
    list_display = [
        Column("festival", label=_("Festival"), accessor="festival_label"),
        Column("days_before", label=_("Days before")),
        Column("course", label=_("Course"), accessor="course.title"),
        Column("module", label=_("Module"), accessor="module"),
        YesNoColumn("active", label=_("Active")),
    ]
    list_filter = ["active", "course"]
    search_fields = ["course__title", "module__title", "message"]
    list_export = ["festival_label", "days_before", "course", "module", "message", "active"]
    export_headings = {"festival_label": _("Festival")}
    export_filename = "festival-refreshers"


class RefresherDeliveryIndexView(ModelViewSet.index_view_class):
    def get_base_queryset(self):
        return RefresherDelivery.objects.select_related("user")


class RefresherDeliveryViewSet(ModelViewSet):
    """The delivery log: written by the run, never edited (``ReadOnlyPermissionPolicy``)."""

    model = RefresherDelivery
    name = "refresher_deliveries"
    icon = "mail"
    menu_label = _("Refresher deliveries")
    index_view_class = RefresherDeliveryIndexView
    add_to_reference_index = False
    form_fields = []
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "user",
        "festival_label",
        "occurrence",
        "course_title",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
        "created_at",
    ]
    list_display = [
        Column("person", label=_("Person"), accessor="user.display_name"),
        Column("festival", label=_("Festival"), accessor="festival_label"),
        AbsoluteDateColumn("occurrence", label=_("Festival begins")),
        "course_title",
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("attempts", label=_("Attempts")),
        AbsoluteDateColumn("sent_at", label=_("Sent")),
    ]
    list_filter = ["status", "festival"]
    search_fields = ["user__first_name", "user__last_name", "user__warrant_number", "course_title"]
    list_export = [
        "user.display_name",
        "user.warrant_number",
        "festival_label",
        "occurrence",
        "course_title",
        "get_status_display",
        "attempts",
        "sent_at",
        "last_error",
    ]
    export_headings = {
        "user.display_name": _("Person"),
        "user.warrant_number": _("Warrant number"),
        "festival_label": _("Festival"),
        "get_status_display": _("Status"),
    }
    export_filename = "refresher-deliveries"


class RefresherViewSetGroup(ModelViewSetGroup):
    menu_label = _("Refreshers")
    menu_icon = "date"
    menu_order = 235
    items = (FestivalRefresherViewSet, RefresherDeliveryViewSet)

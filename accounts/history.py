"""
Wagtail's site history report (Reports → Site history, and its CSV and XLSX exports),
scoped like the records it lists (docs/security.md §2).

Wagtail shows anyone with any permission on a model every log entry of that model. For
records about people (``accounts.scoping.SCOPED_MODELS``: exemptions, adjustments,
attempts) that would show a sergeant every exemption in the force. Here an entry about
such a record is listed only if the viewer may see the record; entries about records
since withdrawn (deleted) are listed only to those who see everyone. ``config/urls.py``
serves this view at Wagtail's own address, ahead of Wagtail's admin URLs.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .scoping import SCOPED_MODELS, sees_everyone, visible_records


def scope_log_entries(queryset, user):
    """``queryset`` of ``ModelLogEntry`` without the entries about records ``user`` may not see."""
    for model, (_person_field, see_everyone_permission) in SCOPED_MODELS.items():
        if sees_everyone(user, see_everyone_permission):
            continue
        visible_ids = visible_records(model, user).annotate(object_key=Cast("pk", CharField())).values("object_key")
        content_type = ContentType.objects.get_for_model(model)
        queryset = queryset.filter(~Q(content_type=content_type) | Q(object_id__in=visible_ids))
    return queryset


class ScopedSiteHistoryView(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if issubclass(queryset.model, ModelLogEntry):
            queryset = scope_log_entries(queryset, self.request.user)
        return queryset


site_history_urls = decorate_urlpatterns(
    [
        path("", ScopedSiteHistoryView.as_view()),
        path("results/", ScopedSiteHistoryView.as_view(results_only=True)),
    ],
    require_admin_access,
)

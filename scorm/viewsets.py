"""The SCORM packages in the admin (Settings → SCORM packages): upload, new versions, inspect."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, UpdatedAtColumn  # noqa: F401
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import ScormPackageForm
from .models import ScormPackage


class ScormPackageViewSet(ModelViewSet):
    model = ScormPackage
    form_fields = ["title", "description"]
    icon = "folder-open-inverse"
    menu_label = _("SCORM packages")
    add_to_settings_menu = True
    list_display = ["title", "current_version", "created_at"]
    search_fields = ["title"]
    inspect_view_enabled = True
    inspect_view_fields = ["title", "description", "current_version", "created_at"]
    list_export = ["title", "current_version", "created_at"]

    def get_form_class(self, for_update=False):
        return ScormPackageForm


scorm_package_viewset = ScormPackageViewSet("scorm_packages")

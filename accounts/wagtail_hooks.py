from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.admin_views import ReadOnlyPermissionPolicy

from .models import UnitMembership
from .viewsets import OrganisationViewSetGroup

# Unit history is derived from each person's unit: nobody edits it by hand.
register_permission_policy(UnitMembership, ReadOnlyPermissionPolicy(UnitMembership))


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationViewSetGroup()

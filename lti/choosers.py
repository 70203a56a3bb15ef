"""
The person chooser of the "Linked accounts" form (Admin → LTI → Linked accounts): a Wagtail
``ChooserViewSet`` over our people, searched by name, username, warrant or staff number or email,
25 to a page, instead of a select of every account (a force holds tens of thousands). Only
people who may link accounts (add or change ``LinkedAccount``: administrators) can open it,
since it lists everyone.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from accounts.models import normalise_identifier

from .models import LinkedAccount


class PersonSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"placeholder": _("Name, username, warrant or staff number, or email")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            words = Q()
            for word in query.split()[:5]:
                words &= Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(username__icontains=word)
            number = normalise_identifier(query)
            objects = objects.filter(
                words | Q(warrant_number=number) | Q(staff_number=number) | Q(email__iexact=query)
            )
        return objects


class MayLinkAccounts:
    """Only those who may add or change a linked account see the list of people."""

    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(LinkedAccount)
        if not policy.user_has_any_permission(request.user, ["add", "change"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PersonListing:
    filter_form_class = PersonSearchForm
    ordering = ["last_name", "first_name", "pk"]

    def get_object_list(self):
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .select_related("unit")
            .only("pk", "username", "first_name", "last_name", "warrant_number", "staff_number", "unit__name")
        )

    @property
    def columns(self):
        return [
            self.title_column,
            Column("username", label=_("Username")),
            Column("warrant_number", label=_("Warrant number")),
            Column("staff_number", label=_("Staff number")),
            Column("unit", label=_("Unit")),
        ]


class ChoosePersonView(MayLinkAccounts, PersonListing, chooser_views.ChooseView):
    pass


class ChoosePersonResultsView(MayLinkAccounts, PersonListing, chooser_views.ChooseResultsView):
    pass


class PersonChosenView(MayLinkAccounts, chooser_views.ChosenView):
    def get_object(self, pk):
        return get_user_model().objects.get(pk=pk, is_active=True)


class PeopleChosenView(MayLinkAccounts, chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        return get_user_model().objects.filter(pk__in=pks, is_active=True)


class PersonChooserViewSet(ChooserViewSet):
    model = settings.AUTH_USER_MODEL
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    page_title = _("Choose a person")
    per_page = 25
    choose_view_class = ChoosePersonView
    choose_results_view_class = ChoosePersonResultsView
    chosen_view_class = PersonChosenView
    chosen_multiple_view_class = PeopleChosenView
    # Only the linked accounts form uses it: registering it for every foreign key to a person
    # would put other forms behind this chooser's permission.
    register_widget = False


person_chooser_viewset = PersonChooserViewSet("lti_person_chooser", url_prefix="lti/choose-person")

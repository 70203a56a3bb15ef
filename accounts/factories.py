"""factory-boy factories for people and units, used by the tests (never by the demo)."""

import factory
from django.contrib.auth.models import Group

from . import roles
from .models import Rank, Unit, UnitKind, User


class UnitFactory(factory.django.DjangoModelFactory):
    """Creates a unit under ``parent`` (or a new force when there is none)."""

    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Unit {n}")
    kind = UnitKind.TEAM
    code = factory.Sequence(lambda n: f"U{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            kwargs.setdefault("kind", UnitKind.FORCE)
            return model_class.add_root(**kwargs)
        unit = parent.add_child(**kwargs)
        parent.refresh_from_db()
        return unit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.police.uk")
    rank = Rank.POLICE_CONSTABLE
    warrant_number = factory.Sequence(lambda n: f"{7000 + n}")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """``UserFactory(roles=[roles.MANAGER])`` puts the person in those role groups."""
        if not create:
            return
        names = extracted if extracted is not None else [roles.OFFICER]
        self.groups.set(Group.objects.filter(name__in=names))

    @factory.post_generation
    def manages(self, create, extracted, **kwargs):
        """``UserFactory(manages=[unit])`` links the person as a manager of those units."""
        if create and extracted:
            for unit in extracted:
                unit.managers.add(self)

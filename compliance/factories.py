"""Factories for requirements and exemptions, used by the tests (never by the demo)."""

import datetime

import factory

from .models import DueRule, Exemption, Requirement, RequirementTarget, TargetKind


class RequirementFactory(factory.django.DjangoModelFactory):
    """A requirement; ``targets=[...]`` are RequirementTarget keyword dicts, saved with it."""

    class Meta:
        model = Requirement
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Requirement {n}")
    due_rule = DueRule.DAYS_AFTER
    due_days = 30
    starts_on = factory.LazyFunction(datetime.date.today)

    @classmethod
    def _create(cls, model_class, *args, targets=(), sync=True, **kwargs):
        requirement = model_class(*args, **kwargs)
        for target in targets:
            requirement.targets.add(RequirementTarget(**target))
        requirement.save()
        if sync:
            from .services import sync_requirement

            sync_requirement(requirement)
        return requirement


def unit_target(unit, include_subunits=True):
    return {"kind": TargetKind.UNIT, "unit": unit, "include_subunits": include_subunits}


def rank_target(rank):
    return {"kind": TargetKind.RANK, "rank": rank}


def person_target(user):
    return {"kind": TargetKind.PERSON, "user": user}


class ExemptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exemption

    reason = "Long-term sick leave"
    starts_on = factory.LazyFunction(datetime.date.today)

"""Reading certificates: an officer's own, the ones a viewer may download, one by its code."""

from django.db.models import Q, QuerySet

from accounts.selectors import people_visible_to

from .models import Certificate, normalise_code


def certificates_of(person) -> QuerySet[Certificate]:
    """A person's certificates, newest first, with their completions (for the live valid-until)."""
    return Certificate.objects.filter(user=person).select_related("completion").order_by("-completed_on", "-pk")


def downloadable_by(viewer) -> QuerySet[Certificate]:
    """
    The certificates ``viewer`` may download: their own, those of the people whose records they
    may see (their units' members for a manager, everyone for an administrator).
    """
    if not viewer.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(Q(user=viewer) | Q(user__in=people_visible_to(viewer)))


def by_code(typed: str) -> Certificate | None:
    """The certificate a typed code names, or ``None`` (malformed codes cost no query)."""
    code = normalise_code(typed)
    if code is None:
        return None
    return Certificate.objects.select_related("completion").filter(code=code).first()

"""
``updated_at`` kept by every write, not only by ``save()``: Django's ``auto_now`` is applied by
``save()`` and ``bulk_create()`` but not by ``QuerySet.update()`` nor ``bulk_update()`` (which
ends in ``update()``), and not by ``save(update_fields=[...])`` unless the field is named.
The REST API's ``updated_since`` (incremental sync, docs/integration.md) reads this column, so
a write that forgot it would be a change a records system never hears of.

``StampedQuerySet`` adds the stamp to every ``update()`` that changes a field other than those
in ``unstamped_fields`` (bookkeeping the API does not show, such as ``last_login``);
``stamp_update_fields`` does the same for ``save(update_fields=...)``.
"""

from django.db import models
from django.utils import timezone

STAMP = "updated_at"


class StampedQuerySet(models.QuerySet):
    #: Fields whose change alone is not a change of the record (set per model).
    unstamped_fields: frozenset[str] = frozenset()

    def update(self, **kwargs):
        if STAMP not in kwargs and set(kwargs) - self.unstamped_fields:
            kwargs[STAMP] = timezone.now()
        return super().update(**kwargs)


def stamp_update_fields(update_fields, unstamped_fields: frozenset[str] = frozenset()):
    """``update_fields`` for ``save()``, with ``updated_at`` added when a stamped field is saved."""
    if update_fields is None:
        return None
    update_fields = set(update_fields)
    if update_fields - unstamped_fields:
        update_fields.add(STAMP)
    return update_fields

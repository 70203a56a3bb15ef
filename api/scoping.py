"""
What a token may read: every record of the force (``whole_force``), or those of the people
serving now in its units and the units below them, compared by materialised path as
``compliance.selectors.states_in_scope`` does for managers. People in no unit are read only by
whole-force tokens.
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from accounts.models import ApiToken


def top_paths(token: ApiToken) -> list[str]:
    """The paths of the token's units without those below another (remembered on the token)."""
    paths = getattr(token, "_api_top_paths", None)
    if paths is None:
        paths = []
        for path in sorted(token.units.values_list("path", flat=True)):
            if not any(path.startswith(top) for top in paths):
                paths.append(path)
        token._api_top_paths = paths
    return paths


def path_filter(token: ApiToken, field: str) -> Q:
    """A filter on ``field`` (a unit path) that keeps what the token may read."""
    if token.whole_force:
        return Q()
    paths = top_paths(token)
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{field}__startswith": path}) for path in paths))

"""
A demo API token with a fixed, published key (README), so that ``curl`` works against the
REST API after ``make run``. Made here only, by the demo loader (which refuses to run without
DEBUG), straight into the table with a deterministic key: ``accounts.tokens.issue_token``
always makes a random one, and no setting or production path knows this key.
"""

from accounts.models import ApiToken
from accounts.tokens import _hash

#: Published in the README. Obviously a demo key; never valid anywhere but a demo database.
DEMO_API_TOKEN = "ptp_demo0000_DEMO-ONLY-not-a-secret-never-use-in-production"  # noqa: S105
DEMO_PREFIX = "demo0000"


def load_api_token(people) -> ApiToken:
    """A whole-force token that reads (and may record completions), made by the demo administrator."""
    token, _created = ApiToken.objects.update_or_create(
        prefix=DEMO_PREFIX,
        defaults={
            "name": "Demo records system (published key, demo only)",
            "key_hash": _hash(DEMO_API_TOKEN),
            "scopes": [ApiToken.Scope.READ, ApiToken.Scope.RECORD_COMPLETIONS],
            "whole_force": True,
            "created_by": people.get("admin"),
            "revoked_at": None,
            "expires_at": None,
        },
    )
    return token

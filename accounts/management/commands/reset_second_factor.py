"""
``manage.py reset_second_factor USERNAME``: remove every second-factor device of a member of
staff who has lost theirs (phone and backup codes), so that at the next sign-in they set up a
new authenticator app. Recorded in the audit trail.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.second_factor import reset_second_factor


class Command(BaseCommand):
    help = "Remove a person's authenticator apps and backup codes (a lost device); they set up a new one at sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reason", default="", help="Why, for the audit trail (e.g. the ticket number).")
        parser.add_argument(
            "--by", default="", help="The username of the administrator doing this, recorded as the person acting."
        )

    def handle(self, *args, username, reason, by, **options):
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No account with the username {username!r}.")
        actor = None
        if by:
            actor = User._default_manager.filter(**{User.USERNAME_FIELD: by}).first()
            if actor is None:
                raise CommandError(f"No account with the username {by!r} (--by).")
        removed = reset_second_factor(user=user, actor=actor, reason=reason or "manage.py reset_second_factor")
        self.stdout.write(
            f"Removed {removed} second-factor devices from {username}. "
            "They set up a new authenticator app at their next sign-in."
        )

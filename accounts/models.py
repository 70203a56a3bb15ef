"""
Officers and the force's organisation.

People are edited in the Wagtail admin's user screens (``accounts.viewsets``), units in
the "Units" viewset. Learner records elsewhere point at ``User`` with ``PROTECT``: people
are deactivated, never deleted, while their training history is retained.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from core.stamping import StampedQuerySet, stamp_update_fields

identifier_validator = RegexValidator(
    r"^[A-Z0-9][A-Z0-9-]*$",
    _("Use letters, digits and hyphens only, for example 4721 or MP-4721."),
)


def normalise_identifier(value: str | None) -> str | None:
    """Warrant and staff numbers are compared without spaces and case; blank means none."""
    if value is None:
        return None
    value = "".join(value.split()).upper()
    return value or None


class Rank(models.TextChoices):
    """
    Ranks and roles, lowest first (England and Wales), with the London ranks above Chief
    Superintendent placed beside their national equivalents. Non-officer roles come last.
    """

    POLICE_CONSTABLE = "PC", _("Police Constable")
    SERGEANT = "SGT", _("Sergeant")
    INSPECTOR = "INSP", _("Inspector")
    CHIEF_INSPECTOR = "CI", _("Chief Inspector")
    SUPERINTENDENT = "SUPT", _("Superintendent")
    CHIEF_SUPERINTENDENT = "CSUPT", _("Chief Superintendent")
    COMMANDER = "CMDR", _("Commander")
    ASSISTANT_CHIEF_CONSTABLE = "ACC", _("Assistant Chief Constable")
    DEPUTY_ASSISTANT_COMMISSIONER = "DAC", _("Deputy Assistant Commissioner")
    DEPUTY_CHIEF_CONSTABLE = "DCC", _("Deputy Chief Constable")
    ASSISTANT_COMMISSIONER = "AC", _("Assistant Commissioner")
    CHIEF_CONSTABLE = "CC", _("Chief Constable")
    DEPUTY_COMMISSIONER = "DCOMM", _("Deputy Commissioner")
    COMMISSIONER = "COMM", _("Commissioner")
    SPECIAL_CONSTABLE = "SC", _("Special Constable")
    PCSO = "PCSO", _("Police Community Support Officer")
    POLICE_STAFF = "STAFF", _("Police staff")


#: Ranks that may carry the "Detective" prefix (CID ranks from Constable to Chief Superintendent).
DETECTIVE_RANKS = frozenset(
    {
        Rank.POLICE_CONSTABLE,
        Rank.SERGEANT,
        Rank.INSPECTOR,
        Rank.CHIEF_INSPECTOR,
        Rank.SUPERINTENDENT,
        Rank.CHIEF_SUPERINTENDENT,
    }
)


class PersonQuerySet(StampedQuerySet):
    # Signing in and changing a password are not changes of the person's record.
    unstamped_fields = frozenset({"last_login", "password"})


class PersonManager(UserManager.from_queryset(PersonQuerySet)):
    """Django's ``UserManager`` whose ``update()`` and ``bulk_update()`` keep ``updated_at``."""


class User(AbstractUser):
    """
    An officer, PCSO, special constable or member of police staff.

    Identified on uniform by the warrant (collar) number and in HR by the staff number.
    ``unit`` is where they serve now; ``UnitMembership`` keeps where they served before.
    Edited in the Wagtail admin under Settings → Users.
    """

    warrant_number = models.CharField(
        _("warrant number"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        validators=[identifier_validator],
        help_text=_("The collar or shoulder number shown on uniform. Police staff may have none."),
    )
    staff_number = models.CharField(
        _("HR staff number"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        validators=[identifier_validator],
        help_text=_("The number the HR system uses for this person."),
    )
    rank = models.CharField(_("rank or role"), max_length=8, choices=Rank.choices, blank=True)
    is_detective = models.BooleanField(
        _("detective"),
        default=False,
        help_text=_('Shows the "Detective" prefix, for example Detective Sergeant.'),
    )
    external_id = models.CharField(
        _("identity provider's id"),
        max_length=255,
        blank=True,
        help_text=_("The id the force's identity-governance system gives this person (SCIM externalId)."),
    )
    unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    line_manager = models.ForeignKey(
        "self",
        verbose_name=_("line manager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        help_text=_("As the HR system records it (set by the HR import). Grants nothing by itself."),
    )
    leaving_date = models.DateField(
        _("leaving date"),
        null=True,
        blank=True,
        help_text=_("From the HR system. The HR import deactivates the account once the date has passed."),
    )
    # Set by every write (``core.stamping``): the REST API's ``updated_since`` reads it.
    updated_at = models.DateTimeField(_("last changed"), auto_now=True, db_index=True, editable=False)

    objects = PersonManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "username"]
        permissions = [
            ("view_all_training_records", _("Can see every officer's training records, force-wide")),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def clean(self):
        super().clean()
        self.warrant_number = normalise_identifier(self.warrant_number)
        self.staff_number = normalise_identifier(self.staff_number)
        if self.is_detective and self.rank not in DETECTIVE_RANKS:
            raise ValidationError(
                {"is_detective": _("Only ranks from Police Constable to Chief Superintendent can be detectives.")}
            )

    def save(self, *args, **kwargs):
        # Normalise on every save, not only through forms: the HR import and the shell
        # must not create "4721" and " 4721 " as two officers.
        self.warrant_number = normalise_identifier(self.warrant_number)
        self.staff_number = normalise_identifier(self.staff_number)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = stamp_update_fields(kwargs["update_fields"], PersonQuerySet.unstamped_fields)
        super().save(*args, **kwargs)

    @property
    def rank_title(self) -> str:
        """The rank as written before a name: "Detective Sergeant", "Police Constable"."""
        if not self.rank:
            return ""
        # Rank(...).label rather than get_rank_display(): the latter translates every choice
        # on every call, which dominates exports of thousands of rows.
        label = Rank(self.rank).label if self.rank in Rank.values else self.rank
        if self.is_detective and self.rank in DETECTIVE_RANKS:
            if self.rank == Rank.POLICE_CONSTABLE:
                return str(_("Detective Constable"))
            return str(_("Detective %(rank)s") % {"rank": label})
        return str(label)

    @property
    def display_name(self) -> str:
        """Rank, name and warrant number, as an officer is named in a record."""
        parts = [self.rank_title, self.get_full_name() or self.username]
        name = " ".join(part for part in parts if part)
        if self.warrant_number:
            return f"{name} ({self.warrant_number})"
        return name


class UnitKind(models.TextChoices):
    FORCE = "force", _("Force")
    COMMAND = "command", _("Command or BCU")
    TEAM = "team", _("Team")


class UnitQuerySet(StampedQuerySet, MP_NodeQuerySet):
    # Treebeard counts children with ``update(numchild=...)``: not a change of the unit itself.
    unstamped_fields = frozenset({"numchild"})


class UnitManager(MP_NodeManager):
    """Treebeard's manager (ordered by path) whose ``update()`` keeps ``updated_at``: moves rewrite paths so."""

    def get_queryset(self):
        return UnitQuerySet(self.model, using=self._db).order_by("path")


class Unit(MP_Node):
    """
    A node in the force's organisation: force → command or BCU → team.

    Managers are linked to the units they manage; managing a unit includes every unit
    below it (see ``accounts.selectors.units_managed_by``). Edited in the Wagtail admin
    under Settings → Units.
    """

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=10, choices=UnitKind.choices, default=UnitKind.TEAM)
    code = models.CharField(
        _("code"),
        max_length=20,
        blank=True,
        help_text=_("A short code used in HR exports, for example HT-SNT-STH."),
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("managers"),
        related_name="managed_units",
        blank=True,
        help_text=_("People who see this unit's and its sub-units' training records."),
    )
    # Set by every write, moves included (``core.stamping``): the REST API's ``updated_since`` reads it.
    updated_at = models.DateTimeField(_("last changed"), auto_now=True, db_index=True, editable=False)

    objects = UnitManager()

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                Upper("code"),
                condition=~models.Q(code=""),
                name="accounts_unit_code_unique",
                violation_error_message=_("Another unit already uses this code."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = stamp_update_fields(kwargs["update_fields"], UnitQuerySet.unstamped_fields)
        super().save(*args, **kwargs)

    @property
    def indented_name(self) -> str:
        """The name indented by depth, for flat listings of the tree."""
        return "\u2003" * (self.depth - 1) + self.name

    @property
    def ancestor_paths(self) -> list[str]:
        """The paths of this unit and every unit above it, computed without a query."""
        return [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]


class UnitMembership(models.Model):
    """
    One spell of a person in a unit: ``ended_at`` is empty while it lasts.

    Derived from ``User.unit`` whenever it changes (``accounts.signals``), so moving an
    officer between teams never loses where they served before. Read-only in the admin.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="unit_memberships",
        verbose_name=_("person"),
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("unit"))
    started_at = models.DateTimeField(_("joined"))
    ended_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("unit membership")
        verbose_name_plural = _("unit memberships")
        ordering = ["user", "-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(ended_at__isnull=True),
                name="accounts_one_current_membership",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.unit}"


class ApiToken(models.Model):
    """
    A credential for another system: the force's HR or records system reading the REST API,
    or its identity-governance system provisioning people through SCIM.

    Created by an administrator (``accounts.tokens.issue_token``), shown once, stored only
    as a SHA-256 hash of its high-entropy secret, revocable, and scoped: what it may do
    (``scopes``) and whose records it may read (``whole_force`` or ``units`` and the units
    below them). Each use is recorded in ``last_used_at`` / ``last_used_from``.
    """

    class Scope(models.TextChoices):
        READ = "read", _("Read training records")
        RECORD_COMPLETIONS = "record_completions", _("Record completions from elsewhere")
        PROVISION = "provision", _("Provision people (SCIM)")

    name = models.CharField(
        _("name"), max_length=100, help_text=_("Which system uses it, for example “HR nightly feed”.")
    )
    prefix = models.CharField(_("key prefix"), max_length=12, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    whole_force = models.BooleanField(
        _("whole force"), default=False, help_text=_("Reads every unit. Otherwise only the units chosen and below.")
    )
    units = models.ManyToManyField(Unit, verbose_name=_("units"), related_name="api_tokens", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    last_used_from = models.GenericIPAddressField(_("last used from"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    @property
    def scope_label(self) -> str:
        """What the token reads, for listings: "Whole force" or its units' names."""
        if self.whole_force:
            return str(_("Whole force"))
        return ", ".join(unit.name for unit in self.units.all()) or str(_("Nobody"))


class ImportRun(models.Model):
    """
    One HR import (``accounts.importing``): a preview in the admin, its confirmation, or a
    run of ``manage.py import_people``. Who ran it, on what file (kept privately, named by its
    SHA-256, so that the confirmation applies exactly the file previewed), with what outcome
    and counts. A preview not confirmed within ``HR_IMPORT_PREVIEW_HOURS`` expires and its file
    is deleted (``accounts.importing.expire_previews``). Read-only in the admin (Organisation → HR
    imports).
    """

    class Source(models.TextChoices):
        ADMIN = "admin", _("Admin")
        COMMAND = "command", _("Command")

    class Outcome(models.TextChoices):
        PREVIEWED = "previewed", _("Previewed, not applied")
        APPLIED = "applied", _("Applied")
        ROW_ERRORS = "row_errors", _("Refused: row errors")
        INVALID_FILE = "invalid_file", _("Refused: not a valid file")
        STALE = "stale", _("Refused: changed since the preview")
        EXPIRED = "expired", _("Expired, not applied")

    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(_("file SHA-256"), max_length=64, blank=True)
    stored_file = models.CharField(_("stored as"), max_length=255, blank=True, editable=False)
    full = models.BooleanField(_("full import"), default=False)
    dry_run = models.BooleanField(_("dry run"), default=False)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    plan_digest = models.CharField(max_length=64, blank=True, editable=False)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("HR import")
        verbose_name_plural = _("HR imports")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.get_outcome_display()})"

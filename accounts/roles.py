"""
The four roles, as Django groups created by ``accounts/migrations/0002_roles``.

Code checks permissions, never group names; these names are used only to create the
groups, to limit choices (only managers can be linked to units) and by the demo data.
"""

OFFICER = "Officer"
TRAINER = "Trainer"
MANAGER = "Manager"
ADMINISTRATOR = "Administrator"

#: Approves course changes in the "Course approval" workflow (created by courses/migrations/0002).
CONTENT_APPROVER = "Content approvers"

ALL_ROLES = (OFFICER, TRAINER, MANAGER, ADMINISTRATOR, CONTENT_APPROVER)

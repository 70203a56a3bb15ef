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

#: A community partner's reviewer: approves or asks for changes to the courses sent to their
#: organisation in a partner review step, and sees nothing else (group created by
#: reviews/migrations/0002; the organisation is ``reviews.PartnerReviewer``).
PARTNER_REVIEWER = "Partner reviewers"

ALL_ROLES = (OFFICER, TRAINER, MANAGER, ADMINISTRATOR, CONTENT_APPROVER, PARTNER_REVIEWER)

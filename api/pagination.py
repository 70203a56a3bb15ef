"""
Keyset (cursor) pagination on the primary key: each page is one indexed range scan
(``WHERE id > last ORDER BY id LIMIT n``), as fast on page 1,000 as on page 1, and stable
while rows are added. No count query.
"""

from django.conf import settings
from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    ordering = "id"
    page_size_query_param = "page_size"

    def __init__(self):
        # Read per request, so that settings (and tests' overrides) take effect without a restart.
        self.page_size = settings.API_PAGE_SIZE
        self.max_page_size = settings.API_MAX_PAGE_SIZE


class AssignmentCursorPagination(IdCursorPagination):
    # Ordered by the assignment (unique), which outlives a rebuild of its stored state.
    ordering = "assignment_id"

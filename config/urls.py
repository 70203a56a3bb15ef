from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.history import site_history_urls

urlpatterns = [
    # Wagtail's site history report, scoped to the viewer's people (docs/security.md §2):
    # ahead of Wagtail's admin, so that it answers at Wagtail's own address.
    path("admin/reports/site-history/", include(site_history_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("account/", include("accounts.urls")),
    path("search/", include("courses.urls")),
    path("record/", include("compliance.urls")),
    path("quizzes/", include("quizzes.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it matches every remaining path.
urlpatterns += [path("", include(wagtail_urls))]

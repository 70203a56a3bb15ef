from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.history import site_history_urls
from accounts.sso import urlpatterns as sso_urls
from core import views as core_views
from reviews.views import urlpatterns as review_urls

urlpatterns = [
    # Wagtail's site history report, scoped to the viewer's people (docs/security.md §2):
    # ahead of Wagtail's admin, so that it answers at Wagtail's own address.
    path("admin/reports/site-history/", include(site_history_urls)),
    # Wagtail's revision views, open to a partner reviewer for the page under their review
    # (reviews/views.py); everyone else gets Wagtail's own.
    path("admin/pages/", include((review_urls, "reviews_pages"))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("account/", include("accounts.urls")),
    # Single sign-on (accounts/sso.py): the provider's redirect URI is /oidc/callback/.
    path("oidc/", include(sso_urls)),
    path("search/", include("courses.urls")),
    path("record/", include("compliance.urls")),
    path("quizzes/", include("quizzes.urls")),
    path("certificates/", include("certificates.urls")),
    path("notifications/", include("notifications.urls")),
    path("feedback/", include("feedback.urls")),
    path("scorm/", include("scorm.urls")),
    path("xapi/", include("xapi.urls")),
    path("lti/", include("lti.urls")),
    path("scim/v2/", include("accounts.scim.urls")),
    path("api/", include("api.urls")),
    path("csp-report/", core_views.csp_report, name="csp_report"),
    path("favicon.ico", core_views.favicon, name="favicon"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Django's own 400 handler re-checks the CSRF token, re-reading the body that caused the 400.
handler400 = "core.views.bad_request"

# Wagtail's page serving comes last: it matches every remaining path. Its own front-end
# sign-in form (/_util/login/) is not used here (WAGTAIL_FRONTEND_LOGIN_URL is ours): the
# address sends people to our sign-in page, so there is one sign-in form to protect.
urlpatterns += [
    path("_util/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("", include(wagtail_urls)),
]

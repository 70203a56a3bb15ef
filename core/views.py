"""Error pages that must work whatever the request holds."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

GENERIC = _("The request could not be understood. Go back to the page and try again.")


def bad_request_page(request, message=GENERIC):
    return render(request, "400.html", {"message": message}, status=400)


def bad_request(request, exception=None):
    """
    ``handler400``. Django's own handler is wrapped in ``requires_csrf_token``, which checks
    the CSRF token of a POST again and so re-reads the body that was the cause of the 400
    (an undecodable body then ends in a 500). This one reads nothing from the request body.
    A ``BadRequest`` of our own (``core.input_guards.UnreadableForm``) carries a message for
    the person; any other is answered with the generic one.
    """
    from .input_guards import UnreadableForm

    if isinstance(exception, UnreadableForm) and exception.args:
        return bad_request_page(request, exception.args[0])
    return bad_request_page(request)

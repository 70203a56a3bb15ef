from .context import current_request


class AuditRequestMiddleware:
    """
    Makes the request known to ``record_event`` for the length of the request, so an event
    recorded from a signal still names who acted and from which address. Place it after
    ``AuthenticationMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)

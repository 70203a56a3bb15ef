from wagtail import hooks

from .viewsets import scorm_attempt_viewset, scorm_package_viewset


@hooks.register("register_admin_viewset")
def register_scorm_packages():
    return scorm_package_viewset


@hooks.register("register_admin_viewset")
def register_scorm_attempts():
    return scorm_attempt_viewset

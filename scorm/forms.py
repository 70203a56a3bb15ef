"""The admin form that uploads a package version, checked before it is accepted (``packages``)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import ScormPackage
from .packages import PackageRefused, inspect_package


class ScormPackageForm(WagtailAdminModelForm):
    """
    Title and description, and a zip: required when the package is created; when editing,
    a zip uploads a new version (attempts already started keep the version they play).
    """

    upload = forms.FileField(
        label=_("Package (zip)"),
        required=False,
        help_text=_(
            "A SCORM 1.2 or 2004 zip with imsmanifest.xml at its top level. "
            "Uploading replaces the version new attempts play; attempts already started keep theirs."
        ),
    )

    class Meta:
        model = ScormPackage
        fields = ["title", "description"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.for_user = for_user
        self.fields["upload"].required = self.instance.pk is None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return upload
        if upload.size > settings.SCORM_MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(max)s MB.") % {"max": settings.SCORM_MAX_UPLOAD_MB}
            )
        try:
            inspect_package(upload)
        except PackageRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        return upload

    def save(self, commit=True):
        from .services import add_version

        package = super().save(commit=commit)
        upload = self.cleaned_data.get("upload")
        if commit and upload:
            add_version(package=package, upload=upload, user=self.for_user)
        return package

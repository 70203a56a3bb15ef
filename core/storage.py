"""
The private storage (issue 11, finding 8): exemption evidence and prepared exports.

Files here have no address of their own. They live outside ``MEDIA_ROOT`` (or under a private
prefix of the bucket, production.py) and are read only by the views that check who may see
them (``compliance.views.exemption_evidence``, ``compliance.views.download_export``).
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk, outside ``MEDIA_ROOT``, that no URL points at: ``url()`` refuses."""

    def url(self, name):
        raise ValueError("Private files have no URL: link to the permission-checked view that serves them instead.")


class PrivateStorage(LazyObject):
    """``storages["private"]``, looked up when first used (and again after ``STORAGES`` changes in tests)."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


def get_private_storage():
    """The ``storage=`` callable of private file fields (keeps migrations free of settings)."""
    return private_storage


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty

"""Package checks: good SCORM 1.2 and 2004 packages are accepted; each bad one is refused, saying why."""

import io

import pytest
from django.test import override_settings

from scorm.packages import PackageRefused, inspect_package
from tests.fixtures.scorm import build


def inspect(data: bytes):
    return inspect_package(io.BytesIO(data))


def test_scorm12_package_is_read_with_its_launch_file_and_mastery_score():
    info = inspect(build.scorm12())
    assert info.scorm_version == "1.2"
    assert info.launch_path == "index.html"
    assert str(info.mastery_score) == "0.8"
    assert info.file_count == 3


def test_scorm2004_package_is_read_with_its_minimum_normalised_measure():
    info = inspect(build.scorm2004(mastery="0.75"))
    assert info.scorm_version == "2004"
    assert str(info.mastery_score) == "0.75"
    assert info.title == "Recording hate crime (SCORM 2004)"


def test_a_package_without_mastery_score_has_none():
    assert inspect(build.scorm12(mastery=None)).mastery_score is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (build.zip_slip, "climbs out of the package folder (zip-slip)"),
        (build.absolute_path, "is an absolute path"),
        (build.symlink, "is a symbolic link"),
        (build.forbidden_type, "of a type packages may not hold (.exe)"),
        (build.bad_manifest, "imsmanifest.xml is not well-formed XML"),
        (build.entity_bomb_manifest, "imsmanifest.xml uses XML features that are refused"),
        (build.no_manifest, "no imsmanifest.xml at its top level"),
        (build.missing_launch_file, "The launch file “start.html” is not in the package"),
        (lambda: b"not a zip at all", "not a zip archive"),
    ],
)
def test_bad_packages_are_refused_naming_the_problem(data, message):
    with pytest.raises(PackageRefused) as refusal:
        inspect(data())
    assert message in str(refusal.value)


@override_settings(SCORM_MAX_UNCOMPRESSED_MB=16)
def test_a_zip_bomb_is_refused_by_what_it_inflates_to():
    bomb = build.zip_bomb(megabytes=64)
    assert len(bomb) < 1024 * 1024  # small on the wire
    with pytest.raises(PackageRefused, match="larger than 16 MB once uncompressed"):
        inspect(bomb)


@override_settings(SCORM_MAX_FILES=2)
def test_too_many_files_are_refused():
    with pytest.raises(PackageRefused, match="holds 3 files; at most 2"):
        inspect(build.scorm12())


def test_a_launch_file_outside_the_package_is_refused():
    with pytest.raises(PackageRefused, match="zip-slip"):
        inspect(build.scorm12(href="../index.html"))


def test_a_multi_sco_12_package_is_read_as_its_item_tree():
    info = inspect(build.multi_scorm12())
    assert [(item["identifier"], item["depth"], item["launch_path"], item["sco"]) for item in info.items] == [
        ("law", 0, "law.html", True),
        ("practice-group", 0, "", False),  # a heading: no resource
        ("practice", 1, "practice.html", True),
        ("glossary", 1, "glossary.html", False),  # an asset
    ]
    assert info.items[0]["mastery_score"] == "0.8"
    assert info.items[2]["mastery_score"] is None
    assert info.launch_path == "law.html"
    assert info.typical_minutes == 25


def test_a_multi_sco_2004_package_keeps_invisible_and_untracked_items():
    info = inspect(build.multi_scorm2004())
    by_id = {item["identifier"]: item for item in info.items}
    assert by_id["glossary"]["visible"] is False
    assert by_id["survey"]["tracked"] is False
    assert by_id["law"]["mastery_score"] == "0.8"
    assert info.typical_minutes == 40


@pytest.mark.parametrize(
    "data, message",
    [
        (build.bad_identifierref, "The item “Part two: practice” points at the resource “res-missing”"),
        (build.missing_second_launch_file, "The launch file “practice.html” is not in the package."),
    ],
)
def test_every_item_of_a_multi_sco_package_must_launch(data, message):
    with pytest.raises(PackageRefused, match=message):
        inspect(data())

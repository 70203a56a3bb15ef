# ruff: noqa: E501 - the package files are written out as the author would write them
"""
Two small SCORM packages the project writes itself: a SCORM 1.2 and a SCORM 2004 module (a
reading step, then one question; "Save and leave" suspends, the answer passes or fails).
The demo loads them (``demo/scorm.py``) and the tests play them (``tests/fixtures/scorm``);
they use the run-time API as any conformant package does, so they also show authors what the
platform expects. Each function returns the zip's bytes.
"""

from __future__ import annotations

import io
import stat
import zipfile

SCO_JS = """
(function () {
  "use strict";
  var v12 = document.documentElement.dataset.scorm === "1.2";
  function findApi(win) {
    for (var i = 0; win && i < 10; i++) {
      if (v12 && win.API) { return win.API; }
      if (!v12 && win.API_1484_11) { return win.API_1484_11; }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window);
  function get(name) { return v12 ? api.LMSGetValue(name) : api.GetValue(name); }
  function set(name, value) { return v12 ? api.LMSSetValue(name, value) : api.SetValue(name, value); }
  function commit() { return v12 ? api.LMSCommit("") : api.Commit(""); }
  function finish() { return v12 ? api.LMSFinish("") : api.Terminate(""); }
  var LOCATION = v12 ? "cmi.core.lesson_location" : "cmi.location";
  var EXIT = v12 ? "cmi.core.exit" : "cmi.exit";
  v12 ? api.LMSInitialize("") : api.Initialize("");
  var step = get(LOCATION) || "step1";
  var resumed = !!get(LOCATION);
  var out = document.getElementById("resumed");
  if (resumed) { out.textContent = "Welcome back: you stopped at " + step + " (" + get("cmi.suspend_data") + ")."; }
  function show(name) {
    document.getElementById("step1").hidden = name !== "step1";
    document.getElementById("step2").hidden = name !== "step2";
    document.getElementById("done").hidden = name !== "done";
  }
  show(step);
  if (!v12) { set("cmi.completion_status", "incomplete"); } else if (get("cmi.core.lesson_status") === "not attempted") { set("cmi.core.lesson_status", "incomplete"); }
  document.getElementById("next").addEventListener("click", function () {
    set(LOCATION, "step2");
    set("cmi.suspend_data", "read-step1");
    commit();
    show("step2");
  });
  document.getElementById("leave").addEventListener("click", function () {
    set(EXIT, "suspend");
    commit();
    finish();
    document.getElementById("left").hidden = false;
  });
  document.getElementById("submit").addEventListener("click", function () {
    var chosen = document.querySelector("input[name=answer]:checked");
    var right = chosen && chosen.value === "perception";
    set("cmi.interactions.0.id", "who-decides");
    set("cmi.interactions.0.type", "choice");
    set(v12 ? "cmi.interactions.0.student_response" : "cmi.interactions.0.learner_response", chosen ? chosen.value : "none");
    set("cmi.interactions.0.result", right ? "correct" : (v12 ? "wrong" : "incorrect"));
    if (v12) {
      set("cmi.core.score.raw", right ? "100" : "0");
      set("cmi.core.lesson_status", right ? "passed" : "failed");
    } else {
      set("cmi.score.raw", right ? "100" : "0");
      set("cmi.score.min", "0");
      set("cmi.score.max", "100");
      set("cmi.score.scaled", right ? "1" : "0");
      set("cmi.completion_status", "completed");
      set("cmi.success_status", right ? "passed" : "failed");
    }
    set(LOCATION, "done");
    if (!v12) { set(EXIT, "normal"); }
    commit();
    finish();
    show("done");
  });
})();
"""


def sco_html(version: str, title: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en" data-scorm="{version}">
<head><meta charset="utf-8"><title>{title}</title></head>
<body>
<main>
<h1>{title}</h1>
<p id="resumed"></p>
<section id="step1"><h2>Step 1 of 2</h2>
<p>A hate crime is any criminal offence perceived, by the victim or any other person, to be motivated by hostility or prejudice.</p>
<button type="button" id="next">Next</button></section>
<section id="step2" hidden><h2>Step 2 of 2</h2>
<fieldset><legend>Who decides whether an incident is recorded as hate-motivated?</legend>
<p><input type="radio" name="answer" id="a1" value="perception"><label for="a1">The victim or any other person</label></p>
<p><input type="radio" name="answer" id="a2" value="officer"><label for="a2">Only the attending officer</label></p>
</fieldset>
<button type="button" id="submit">Submit answer</button></section>
<section id="done" hidden><h2>Finished</h2><p>You have finished this module.</p></section>
<p><button type="button" id="leave">Save and leave</button></p>
<p id="left" hidden>Your place is saved. You can close this module.</p>
</main>
<script src="sco.js"></script>
</body></html>
"""


MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test-scorm12" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>{title}</title>
      <item identifier="item1" identifierref="res1">
        <title>{title}</title>
        {mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="{href}">
      <file href="index.html"/><file href="sco.js"/>
    </resource>
  </resources>
</manifest>
"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test-scorm2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>{title}</title>
      <item identifier="item1" identifierref="res1">
        <title>{title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>{mastery}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormType="sco" href="{href}">
      <file href="index.html"/><file href="sco.js"/>
    </resource>
  </resources>
</manifest>
"""


def zip_of(files: dict[str, bytes | str], *, symlinks: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


def scorm12(
    title: str = "Recognising hate crime (SCORM 1.2)", mastery: int | None = 80, href: str = "index.html"
) -> bytes:
    tag = f"<adlcp:masteryscore>{mastery}</adlcp:masteryscore>" if mastery is not None else ""
    return zip_of(
        {
            "imsmanifest.xml": MANIFEST_12.format(title=title, mastery=tag, href=href),
            "index.html": sco_html("1.2", title),
            "sco.js": SCO_JS,
        }
    )


def scorm2004(
    title: str = "Recording hate crime (SCORM 2004)", mastery: str = "0.8", href: str = "index.html"
) -> bytes:
    return zip_of(
        {
            "imsmanifest.xml": MANIFEST_2004.format(title=title, mastery=mastery, href=href),
            "index.html": sco_html("2004", title),
            "sco.js": SCO_JS,
        }
    )


# A package of several SCOs and an asset, as authoring tools export a course in parts.
MULTI_SCO_JS = """
(function () {
  "use strict";
  var root = document.documentElement.dataset;
  var v12 = root.scorm === "1.2";
  function findApi(win) {
    for (var i = 0; win && i < 10; i++) {
      if (v12 && win.API) { return win.API; }
      if (!v12 && win.API_1484_11) { return win.API_1484_11; }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window);
  function get(name) { return v12 ? api.LMSGetValue(name) : api.GetValue(name); }
  function set(name, value) { return v12 ? api.LMSSetValue(name, value) : api.SetValue(name, value); }
  function commit() { return v12 ? api.LMSCommit("") : api.Commit(""); }
  function finish() { return v12 ? api.LMSFinish("") : api.Terminate(""); }
  var LOCATION = v12 ? "cmi.core.lesson_location" : "cmi.location";
  v12 ? api.LMSInitialize("") : api.Initialize("");
  var entry = get(v12 ? "cmi.core.entry" : "cmi.entry");
  if (entry === "resume") {
    document.getElementById("resumed").textContent = "Welcome back to " + root.part + ": you stopped at " + get(LOCATION) + " (" + get("cmi.suspend_data") + ").";
  }
  if (v12) { if (get("cmi.core.lesson_status") === "not attempted") { set("cmi.core.lesson_status", "incomplete"); } }
  else if (get("cmi.completion_status") !== "completed") { set("cmi.completion_status", "incomplete"); }
  commit();
  document.getElementById("leave").addEventListener("click", function () {
    set(LOCATION, "halfway");
    set("cmi.suspend_data", root.part + " read");
    set(v12 ? "cmi.core.exit" : "cmi.exit", "suspend");
    commit();
    finish();
    document.getElementById("left").hidden = false;
  });
  document.getElementById("finish").addEventListener("click", function () {
    set(LOCATION, "end");
    if (v12) {
      set("cmi.core.score.raw", "90");
      set("cmi.core.lesson_status", "passed");
      set("cmi.core.exit", "");
    } else {
      set("cmi.score.scaled", "0.9");
      set("cmi.completion_status", "completed");
      set("cmi.success_status", "passed");
      set("cmi.exit", "normal");
      if (root.next === "continue") { set("adl.nav.request", "continue"); }
    }
    commit();
    finish();
    document.getElementById("finished").hidden = false;
  });
})();
"""


def multi_sco_html(version: str, part: str, title: str, *, request_continue: bool = False) -> str:
    nav = ' data-next="continue"' if request_continue else ""
    return f"""<!DOCTYPE html>
<html lang="en" data-scorm="{version}" data-part="{part}"{nav}>
<head><meta charset="utf-8"><title>{title}</title></head>
<body>
<main>
<h1>{title}</h1>
<p id="resumed"></p>
<p>Stop and search must be necessary, proportionate and recorded.</p>
<p><button type="button" id="finish">Finish this part</button> <button type="button" id="leave">Save and leave</button></p>
<p id="finished" hidden>You have finished this part.</p>
<p id="left" hidden>Your place is saved. You can close this part.</p>
</main>
<script src="multi.js"></script>
</body></html>
"""


GLOSSARY_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Glossary</title></head>
<body><main><h1>Glossary</h1><dl><dt>PACE</dt><dd>The Police and Criminal Evidence Act 1984.</dd></dl></main></body></html>
"""

MULTI_MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test-multi-scorm12" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion>
    <lom><educational><typicallearningtime><datetime>00:25:00</datetime></typicallearningtime></educational></lom>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>{title}</title>
      <item identifier="law" identifierref="res-law"><title>Part one: the law</title><adlcp:masteryscore>80</adlcp:masteryscore></item>
      <item identifier="practice-group">
        <title>In practice</title>
        <item identifier="practice" identifierref="res-practice"><title>Part two: practice</title></item>
        <item identifier="glossary" identifierref="res-glossary"><title>Glossary</title></item>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-law" type="webcontent" adlcp:scormtype="sco" href="law.html"><file href="law.html"/><file href="multi.js"/></resource>
    <resource identifier="res-practice" type="webcontent" adlcp:scormtype="sco" href="practice.html"><file href="practice.html"/></resource>
    <resource identifier="res-glossary" type="webcontent" adlcp:scormtype="asset" href="glossary.html"><file href="glossary.html"/></resource>
  </resources>
</manifest>
"""

MULTI_MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test-multi-scorm2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:lom="http://ltsc.ieee.org/xsd/LOM">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion>
    <lom:lom><lom:educational><lom:typicalLearningTime><lom:duration>PT40M</lom:duration></lom:typicalLearningTime></lom:educational></lom:lom>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>{title}</title>
      <item identifier="law" identifierref="res-law">
        <title>Part one: the law</title>
        <imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="law" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>
      </item>
      <item identifier="practice-group">
        <title>In practice</title>
        <item identifier="practice" identifierref="res-practice"><title>Part two: practice</title></item>
        <item identifier="glossary" identifierref="res-glossary" isvisible="false"><title>Glossary</title></item>
        <item identifier="survey" identifierref="res-survey">
          <title>Feedback (not counted)</title>
          <imsss:sequencing><imsss:deliveryControls tracked="false"/></imsss:sequencing>
        </item>
      </item>
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-law" type="webcontent" adlcp:scormType="sco" href="law.html"><file href="law.html"/><file href="multi.js"/></resource>
    <resource identifier="res-practice" type="webcontent" adlcp:scormType="sco" href="practice.html"><file href="practice.html"/></resource>
    <resource identifier="res-glossary" type="webcontent" adlcp:scormType="asset" href="glossary.html"><file href="glossary.html"/></resource>
    <resource identifier="res-survey" type="webcontent" adlcp:scormType="sco" href="survey.html"><file href="survey.html"/></resource>
  </resources>
</manifest>
"""


def multi_scorm12(title: str = "Stop and search (SCORM 1.2, in parts)") -> bytes:
    """Two SCOs (the first with a mastery score of 80) under a heading with an asset (a glossary)."""
    return zip_of(
        {
            "imsmanifest.xml": MULTI_MANIFEST_12.format(title=title),
            "law.html": multi_sco_html("1.2", "part one", "Part one: the law"),
            "practice.html": multi_sco_html("1.2", "part two", "Part two: practice"),
            "glossary.html": GLOSSARY_HTML,
            "multi.js": MULTI_SCO_JS,
        }
    )


def multi_scorm2004(title: str = "Stop and search (SCORM 2004, in parts)") -> bytes:
    """
    Two SCOs (the first asks to continue when finished, with a mastery score of 0.8), an
    invisible asset and an untracked feedback SCO, under a heading.
    """
    return zip_of(
        {
            "imsmanifest.xml": MULTI_MANIFEST_2004.format(title=title),
            "law.html": multi_sco_html("2004", "part one", "Part one: the law", request_continue=True),
            "practice.html": multi_sco_html("2004", "part two", "Part two: practice"),
            "survey.html": multi_sco_html("2004", "feedback", "Feedback"),
            "glossary.html": GLOSSARY_HTML,
            "multi.js": MULTI_SCO_JS,
        }
    )

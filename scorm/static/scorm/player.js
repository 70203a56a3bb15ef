/*
 * The SCORM player: sets up scorm-again's runtime API in this window (window.API for SCORM 1.2,
 * window.API_1484_11 for 2004), loads the officer's saved CMI data so the package resumes
 * where they stopped, then opens the package in the same-origin frame. Commits go to the
 * platform's commit endpoint (flattened CMI, JSON); its URL carries the attempt's token and
 * the SCO's place in the package, so each SCO of a multi-SCO package keeps its own data.
 *
 * Navigation (SCORM 2004): when the SCO terminates with adl.nav.request continue, previous
 * or {target=ID}choice, the player opens that SCO's page (after the runtime's last commit);
 * exit, exitAll, suspendAll and abandon go back to the course. There is no sequencing engine:
 * the requests move along the package's items as the contents and Previous/Continue do.
 */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("scorm-player-config").textContent);
  var messages = document.getElementById("scorm-messages").dataset;
  var status = document.getElementById("scorm-status");
  var settings = {
    lmsCommitUrl: config.commitUrl,
    dataCommitFormat: "flattened",
    autocommit: true,
    autocommitSeconds: 5,
    logLevel: 4,
    xhrHeaders: { "X-CSRFToken": messages.csrf },
    commitRequestDataType: "application/json;charset=UTF-8",
  };
  var api;
  if (config.version === "1.2") {
    api = new window.Scorm12API(settings);
    window.API = api;
  } else {
    api = new window.Scorm2004API(settings);
    window.API_1484_11 = api;
  }
  api.loadFromFlattenedJSON(config.cmi, "");
  var navigation = config.navigation || {};
  if (config.version !== "1.2") {
    try {
      // What the SCO may ask for: the player knows whether there is a next or previous SCO.
      api.adl.nav.request_valid.continue = navigation.continue ? "true" : "false";
      api.adl.nav.request_valid.previous = navigation.previous ? "true" : "false";
    } catch (error) {
      // Older runtimes keep these read-only; the SCO then asks without knowing.
    }
  }
  function go(url) {
    if (url) {
      window.location.assign(url);
    }
  }
  api.on("SequenceNext", function () { go(navigation.continue); });
  api.on("SequencePrevious", function () { go(navigation.previous); });
  function choose(element, target) {
    go((navigation.choice || {})[String(target || "").replace(/^\{target=|\}(choice|jump)?$/g, "")]);
  }
  api.on("SequenceChoice", choose);
  api.on("SequenceJump", choose);
  ["SequenceExit", "SequenceExitAll", "SequenceAbandon", "SequenceAbandonAll", "SequenceSuspendAll"].forEach(
    function (name) {
      api.on(name, function () { go(navigation.exit); });
    }
  );
  function said(result) {
    var ok = result === true || result === "true";
    status.textContent = ok ? messages.saved : messages.failed;
    return result;
  }
  var commitName = config.version === "1.2" ? "LMSCommit" : "Commit";
  var finishName = config.version === "1.2" ? "LMSFinish" : "Terminate";
  [commitName, finishName].forEach(function (name) {
    var original = api[name].bind(api);
    api[name] = function (parameter) {
      return said(original(parameter));
    };
  });
  var frame = document.getElementById("scorm-frame");
  frame.src = frame.dataset.src;
})();

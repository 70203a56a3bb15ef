/*
 * The SCORM player: sets up scorm-again's runtime API in this window (window.API for SCORM 1.2,
 * window.API_1484_11 for 2004), loads the officer's saved CMI data so the package resumes
 * where they stopped, then opens the package in the same-origin frame. Commits go to the
 * platform's commit endpoint (flattened CMI, JSON); its URL carries the attempt's token.
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

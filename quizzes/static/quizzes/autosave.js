/*
 * Save answers in the background as the officer answers, so that closing the browser or
 * losing the signal loses nothing. The form still works without JavaScript: "Save and
 * continue" saves on the server as well.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var status = form.querySelector(".app-autosave-status");
  var timer = null;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function save() {
    var data = new FormData(form);
    data.delete("action");
    fetch(form.getAttribute("data-autosave-url"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.ok && body.saved) {
            say("Answers saved at " + body.saved_at + ".");
          } else {
            say(body.message || "Your answers could not be saved. Use the button below to save them.");
          }
        });
      })
      .catch(function () {
        say("No connection: your latest answers will be saved when you press the button below.");
      });
  }

  function saveSoon(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, delay);
  }

  // A choice is saved as soon as it is made. A typed answer is saved once the officer stops
  // typing for a moment, without waiting for them to leave the field (which is when "change"
  // fires): an answer typed just before the signal or the session goes is not lost.
  form.addEventListener("change", function () {
    saveSoon(400);
  });
  form.addEventListener("input", function (event) {
    var field = event.target;
    if (field.tagName === "TEXTAREA" || (field.tagName === "INPUT" && field.type === "text")) {
      saveSoon(1000);
    }
  });
})();

/*
 * The countdown of a timed attempt (issue 12 point 10). Without JavaScript the page says
 * "Submit your answers by 10:47" and that stays; this adds, on top of it:
 *
 * - a clock with minutes and seconds, role="timer" with aria-live="off", so that screen
 *   readers are not interrupted every second;
 * - polite announcements, in a separate status region, when 10, 5 and 1 minutes are left,
 *   when the grace period starts and when it ends;
 * - a button that says the time left on demand.
 *
 * The server's deadline and grace period decide what is marked; this only shows them. The
 * clock is set from the server's time when the page was made, so a wrong clock on the
 * officer's device does not move it. Every text comes from the page (translated there).
 */
(function () {
  "use strict";

  var box = document.querySelector(".app-countdown[data-deadline]");
  if (!box) {
    return;
  }
  var deadline = Number(box.getAttribute("data-deadline")) * 1000;
  var grace = Number(box.getAttribute("data-grace")) * 1000;
  // How far the device's clock is from the server's (the page was made a moment ago).
  var offset = Number(box.getAttribute("data-now")) * 1000 - Date.now();
  var label = box.querySelector(".app-countdown__label");
  var clock = box.querySelector(".app-countdown__clock");
  var announce = box.querySelector(".app-countdown__announce");
  var tell = box.querySelector(".app-countdown__tell");
  var THRESHOLDS = [10, 5, 1];
  var lastLeft = null;
  var timer = null;

  function text(name, values) {
    var template = box.getAttribute("data-" + name) || "";
    return template.replace(/%\((\w+)\)s/g, function (match, key) {
      return String(values && key in values ? values[key] : match);
    });
  }

  function now() {
    return Date.now() + offset;
  }

  function pad(number) {
    return number < 10 ? "0" + number : String(number);
  }

  function format(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    return (hours ? hours + ":" + pad(minutes) : String(minutes)) + ":" + pad(rest);
  }

  function say(message) {
    // Emptied first so that the same words said twice are announced twice.
    announce.textContent = "";
    window.setTimeout(function () {
      announce.textContent = message;
    }, 50);
  }

  function words(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    var parts = [];
    if (minutes) {
      parts.push(minutes === 1 ? text("word-minute") : text("word-minutes", { n: minutes }));
    }
    if (rest || !minutes) {
      parts.push(rest === 1 ? text("word-second") : text("word-seconds", { n: rest }));
    }
    return parts.join(" ");
  }

  function sayNow() {
    var left = deadline - now();
    if (left > 0) {
      say(text("say-now", { time: words(Math.ceil(left / 1000)) }));
    } else if (left > -grace) {
      say(text("say-grace", { s: Math.ceil((left + grace) / 1000) }));
    } else {
      say(text("say-over"));
    }
  }

  function tick() {
    var left = deadline - now();
    if (left > 0) {
      label.textContent = text("label-left");
      clock.textContent = format(left);
      if (lastLeft !== null) {
        THRESHOLDS.forEach(function (minutes) {
          var mark = minutes * 60 * 1000;
          if (lastLeft > mark && left <= mark) {
            say(minutes === 1 ? text("say-minute") : text("say-minutes", { n: minutes }));
          }
        });
      }
    } else if (left > -grace) {
      label.textContent = text("label-grace");
      clock.textContent = format(left + grace);
      if (lastLeft === null || lastLeft > 0) {
        say(text("say-grace", { s: Math.ceil((left + grace) / 1000) }));
      }
    } else {
      label.textContent = text("label-over");
      clock.textContent = format(0);
      if (lastLeft === null || lastLeft > -grace) {
        say(text("say-over"));
      }
      window.clearInterval(timer);
    }
    lastLeft = left;
  }

  box.hidden = false;
  tell.addEventListener("click", sayNow);
  tick();
  timer = window.setInterval(tick, 1000);
})();

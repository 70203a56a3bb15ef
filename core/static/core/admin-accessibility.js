/*
 * Accessible names for Wagtail admin controls that arrive without one.
 *
 * Inside StreamField, Draftail's editable area (role="textbox") and the items of a
 * ListBlock (each a bare <input>) have no label, so screen readers announce "edit text,
 * blank" and axe-core reports them. Each is named after the nearest field label or block
 * heading above it ("Text", "Do", "Explanation"). Added as the editor changes, because
 * StreamField adds blocks and list items on the fly.
 *
 * The editor's minimap is a scrolling list whose links are out of the tab order while it is
 * collapsed; keyboard users must still be able to scroll it, so the list itself takes focus.
 */
(function () {
  "use strict";

  var counter = 0;
  var LABEL_SELECTOR = [
    ":scope > label.w-field__label",
    ":scope > .w-field__label",
    ":scope > .w-panel__header [data-panel-heading] .c-sf-block__type",
  ].join(", ");

  function nearestLabel(control) {
    var node = control.parentElement;
    while (node && node !== document.body) {
      var label = node.querySelector(LABEL_SELECTOR);
      if (label && label.textContent.trim()) {
        return label;
      }
      node = node.parentElement;
    }
    return null;
  }

  function isUnnamed(control) {
    if (control.hasAttribute("aria-label") || control.hasAttribute("aria-labelledby") || control.title) {
      return false;
    }
    return !control.labels || control.labels.length === 0;
  }

  function nameControls() {
    var controls = document.querySelectorAll(
      '[data-streamfield-stream-container] input:not([type="hidden"]), ' +
        "[data-streamfield-stream-container] textarea, " +
        "[data-streamfield-stream-container] select, " +
        '.public-DraftEditor-content[role="textbox"]'
    );
    for (var i = 0; i < controls.length; i += 1) {
      var control = controls[i];
      if (!isUnnamed(control)) {
        continue;
      }
      var label = nearestLabel(control);
      if (!label) {
        control.setAttribute("aria-label", "Rich text");
        continue;
      }
      if (!label.id) {
        counter += 1;
        label.id = "admin-field-label-" + counter;
      }
      control.setAttribute("aria-labelledby", label.id);
    }
  }

  function makeScrollablesFocusable() {
    var lists = document.querySelectorAll(".w-minimap__list:not([tabindex])");
    for (var i = 0; i < lists.length; i += 1) {
      lists[i].setAttribute("tabindex", "0");
      lists[i].setAttribute("aria-label", "Page outline");
    }
  }

  function fix() {
    nameControls();
    makeScrollablesFocusable();
  }

  function start() {
    fix();
    new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// GOV.UK Frontend's components (service navigation menu, details, error summary, ...).
import { initAll } from "../dist/govuk-frontend.min.js";

initAll();

// Tables that scroll sideways say so in words while they are wider than their wrapper
// (.app-table-wrapper, with data-scroll-hint holding the words in the page's language).
for (const wrapper of document.querySelectorAll(".app-table-wrapper[data-scroll-hint]")) {
  const hint = document.createElement("p");
  hint.className = "app-table-hint";
  hint.textContent = wrapper.dataset.scrollHint;
  hint.hidden = true;
  wrapper.before(hint);
  const update = () => {
    hint.hidden = wrapper.scrollWidth <= wrapper.clientWidth + 1;
  };
  new ResizeObserver(update).observe(wrapper);
  update();
}

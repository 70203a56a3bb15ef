// GOV.UK Frontend's components (service navigation menu, details, error summary, ...).
import { initAll } from "../dist/govuk-frontend.min.js";

initAll();

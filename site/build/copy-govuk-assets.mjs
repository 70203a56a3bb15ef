// Copies into site/static/dist/assets exactly the GOV.UK Frontend files that the built
// site.css points to with url(...), so that every reference resolves and collectstatic's
// manifest storage can hash it. Fails the build when one is missing from GOV.UK Frontend.
// Fonts are never referenced ($govuk-include-default-font-face is false): the GOV.UK
// typeface is reserved for GOV.UK.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const css = readFileSync("site/static/dist/site.css", "utf8");
const source = "node_modules/govuk-frontend/dist/govuk/assets";
const target = "site/static/dist/assets";
const urls = new Set([...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]));

for (const url of urls) {
  if (url.startsWith("data:")) continue;
  if (!url.startsWith("assets/")) {
    throw new Error(`site.css refers to ${url}; set $govuk-assets-path to "assets/" in site.scss`);
  }
  const path = url.slice("assets/".length);
  mkdirSync(dirname(join(target, path)), { recursive: true });
  copyFileSync(join(source, path), join(target, path));
}

// Closer's small enhancements, one module a feature. Every page works without them: each feature
// is loaded only where its page has what it needs, so a page downloads only its own; the quick
// exit, which must work the moment the page shows, comes with this file.
import * as exit from "./exit.js";

exit.start();

const features = [
  ["#filters", "./finder.js"],
  ["[data-guided]", "./guided.js"],
  ["[data-card-actions], #your-cards, [data-forget-device], #questions, [data-print]", "./marks.js"],
  ["[data-offline]", "./offline.js"],
  ["[data-path-page], [data-path-place], [data-continue]", "./paths.js"],
  [".search-form", "./search.js"],
  ["form.tonight", "./tonight.js"],
];

// The current section in the navigation.
const here = window.location.pathname;
document.querySelectorAll(".site-nav a").forEach((link) => {
  const path = new URL(link.href, window.location.href).pathname;
  if (path !== "/" && !link.hash && here.startsWith(path)) link.setAttribute("aria-current", "page");
});

for (const [selector, module] of features) {
  if (!document.querySelector(selector)) continue;
  // One feature failing leaves the others, and the page, working.
  import(module).then((feature) => feature.start()).catch((error) => console.warn(error));
}

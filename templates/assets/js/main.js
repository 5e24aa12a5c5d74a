// Closer's small enhancements, one module a feature. Every page works without them: each feature
// starts only where its page has what it needs.
import * as exit from "./exit.js";
import * as finder from "./finder.js";
import * as guided from "./guided.js";
import * as marks from "./marks.js";
import * as offline from "./offline.js";
import * as paths from "./paths.js";
import * as search from "./search.js";
import * as tonight from "./tonight.js";

// The current section in the navigation.
const here = window.location.pathname;
document.querySelectorAll(".site-nav a").forEach((link) => {
  const path = new URL(link.href, window.location.href).pathname;
  if (path !== "/" && !link.hash && here.startsWith(path)) link.setAttribute("aria-current", "page");
});

for (const feature of [exit, finder, guided, marks, offline, paths, search, tonight]) {
  try {
    feature.start();
  } catch (error) {
    // One feature failing leaves the others, and the page, working.
    console.warn(error);
  }
}

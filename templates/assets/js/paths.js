// Paths that remember, on this device only: the path page marks each done card and says what is
// next; a card done on a path keeps the path "in progress"; the home page offers to continue.
import { keys, marks, read, write } from "./device.js";
import { h } from "./page-parts.js";

/** The path's next card: the first of its stops not done. */
const nextStop = (stops, done) => stops.find((stop) => !done[stop.url]?.done);

const pathPage = () => {
  const path = document.querySelector("[data-path-page]");
  if (!path) return;
  const done = marks();
  const stops = [...path.querySelectorAll(".path-stop")].map((item) => ({ item, ...item.dataset }));
  stops.forEach((stop) => {
    const isDone = Boolean(done[stop.url]?.done);
    stop.item.classList.toggle("is-done", isDone);
    stop.item.querySelector(".path-done").hidden = !isDone;
  });
  const next = nextStop(stops, done);
  const line = path.querySelector("[data-path-next]");
  const count = stops.filter((stop) => done[stop.url]?.done).length;
  line.replaceChildren(
    next
      ? h("span", {}, `${count ? `${count} of ${stops.length} done. ` : ""}Next: `, h("a", { href: next.url }, `${next.label} — ${next.title}`))
      : h("span", {}, `All ${stops.length} done. Well done, both of you.`),
  );
  line.hidden = false;
};

// A card of a path, once done, keeps that path in progress (the newest first on the home page).
const cardPlaces = () => {
  document.addEventListener("hearth:marks", () => {
    const inProgress = read(keys.paths);
    document.querySelectorAll("[data-path-place]").forEach((place) => {
      inProgress[place.dataset.path] = { title: place.dataset.pathTitle, at: Date.now() };
    });
    write(keys.paths, inProgress);
  });
};

// Home: "Continue: Four Weeks Closer, Week 2" for the path done most recently, from its page.
const continueOnHome = async () => {
  const slot = document.querySelector("[data-continue]");
  if (!slot) return;
  const inProgress = Object.entries(read(keys.paths)).sort((a, b) => b[1].at - a[1].at);
  for (const [url, path] of inProgress) {
    try {
      const page = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
      const stops = [...page.querySelectorAll(".path-stop")].map((item) => ({ ...item.dataset }));
      const next = nextStop(stops, marks());
      if (!next) continue;
      slot.replaceChildren(h("a", { href: next.url, class: "continue-link" }, `Continue: ${path.title}, ${next.label.toLowerCase()}`),
        h("span", { class: "continue-card" }, ` — ${next.title}`));
      slot.hidden = false;
      return;
    } catch {
      // The path is gone or offline: offer the next one.
    }
  }
};

export const start = () => {
  pathPage();
  cardPlaces();
  continueOnHome();
};

// "We need a pause": what the card says to do when it gets hard, a slow breath to share, and the
// help page one tap away.
import { h, sectionNodes } from "./page-parts.js";

export const pauseView = (helpURL, carryOn) => {
  const hard = sectionNodes("if-it-gets-hard");
  return h(
    "div",
    { class: "guided-pause-view" },
    h("h2", { class: "guided-heading", tabindex: "-1" }, "Paused"),
    h("p", {}, "Take a breath together. Nothing has to happen next."),
    h(
      "div",
      { class: "breathe", "aria-hidden": "true" },
      h("span", { class: "breathe-circle" }),
      h("span", { class: "breathe-words" }, "in… and out"),
    ),
    hard.length ? h("div", { class: "guided-section" }, h("h3", {}, "If it gets hard"), ...hard) : null,
    helpURL ? h("p", {}, h("a", { href: helpURL, class: "guided-help" }, "Where to find help")) : null,
    h("div", { class: "guided-nav" }, h("button", { type: "button", class: "guided-next guided-carry-on", onclick: carryOn }, "Carry on")),
  );
};

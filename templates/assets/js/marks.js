// Saved and done, on this device only, and sending a card's address with the Web Share API, or by
// copying it. "Your cards" lists them, and "Forget all of this" removes everything the site kept.
import { forgetEverything, marks, setMark } from "./device.js";
import { h, sectionItems, shuffledDeck } from "./page-parts.js";

const cardActions = () => {
  const actions = document.querySelector("[data-card-actions]");
  if (!actions) return;
  const url = actions.dataset.url;
  const note = actions.querySelector(".actions-status");
  const paint = () => {
    const mark = marks()[url] || {};
    actions.querySelectorAll("[data-mark]").forEach((button) => {
      button.setAttribute("aria-pressed", mark[button.dataset.mark] ? "true" : "false");
    });
  };
  actions.querySelectorAll("[data-mark]").forEach((button) => {
    button.addEventListener("click", () => {
      const name = button.dataset.mark;
      const mark = setMark(url, actions.dataset.title, name, !(marks()[url] || {})[name]);
      document.dispatchEvent(new CustomEvent("hearth:marks"));
      note.textContent = mark[name] ? (name === "saved" ? "Saved on this device." : "Marked as done on this device.") : "";
    });
  });
  actions.querySelector(".share").addEventListener("click", () => {
    const address = new URL(url, window.location.href).href;
    const shown = () => {
      note.textContent = `Copy this link: ${address}`;
    };
    if (navigator.share) navigator.share({ url: address }).catch(() => {});
    else if (navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(address).then(() => {
        note.textContent = `Link copied: ${address}`;
      }, shown);
    } else shown();
  });
  document.addEventListener("hearth:marks", paint);
  actions.hidden = false;
  paint();
};

const yourCards = () => {
  const yours = document.getElementById("your-cards");
  if (!yours) return;
  const list = yours.querySelector("ul");
  const fill = () => {
    const all = marks();
    const urls = Object.keys(all);
    yours.hidden = urls.length === 0;
    list.replaceChildren(
      ...urls.map((address) => {
        const mark = all[address];
        const state = [mark.saved ? "saved" : "", mark.done ? `done${mark.doneOn ? ` ${mark.doneOn}` : ""}` : ""];
        return h("li", {}, h("a", { href: address }, mark.title || address), ` · ${state.filter(Boolean).join(", ")}`);
      }),
    );
  };
  yours.querySelector(".forget").addEventListener("click", async () => {
    await forgetEverything();
    fill();
    yours.hidden = false;
    yours.querySelector("ul").replaceChildren(h("li", {}, "Forgotten: nothing of this site is kept on this device."));
  });
  fill();
};

// "Draw a question" on a card's page: its deck, one question at a time, no repeat until all.
const drawOnPage = () => {
  const heading = document.getElementById("questions");
  if (!heading) return;
  const deck = shuffledDeck(sectionItems("questions"));
  const shown = h("p", { class: "drawn-question", "aria-live": "polite" });
  const draw = h("button", { type: "button", class: "draw-question" }, "Draw a question");
  draw.addEventListener("click", () => {
    shown.textContent = deck.draw();
    draw.textContent = deck.seen === deck.size ? "Another question (all drawn once)" : "Another question";
  });
  heading.after(h("div", { class: "draw" }, draw, shown));
};

// The foot of every page: one button that removes everything the site kept on this device.
const forgetDevice = () => {
  const slot = document.querySelector("[data-forget-device]");
  if (!slot) return;
  slot.querySelector("button").addEventListener("click", async () => {
    await forgetEverything();
    slot.querySelector("span").textContent = "Done: nothing of this site is kept on this device now.";
  });
  slot.hidden = false;
};

export const start = () => {
  forgetDevice();
  cardActions();
  yourCards();
  drawOnPage();
  const printing = document.querySelector("[data-print]");
  if (printing) {
    printing.querySelector("button").addEventListener("click", () => window.print());
    printing.hidden = false;
  }
};

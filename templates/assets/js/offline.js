// "Keep on this phone for offline": nothing is installed until a reader asks. On a path, the deck
// and the exercises page, the button installs the site's worker (/sw.js) and keeps that page and
// its cards; "Forget this" removes the worker and everything it kept.
import { forgetOffline } from "./device.js";

const cardsOf = async (slot) => {
  const own = [...document.querySelectorAll(".path-stop, #exercise-list > li")]
    .map((item) => item.dataset.url || item.querySelector("a")?.getAttribute("href"))
    .filter(Boolean);
  if (slot.dataset.everyCard === undefined) return own;
  const cards = await (await fetch(slot.dataset.cards)).json();
  return [...own, ...cards.map((card) => card.url)];
};

const ask = (worker, message) =>
  new Promise((resolve, reject) => {
    const id = Math.random().toString(36).slice(2);
    const answer = (event) => {
      if (event.data?.id !== id) return;
      navigator.serviceWorker.removeEventListener("message", answer);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve(event.data.kept);
    };
    navigator.serviceWorker.addEventListener("message", answer);
    worker.postMessage({ ...message, id });
  });

export const start = () => {
  const slot = document.querySelector("[data-offline]");
  if (!slot || !navigator.serviceWorker || !window.caches) return;
  const button = slot.querySelector(".offline-keep");
  const forget = slot.querySelector(".offline-forget");
  const note = slot.querySelector(".offline-status");
  const paint = async () => {
    const registered = await navigator.serviceWorker.getRegistration(slot.dataset.scope);
    forget.hidden = !registered;
    button.textContent = registered ? "Update what this phone keeps" : "Keep on this phone for offline";
  };
  button.addEventListener("click", async () => {
    note.textContent = "Keeping these pages on this phone…";
    try {
      await navigator.serviceWorker.register(slot.dataset.worker, { scope: slot.dataset.scope });
      const ready = await navigator.serviceWorker.ready;
      const pages = [window.location.pathname, ...(await cardsOf(slot))].map((url) => new URL(url, window.location.href).href);
      const count = await ask(ready.active, { keep: pages });
      note.textContent = `Kept on this phone: ${count} pages open without a signal. Nothing was sent anywhere.`;
    } catch {
      note.textContent = "These pages could not be kept on this phone.";
    }
    paint();
  });
  forget.addEventListener("click", async () => {
    await forgetOffline();
    note.textContent = "Forgotten: nothing is kept on this phone for offline any more.";
    paint();
  });
  slot.hidden = false;
  paint();
};

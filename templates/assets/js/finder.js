// The finder: time, depth, who and kind, read from and written to the address
// (?time=10&depth=gentle), so that a choice can be bookmarked or shared. It filters every card
// of the site (exercise-cards.json), however many pages the list has; without scripts every card
// shows, page by page.
import { allCards, cardElement, choose, prune } from "./choose.js";

const names = ["time", "depth", "who", "type"];

export const start = () => {
  const filters = document.getElementById("filters");
  const list = document.getElementById("exercise-list");
  if (!filters || !list) return;
  const status = filters.querySelector(".filter-count");
  const pager = document.querySelector(".pagination");
  const own = [...list.children];
  const params = new URLSearchParams(window.location.search);
  names.forEach((name) => {
    const value = params.get(name);
    const select = filters.elements[name];
    if (value && [...select.options].some((option) => option.value === value)) select.value = value;
  });
  const choice = () =>
    Object.fromEntries(names.map((name) => [name, filters.elements[name].value]).filter(([, value]) => value));
  const show = (elements) => list.replaceChildren(...elements);
  let cards = null;
  const apply = () => {
    const chosen = choice();
    const query = new URLSearchParams(chosen).toString();
    window.history.replaceState(window.history.state, "", window.location.pathname + (query ? `?${query}` : ""));
    // The deck prints the cards of the same choice.
    document.querySelectorAll("[data-deck-link]").forEach((link) => {
      link.search = query;
    });
    const active = Object.keys(chosen).length > 0;
    document.body.classList.toggle("has-choice", active);
    if (!active || !cards) {
      show(own);
      if (pager) pager.hidden = false;
      status.textContent = cards ? `All ${cards.length} exercises.` : "";
      return;
    }
    if (pager) pager.hidden = true;
    const found = choose(cards, chosen);
    const byURL = new Map(own.map((element) => [element.querySelector("a").getAttribute("href"), element]));
    show(found.cards.map((card) => byURL.get(card.url) || cardElement(card)));
    const count = `${found.cards.length} ${found.cards.length === 1 ? "card" : "cards"}`;
    if (found.unmet === "none") status.textContent = "No card fits these choices. Try another time or depth.";
    else if (found.unmet) status.textContent = `${found.unmet} ${count}.`;
    else status.textContent = found.cards.length === cards.length ? `All ${count}.` : `${count}.`;
  };
  filters.hidden = false;
  filters.addEventListener("change", apply);
  filters.addEventListener("submit", (event) => event.preventDefault());
  filters.addEventListener("reset", () => window.setTimeout(apply, 0));
  status.textContent = "Finding exercises…";
  allCards(filters.dataset.cards)
    .then((all) => {
      cards = all;
      prune(filters, all);
      apply();
    })
    .catch(() => {
      status.textContent = "The list of exercises could not be loaded: every card is shown.";
    });
};

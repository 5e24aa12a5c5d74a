// Tonight, on the home page: three questions, then one card shown large, with "Show me another"
// (none again until every fitting card has been shown). It picks as the finder does, in its words;
// without scripts the form leads to the finder with the choices in the address.
import { keys, readSession, writeSession } from "./device.js";
import { allCards, cardElement, choose, prune } from "./choose.js";
import { h } from "./page-parts.js";

export const start = () => {
  const form = document.querySelector("form.tonight");
  if (!form) return;
  const result = h("div", { class: "tonight-result", "aria-live": "polite" });
  form.after(result);
  const cards = allCards(form.dataset.cards);
  cards.then((all) => prune(form, all)).catch(() => {});
  const chosen = () => Object.fromEntries(new FormData(form).entries());
  const show = async () => {
    const found = choose(await cards, chosen());
    const query = new URLSearchParams(chosen()).toString();
    if (!found.cards.length) {
      result.replaceChildren(h("p", {}, "No card fits these choices. Try another time or depth."));
      return;
    }
    // The cards this session has shown for these choices, so that none repeats until all have.
    const seenAll = readSession(keys.seen, {});
    let seen = (seenAll[query] || []).filter((url) => found.cards.some((card) => card.url === url));
    if (seen.length >= found.cards.length) seen = [];
    const fresh = found.cards.filter((card) => !seen.includes(card.url));
    const card = fresh[Math.floor(Math.random() * fresh.length)];
    seenAll[query] = [...seen, card.url];
    writeSession(keys.seen, seenAll);
    const element = cardElement(card);
    element.classList.add("card-large");
    result.replaceChildren(
      ...[
        h("h3", { class: "tonight-heading" }, "Tonight, try"),
        found.unmet ? h("p", { class: "tonight-unmet" }, found.unmet) : null,
        h("ul", { class: "cards" }, element),
      h(
        "p",
        { class: "tonight-actions" },
        h("button", { type: "button", class: "tonight-another", onclick: show }, "Show me another"),
        h("a", { href: `${form.action}?${query}` }, `All ${found.cards.length} that fit`),
      ),
      ].filter(Boolean),
    );
    element.querySelector("a").focus();
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show().catch(() => form.submit());
  });
};

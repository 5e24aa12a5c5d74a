// Which cards fit a couple's choices: the finder's and Tonight's one rule (content format v3).
// `who` and the kind of intimacy are never given up. When nothing fits every choice, time is
// relaxed first, then depth by one step (gentle <-> moderate <-> deep), then both; the answer
// says which choice it could not meet.
export const depths = ["gentle", "moderate", "deep"];

const whoWords = { couple: "for two", solo: "for one person", group: "for a group" };
const depthWords = { gentle: "gentle", moderate: "moderate", deep: "deep" };

const fits = (card, chosen, { time = true, depth = true } = {}) =>
  (!chosen.who || card.who === chosen.who) &&
  (!chosen.type || card.types.includes(chosen.type)) &&
  (!time || !chosen.time || card.duration <= Number(chosen.time)) &&
  (!depth || !chosen.depth || card.difficulty === chosen.depth);

const nextDepths = (depth) => {
  const at = depths.indexOf(depth);
  return depths.filter((_, index) => Math.abs(index - at) === 1);
};

/** What the choices ask for, in words: "moderate for one person in 10 minutes". */
export const describe = (chosen, { time = true, depth = true } = {}) =>
  [
    depth && chosen.depth ? depthWords[chosen.depth] : "",
    chosen.who ? whoWords[chosen.who] : "",
    time && chosen.time ? `in ${chosen.time} minutes` : "",
  ]
    .filter(Boolean)
    .join(" ") || "that fits";

const list = (words) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0]);

/**
 * The cards for `chosen` (time, depth, who, type; each optional), and when not every choice could
 * be met, a message naming what could not.
 */
export const choose = (cards, chosen) => {
  const exact = cards.filter((card) => fits(card, chosen));
  if (exact.length || (!chosen.time && !chosen.depth)) return { cards: exact, unmet: exact.length ? "" : "none" };
  const nothing = `Nothing ${describe(chosen)}`;
  if (chosen.time) {
    const longer = cards.filter((card) => fits(card, chosen, { time: false })).sort((a, b) => a.duration - b.duration);
    if (longer.length) {
      return { cards: longer, unmet: `${nothing}: here are the shortest ${describe(chosen, { time: false })} ones.` };
    }
  }
  if (chosen.depth) {
    const near = nextDepths(chosen.depth);
    const byDepth = (time) =>
      cards.filter((card) => near.includes(card.difficulty) && fits(card, chosen, { time, depth: false }));
    for (const time of [true, false]) {
      const found = byDepth(time).sort((a, b) => a.duration - b.duration);
      if (!found.length) continue;
      const shown = list([...new Set(found.map((card) => card.difficulty))]);
      const rest = describe(chosen, { time, depth: false });
      return { cards: found, unmet: `${nothing}: here are the ${shown} ones${rest === "that fits" ? "" : " " + rest}.` };
    }
  }
  return { cards: [], unmet: "none" };
};

/** The choices the cards can meet: no "group" without a group card, no time no card fits. */
export const offered = (cards) => ({
  who: new Set(cards.map((card) => card.who)),
  depth: new Set(cards.map((card) => card.difficulty)),
  shortest: Math.min(...cards.map((card) => card.duration)),
  type: new Set(cards.flatMap((card) => card.types)),
});

/** Hides each choice (a select's option or a radio button) that no card can meet. */
export const prune = (form, cards) => {
  const can = offered(cards);
  const choices = [...form.elements].flatMap((control) =>
    control.tagName === "SELECT" ? [...control.options].map((option) => [control.name, option]) : [[control.name, control]],
  );
  choices.forEach(([name, control]) => {
    const value = control.value;
    if (!value || control.type === "submit" || control.type === "reset") return;
    const meetable =
      name === "who" ? can.who.has(value)
      : name === "depth" ? can.depth.has(value)
      : name === "time" ? Number(value) >= can.shortest
      : name === "type" ? can.type.has(value)
      : true;
    const item = control.tagName === "OPTION" ? control : control.closest("label") || control;
    item.hidden = !meetable;
    control.disabled = !meetable;
  });
};

let loading = null;
/** Every card's facts, from the build's exercise-cards.json. */
export const allCards = (url) => {
  loading ??= fetch(url).then((response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  });
  return loading;
};

/** A card as partials/card.mustache shows it, cloned from the theme's <template id="card-template">. */
export const cardElement = (card) => {
  const template = document.getElementById("card-template");
  const item = template.content.firstElementChild.cloneNode(true);
  const fill = (slot, text) => {
    const node = item.querySelector(`[data-slot=${slot}]`);
    if (node) node.textContent = text;
    return node;
  };
  fill("title", card.title).href = card.url;
  fill("time", `${card.duration} min`);
  const depth = fill("depth", card.difficulty);
  depth.classList.add(`difficulty-${card.difficulty}`);
  fill("who", card.whoLabel || card.who);
  fill("summary", card.summary || "");
  Object.assign(item.dataset, {
    difficulty: card.difficulty,
    duration: card.duration,
    who: card.who,
    types: card.types.join(" "),
    drawn: "",
  });
  return item;
};

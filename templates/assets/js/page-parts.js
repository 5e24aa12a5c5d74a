// Small helpers for building and reading a page's parts.

/** An element: h("button", { class: "x", type: "button" }, "Text", child, ...). */
export const h = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === false || value === null || value === undefined) return;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  });
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
};

/** Copies of what a `##` section holds (by its heading's id), up to the next `##`; [] if none. */
export const sectionNodes = (id) => {
  const heading = document.getElementById(id);
  if (!heading || heading.tagName !== "H2") return [];
  const nodes = [];
  for (let node = heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
    nodes.push(node.cloneNode(true));
  }
  return nodes;
};

/** The items of the first list of a `##` section, as text. */
export const sectionItems = (id) => {
  const list = sectionNodes(id).find((node) => node.tagName === "UL" || node.tagName === "OL");
  return list ? [...list.children].map((item) => item.textContent.trim()) : [];
};

/** Keeps Tab and Shift+Tab inside `panel` while it is open. */
export const trapFocus = (panel, event) => {
  if (event.key !== "Tab") return;
  const focusable = [...panel.querySelectorAll("button, a[href], input, [tabindex='0']")].filter(
    (node) => !node.disabled && !node.closest("[hidden]") && node.offsetParent !== null,
  );
  if (!focusable.length) return;
  const first = focusable[0];
  const last = focusable.at(-1);
  if (event.shiftKey && (document.activeElement === first || !panel.contains(document.activeElement))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
};

/** A deck of items drawn one at a time in a shuffled order, none again until all are seen. */
export const shuffledDeck = (items) => {
  let order = [];
  let seen = 0;
  const shuffle = () => {
    order = items.map((_, index) => index);
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
  };
  return {
    size: items.length,
    get seen() {
      return seen;
    },
    draw() {
      if (!order.length) shuffle();
      seen = Math.min(items.length, seen + 1);
      return items[order.pop()];
    },
  };
};

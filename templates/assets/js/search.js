// Search: each query word folded and stemmed as the build does, looked up in the one shard of the
// index that holds it; titles and summaries are fetched only for the results shown. Every word must
// be on a page for it to match; a title or keyword match ranks first; the last word also matches
// the words it begins. A word the index lacks gets "Did you mean …?" from the index's own words.
import { distance, foldedWords, readable, shardOf, stem } from "./words.js";
import { h } from "./page-parts.js";
import { allCards, cardElement } from "./choose.js";

// An empty search shows a few gentle cards beside the sections and the help page: fetched only
// when the empty search is shown, since every card's facts are 165 KB gzipped on 10,000 pages, and
// a query of its own never needs them.
let cardsShown = false;
const fewCards = async () => {
  if (cardsShown) return;
  cardsShown = true;
  const list = document.querySelector("[data-search-cards]");
  if (!list) return;
  const gentle = (await allCards(list.dataset.cards)).filter((card) => card.difficulty === "gentle");
  const picked = gentle.sort(() => Math.random() - 0.5).slice(0, 3);
  list.replaceChildren(...picked.map(cardElement));
};

const describe = (page) => {
  if (page.kind === "exercise") return ["Exercise", page.duration ? `${page.duration} min` : "", page.difficulty || ""].filter(Boolean).join(" · ");
  return page.kind === "section" ? "Section" : page.section || "Article";
};

const positions = (gaps) => {
  let at = 0;
  return gaps.map((gap) => (at += gap));
};

export const start = () => {
  const form = document.querySelector(".search-form");
  if (!form) return;
  const input = form.querySelector("input");
  const results = document.getElementById("search-results");
  const status = document.querySelector(".search-status");
  const empty = document.querySelector("[data-search-start]");
  const noResults = document.querySelector("[data-search-none]");
  const manifestURL = form.dataset.index;
  const folder = manifestURL.replace(/search-index\.json$/, "search/");
  const files = new Map();
  const canonical = new Map();
  let manifest = null;
  const getJSON = (url) => {
    if (!files.has(url)) {
      files.set(url, fetch(url).then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      }));
    }
    return files.get(url);
  };
  const load = () =>
    getJSON(manifestURL).then((index) => {
      if (manifest) return;
      manifest = { ...index, shards: new Set(index.shards) };
      index.synonyms.forEach((group) => {
        const stems = group.flatMap((word) => foldedWords(word).map(stem));
        stems.slice(1).forEach((word) => {
          if (word !== stems[0] && !canonical.has(word)) canonical.set(word, stems[0]);
        });
      });
    });
  const shard = (word) => {
    const name = shardOf(word);
    return manifest.shards.has(name) ? getJSON(`${folder}t-${name}.json`) : Promise.resolve({});
  };
  // The pages of one query word, each scored 10 for a title or keyword match and 1 for the text.
  const pagesOf = async (word, partial) => {
    const words = await shard(word);
    const found = new Map();
    Object.entries(words).forEach(([key, [titled, text]]) => {
      const match = key === word || (partial && (key.startsWith(word) || (key.length >= 4 && word.startsWith(key))));
      if (!match) return;
      positions(text).forEach((page) => found.has(page) || found.set(page, 1));
      positions(titled).forEach((page) => found.set(page, 10));
    });
    return found;
  };
  // The nearest words of the index to a word it lacks, from the shards of its first letter.
  const suggest = async (word) => {
    const first = shardOf([...word][0]);
    const names = [...manifest.shards].filter((name) => name.startsWith(first)).slice(0, 40);
    const shards = await Promise.all(names.map((name) => getJSON(`${folder}t-${name}.json`)));
    // The nearest word; of words as near, the one on the most pages.
    let best = null;
    shards.flatMap(Object.entries).forEach(([key, [titled, text]]) => {
      const d = distance(word, key);
      const pages = titled.length + text.length;
      if (d <= 2 && (!best || d < best.d || (d === best.d && pages > best.pages))) best = { key, d, pages };
    });
    return best && readable(best.key);
  };
  const show = async (query, ranked, missing) => {
    const top = ranked.slice(0, 20);
    const chunks = await Promise.all(top.map(([page]) => getJSON(`${folder}d-${Math.floor(page / manifest.chunk)}.json`)));
    if (input.value.trim() !== query) return;
    results.replaceChildren(
      ...top.map(([page], index) => {
        const record = chunks[index][page % manifest.chunk];
        return h("li", {}, h("a", { href: record.url }, record.title), h("span", { class: "where" }, describe(record)),
          record.summary ? h("p", {}, record.summary) : null);
      }),
    );
    const count = ranked.length === 1 ? "1 page matches." : `${ranked.length} pages match.`;
    status.replaceChildren(ranked.length ? count + (ranked.length > top.length ? ` The first ${top.length} are shown.` : "") : `No pages match “${query}”.`);
    if (noResults) noResults.hidden = ranked.length > 0;
    const better = missing.length ? await Promise.all(missing.map(suggest)) : [];
    if (better.some(Boolean) && input.value.trim() === query) {
      const words = foldedWords(query).map((word) => better[missing.indexOf(canonical.get(stem(word)) || stem(word))] || word);
      const link = h("a", { href: `?q=${encodeURIComponent(words.join(" "))}` }, words.join(" "));
      link.addEventListener("click", (event) => {
        event.preventDefault();
        input.value = words.join(" ");
        render();
      });
      status.append(" Did you mean ", link, "?");
    }
  };
  const render = async () => {
    const query = input.value.trim();
    window.history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : window.location.pathname);
    if (empty) empty.hidden = Boolean(query);
    if (noResults) noResults.hidden = true;
    if (!query) {
      results.replaceChildren();
      status.textContent = "";
      fewCards().catch(() => {});
      return;
    }
    try {
      if (!manifest) {
        status.textContent = "Loading…";
        await load();
      }
      const raw = foldedWords(query);
      const partial = !/\s$/.test(input.value) && raw.length > 0 && raw.at(-1).length >= 2;
      const stems = raw.map((word) => canonical.get(stem(word)) || stem(word));
      const found = await Promise.all(
        stems.map(async (word, index) => {
          if (!(partial && index === stems.length - 1)) return pagesOf(word, false);
          // A word being typed: the words it begins, and its stem's pages.
          const [begun, whole] = await Promise.all([pagesOf(raw[index], true), pagesOf(word, false)]);
          whole.forEach((score, page) => (begun.get(page) ?? 0) < score && begun.set(page, score));
          return begun;
        }),
      );
      if (input.value.trim() !== query) return;
      // A word the index does not hold as written (only words it begins, or none) gets a suggestion.
      const held = await Promise.all(stems.map(async (word) => Boolean((await shard(word))[word])));
      const missing = stems.filter((_, index) => !held[index]);
      const scores = found.reduce((kept, pages) => {
        if (!kept) return pages;
        return new Map([...kept].filter(([page]) => pages.has(page)).map(([page, score]) => [page, score + pages.get(page)]));
      }, null);
      const ranked = [...(scores || new Map())].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      await show(query, ranked, missing);
    } catch {
      status.textContent = "The search index could not be loaded.";
    }
  };
  input.disabled = false;
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", render);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    render();
  });
  const initial = new URLSearchParams(window.location.search).get("q");
  if (initial) input.value = initial;
  render();
};

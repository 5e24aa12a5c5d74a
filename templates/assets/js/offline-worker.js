// The offline worker, loaded by the site's /sw.js, which the reader installs by asking to keep
// pages ("Keep on this phone"). It keeps the pages chosen, the theme's assets and the cards' facts;
// updates fetch only the files whose digest changed; offline, a page that is not kept gets a calm
// page listing the ones that are. It never contacts another host. "Forget this" and the quick exit
// unregister it and delete its caches.
/* global self, caches, clients */
const scope = new URL(self.registration.scope);
const manifestURL = new URL("offline.json", scope).href;
const pagesCache = "hearth-offline-pages";
const keptKey = new URL("__hearth-kept.json", scope).href;

const manifest = async () => (await fetch(manifestURL, { cache: "no-store" })).json();

/** The kept pages, by URL: { digest, title }. */
const kept = async () => {
  const response = await (await caches.open(pagesCache)).match(keptKey);
  return response ? response.json() : {};
};

const remember = async (pages) =>
  (await caches.open(pagesCache)).put(keptKey, new Response(JSON.stringify(pages), { headers: { "content-type": "application/json" } }));

/** Keeps `urls` (and what every page needs); fetches a page only when its digest changed. */
const keep = async (urls) => {
  const index = await manifest();
  const cache = await caches.open(pagesCache);
  const before = await kept();
  const wanted = new Set([...Object.keys(before), ...urls]);
  const pages = {};
  for (const page of index.pages) {
    const url = new URL(page.url, scope).href;
    if (!wanted.has(url)) continue;
    if (before[url]?.digest !== page.digest || !(await cache.match(url))) await cache.add(url);
    pages[url] = { digest: page.digest, title: page.title };
  }
  const shared = [...index.assets, ...index.data].map((path) => new URL(path, scope).href);
  await Promise.all(shared.map((url) => cache.add(url)));
  await remember(pages);
  return Object.keys(pages).length;
};

const offlinePage = async () => {
  const pages = Object.entries(await kept());
  const items = pages.map(([url, page]) => `<li><a href="${url}">${page.title.replace(/</g, "&lt;")}</a></li>`).join("");
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not kept on this phone</title><link rel="stylesheet" href="${new URL("assets/style.css", scope).href}"></head>
<body><main id="main" class="wrap offline-page"><h1>This page isn’t kept on this phone</h1>
<p>You are offline. These pages are kept here and open without a signal:</p><ul>${items}</ul></main></body></html>`,
    { headers: { "content-type": "text/html; charset=utf-8" } },
  );
};

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(clients.claim()));

self.addEventListener("message", (event) => {
  const { keep: urls, id } = event.data || {};
  if (!urls) return;
  event.waitUntil(
    keep(urls)
      .then((count) => event.source.postMessage({ id, kept: count }))
      .catch((error) => event.source.postMessage({ id, error: String(error) })),
  );
});

// The network first, so that an online reader always sees the newest page; the kept copy when
// there is no network; for a page not kept, the offline page.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(
    fetch(request).catch(async () => {
      const cache = await caches.open(pagesCache);
      const found = await cache.match(request, { ignoreSearch: url.pathname.includes("/assets/") });
      if (found) return found;
      if (request.mode === "navigate") return offlinePage();
      return Response.error();
    }),
  );
});

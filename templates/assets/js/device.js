// What the site keeps on this device, and nothing else: every key it writes is named here, so
// that "Forget this" and the quick exit can remove all of it. Nothing here is ever sent anywhere.
export const keys = {
  cards: "hearth-cards", // { url: { title, saved, done, doneOn } }
  paths: "hearth-paths", // { pathURL: { title, at } }: paths in progress, newest last
  seen: "hearth-seen", // session only: the cards Tonight has shown
};

const parse = (text, fallback) => {
  try {
    return JSON.parse(text) ?? fallback;
  } catch {
    return fallback;
  }
};

export const read = (key, fallback = {}) => {
  try {
    return parse(window.localStorage.getItem(key), fallback);
  } catch {
    return fallback; // storage is off (a private window, or blocked)
  }
};

export const write = (key, value) => {
  try {
    if (value && Object.keys(value).length) window.localStorage.setItem(key, JSON.stringify(value));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage is off: marks last for this page only.
  }
};

export const readSession = (key, fallback) => {
  try {
    return parse(window.sessionStorage.getItem(key), fallback);
  } catch {
    return fallback;
  }
};

export const writeSession = (key, value) => {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Nothing to keep: Tonight may repeat a card.
  }
};

/** The marks of every card: saved, done and when. */
export const marks = () => read(keys.cards);

export const setMark = (url, title, name, on) => {
  const all = marks();
  const mark = all[url] || { title };
  mark[name] = on;
  if (name === "done") mark.doneOn = on ? new Date().toISOString().slice(0, 10) : undefined;
  if (!mark.saved && !mark.done) delete all[url];
  else all[url] = mark;
  write(keys.cards, all);
  return mark;
};

/** Removes the offline worker and every page it kept. */
export const forgetOffline = async () => {
  const waits = [];
  if (window.caches) waits.push(caches.keys().then((names) => Promise.all(names.map((name) => caches.delete(name)))));
  if (navigator.serviceWorker) {
    waits.push(
      navigator.serviceWorker.getRegistrations().then((all) => Promise.all(all.map((worker) => worker.unregister()))),
    );
  }
  await Promise.allSettled(waits);
};

/** Removes everything this site stored on the device: storage, caches and the offline worker. */
export const forgetEverything = async () => {
  try {
    window.localStorage.clear();
    window.sessionStorage.clear();
  } catch {
    // Storage is off: nothing was kept.
  }
  await forgetOffline();
};

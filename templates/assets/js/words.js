// Words as the build's search index holds them (Render/SearchWords.swift and the index's shard
// names in Output/SearchIndex.swift): folded for case and accents, stemmed, and filed by their
// first two letters. Tests/gates/words-fixture.json holds both to the same pairs.
export const stem = (word) => {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  const ends = (suffix) => w.length > suffix.length && w.endsWith(suffix);
  if (ends("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (ends("sses")) w = w.slice(0, -2);
  else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) w = w.slice(0, -1);
  for (const suffix of ["ing", "ed"]) {
    if (!ends(suffix) || w.length - suffix.length < 3) continue;
    const stemmed = w.slice(0, -suffix.length);
    if (!/[aeiouy]/.test(stemmed)) break;
    w = stemmed;
    const last = w.at(-1);
    if (w.length > 3 && w.at(-2) === last && !"aeioulsz".includes(last)) w = w.slice(0, -1);
    break;
  }
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
};

export const foldedWords = (text) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The shard a word is in: its first two code points, as the hex of their UTF-8. */
export const shardOf = (word) =>
  [...new TextEncoder().encode([...word].slice(0, 2).join(""))].map((byte) => byte.toString(16).padStart(2, "0")).join("");

/** Levenshtein distance, stopping early past `limit`. */
export const distance = (a, b, limit = 2) => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...row) > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length];
};

/** A stem as a reader would write it: "gentl" -> "gentle", "danc" -> "dance". */
export const readable = (word) => (/(?:[^aeiou][lr]|[vcuz])$/.test(word) && !/(?:ll|rr)$/.test(word) ? `${word}e` : word);

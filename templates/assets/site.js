// Closer — small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Mark the current section in the navigation.
  var here = window.location.pathname;
  document.querySelectorAll(".site-nav a").forEach(function (link) {
    var path = new URL(link.href, window.location.href).pathname;
    if (path !== "/" && here.indexOf(path) === 0) link.setAttribute("aria-current", "page");
  });

  // The finder: time, depth, who and type, read from and written to the address
  // (?time=10&depth=gentle), so that a choice can be bookmarked or shared. A list of one page is
  // filtered in place; a paginated one filters every card, from the facts in exercise-cards.json.
  // Without scripts every card shows, page by page.
  var filters = document.getElementById("filters");
  var list = document.getElementById("exercise-list");
  if (filters && list) {
    var names = ["time", "depth", "who", "type"];
    var status = filters.querySelector(".filter-count");
    var pager = document.querySelector(".pagination");
    var own = Array.prototype.slice.call(list.children).map(function (card) {
      return {
        element: card,
        duration: parseInt(card.getAttribute("data-duration"), 10) || 0,
        difficulty: card.getAttribute("data-difficulty"),
        who: card.getAttribute("data-who"),
        types: (card.getAttribute("data-types") || "").split(" ")
      };
    });
    var all = pager ? null : own;
    var params = new URLSearchParams(window.location.search);
    names.forEach(function (name) {
      var value = params.get(name);
      var select = filters.elements[name];
      if (value && select.querySelector('option[value="' + value.replace(/"/g, "") + '"]')) select.value = value;
    });
    var choice = function () {
      var chosen = {};
      names.forEach(function (name) {
        if (filters.elements[name].value) chosen[name] = filters.elements[name].value;
      });
      return chosen;
    };
    var met = function (card, chosen) {
      var count = 0;
      if (!chosen.time || card.duration <= parseInt(chosen.time, 10)) count += 1;
      if (!chosen.depth || card.difficulty === chosen.depth) count += 1;
      if (!chosen.who || card.who === chosen.who) count += 1;
      if (!chosen.type || card.types.indexOf(chosen.type) >= 0) count += 1;
      return count;
    };
    var element = function (card) {
      if (card.element) return card.element;
      var item = document.createElement("li");
      item.className = "card card-exercise";
      var title = document.createElement("h3");
      title.className = "card-title";
      var link = document.createElement("a");
      link.href = card.url;
      link.textContent = card.title;
      title.appendChild(link);
      var facts = document.createElement("p");
      facts.className = "card-summary";
      facts.textContent = card.duration + " min · " + card.difficulty + " · " + card.who;
      item.appendChild(title);
      item.appendChild(facts);
      card.element = item;
      return item;
    };
    var show = function (cards) {
      while (list.firstChild) list.removeChild(list.firstChild);
      cards.forEach(function (card) {
        list.appendChild(element(card));
      });
    };
    var apply = function () {
      var chosen = choice();
      var query = new URLSearchParams(chosen).toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
      var active = Object.keys(chosen).length;
      if (!active) {
        show(own);
        if (pager) pager.hidden = false;
        status.textContent = "Showing all exercises.";
        return;
      }
      if (!all) {
        status.textContent = "Finding exercises…";
        fetch(filters.getAttribute("data-cards"))
          .then(function (response) {
            return response.json();
          })
          .then(function (cards) {
            all = cards;
            apply();
          })
          .catch(function () {
            status.textContent = "The list of exercises could not be loaded.";
          });
        return;
      }
      if (pager) pager.hidden = true;
      var matching = all.filter(function (card) {
        return met(card, chosen) === 4;
      });
      if (matching.length) {
        show(matching);
        status.textContent =
          matching.length === all.length
            ? "Showing all " + all.length + " exercises."
            : "Showing " + matching.length + " of " + all.length + " exercises.";
        return;
      }
      // Nothing fits every choice: the cards that fit all but one, the closest first.
      var nearest = all
        .filter(function (card) {
          return met(card, chosen) === 3;
        })
        .slice(0, 6);
      show(nearest);
      status.textContent = nearest.length
        ? "No exercise fits all of these. The nearest " + (nearest.length === 1 ? "one fits" : nearest.length + " fit") + " all but one:"
        : "No exercise fits these. Try fewer choices.";
    };
    filters.hidden = false;
    filters.addEventListener("change", apply);
    filters.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    filters.addEventListener("reset", function () {
      window.setTimeout(apply, 0);
    });
    apply();
  }

  // Search: words folded and stemmed as the build does (SearchWords.swift), each looked up in
  // the one shard of the index that holds it; the pages' titles and summaries are fetched only
  // for the results shown. All pages' words must be there for a page to match; a title match
  // ranks first. The last word of the query also matches words it begins.
  var stem = function (word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    var w = word;
    var ends = function (suffix) {
      return w.length > suffix.length && w.slice(-suffix.length) === suffix;
    };
    if (ends("ies") && w.length > 4) w = w.slice(0, -3) + "y";
    else if (ends("sses")) w = w.slice(0, -2);
    else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) w = w.slice(0, -1);
    var suffixes = ["ing", "ed"];
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i];
      if (!ends(suffix) || w.length - suffix.length < 3) continue;
      var stemmed = w.slice(0, -suffix.length);
      if (!/[aeiouy]/.test(stemmed)) break;
      w = stemmed;
      var last = w[w.length - 1];
      if (w.length > 3 && w[w.length - 2] === last && "aeioulsz".indexOf(last) < 0) w = w.slice(0, -1);
      break;
    }
    if (w.length > 4 && w[w.length - 1] === "e") w = w.slice(0, -1);
    return w;
  };
  var foldedWords = function (text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  };
  var form = document.querySelector(".search-form");
  if (form) {
    var input = form.querySelector("input");
    var results = document.getElementById("search-results");
    var status = document.querySelector(".search-status");
    var manifestURL = form.getAttribute("data-index");
    var folder = manifestURL.replace(/search-index\.json$/, "search/");
    var manifest = null;
    var loading = null;
    var canonical = {};
    var files = {};
    var getJSON = function (url) {
      if (!files[url]) {
        files[url] = fetch(url).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        });
      }
      return files[url];
    };
    var load = function () {
      if (!loading) {
        loading = getJSON(manifestURL)
          .then(function (index) {
            manifest = index;
            manifest.shards = new Set(index.shards);
            index.synonyms.forEach(function (group) {
              var stems = [].concat.apply([], group.map(function (word) {
                return foldedWords(word).map(stem);
              }));
              stems.slice(1).forEach(function (word) {
                if (word !== stems[0] && !canonical[word]) canonical[word] = stems[0];
              });
            });
          })
          .catch(function () {
            status.textContent = "The search index could not be loaded.";
          });
      }
      return loading;
    };
    var shardOf = function (word) {
      return Array.from(new TextEncoder().encode(Array.from(word).slice(0, 2).join("")))
        .map(function (byte) {
          return byte.toString(16).padStart(2, "0");
        })
        .join("");
    };
    var numbers = function (gaps) {
      var at = 0;
      return gaps.map(function (gap) {
        at += gap;
        return at;
      });
    };
    // The pages of one query word, each with 10 for a title match or 1 for the text.
    var pagesOf = function (word, partial) {
      var name = shardOf(word);
      if (!manifest.shards.has(name)) return Promise.resolve(new Map());
      return getJSON(folder + "t-" + name + ".json").then(function (shard) {
        var found = new Map();
        Object.keys(shard).forEach(function (key) {
          var match =
            key === word || (partial && (key.indexOf(word) === 0 || (key.length >= 4 && word.indexOf(key) === 0)));
          if (!match) return;
          numbers(shard[key][1]).forEach(function (page) {
            if (!found.has(page)) found.set(page, 1);
          });
          numbers(shard[key][0]).forEach(function (page) {
            found.set(page, 10);
          });
        });
        return found;
      });
    };
    var describe = function (page) {
      if (page.kind === "exercise") {
        return ["Exercise", page.duration ? page.duration + " min" : "", page.difficulty || ""].filter(Boolean).join(" · ");
      }
      if (page.kind === "section") return "Section";
      return page.section || "Article";
    };
    var show = function (query, ranked) {
      var top = ranked.slice(0, 20);
      return Promise.all(
        top.map(function (hit) {
          return getJSON(folder + "d-" + Math.floor(hit[0] / manifest.chunk) + ".json");
        })
      ).then(function (chunks) {
        if (input.value.trim() !== query) return;
        results.textContent = "";
        status.textContent =
          ranked.length === 0
            ? "No pages match “" + query + "”."
            : ranked.length + (ranked.length === 1 ? " page matches." : " pages match.") +
              (ranked.length > top.length ? " The first " + top.length + " are shown." : "");
        top.forEach(function (hit, index) {
          var page = chunks[index][hit[0] % manifest.chunk];
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = page.url;
          link.textContent = page.title;
          item.appendChild(link);
          var where = document.createElement("span");
          where.className = "where";
          where.textContent = describe(page);
          item.appendChild(where);
          if (page.summary) {
            var summary = document.createElement("p");
            summary.textContent = page.summary;
            item.appendChild(summary);
          }
          results.appendChild(item);
        });
      });
    };
    var render = function () {
      var query = input.value.trim();
      if (!query) {
        results.textContent = "";
        status.textContent = "";
        return;
      }
      if (!manifest) {
        status.textContent = "Loading…";
        load().then(function () {
          if (manifest) render();
        });
        return;
      }
      var raw = foldedWords(query);
      var partial = !/\s$/.test(input.value) && raw.length > 0 && raw[raw.length - 1].length >= 2;
      var words = raw.map(function (word, index) {
        var stemmed = stem(word);
        return partial && index === raw.length - 1 ? word : canonical[stemmed] || stemmed;
      });
      Promise.all(
        words.map(function (word, index) {
          var last = partial && index === words.length - 1;
          if (!last) return pagesOf(word, false);
          // A word being typed: the words it begins, and its stem's pages.
          var stemmed = canonical[stem(word)] || stem(word);
          return Promise.all([pagesOf(word, true), pagesOf(stemmed, false)]).then(function (both) {
            both[1].forEach(function (score, page) {
              if (!both[0].has(page) || both[0].get(page) < score) both[0].set(page, score);
            });
            return both[0];
          });
        })
      )
        .then(function (found) {
          if (input.value.trim() !== query) return;
          var scores = found.reduce(function (kept, pages) {
            if (!kept) return pages;
            var next = new Map();
            kept.forEach(function (score, page) {
              if (pages.has(page)) next.set(page, score + pages.get(page));
            });
            return next;
          }, null);
          var ranked = Array.from(scores || new Map()).sort(function (a, b) {
            return b[1] - a[1] || a[0] - b[0];
          });
          return show(query, ranked);
        })
        .catch(function () {
          status.textContent = "The search index could not be loaded.";
        });
    };

    input.disabled = false;
    input.addEventListener("focus", load);
    input.addEventListener("input", render);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      render();
    });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) {
      input.value = initial;
      render();
    }
  }

  // Leaving the help page quickly: the page is emptied at once and replaced in the history, so
  // Back does not return to it. Without scripts the link opens a blank page.
  document.querySelectorAll("[data-quick-exit]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      document.title = "";
      document.body.textContent = "";
      window.location.replace("about:blank");
    });
  });
})();

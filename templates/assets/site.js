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

  // Search: loads the site's search index on first use and ranks by title, then headings, then body.
  var form = document.querySelector(".search-form");
  if (form) {
    var input = form.querySelector("input");
    var results = document.getElementById("search-results");
    var status = document.querySelector(".search-status");
    var index = null;
    var loading = null;

    var load = function () {
      if (!loading) {
        loading = fetch(form.getAttribute("data-index"))
          .then(function (response) {
            return response.json();
          })
          .then(function (pages) {
            index = pages.map(function (page) {
              return {
                page: page,
                title: page.title.toLowerCase(),
                headings: page.headings.join(" ").toLowerCase(),
                body: (page.summary + " " + page.tags.join(" ") + " " + page.body).toLowerCase()
              };
            });
          })
          .catch(function () {
            status.textContent = "The search index could not be loaded.";
          });
      }
      return loading;
    };

    var score = function (entry, terms) {
      var total = 0;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i];
        var s = 0;
        if (entry.title.indexOf(term) >= 0) s += 100;
        if (entry.headings.indexOf(term) >= 0) s += 10;
        if (entry.body.indexOf(term) >= 0) s += 1;
        if (s === 0) return 0;
        total += s;
      }
      return total;
    };

    var render = function () {
      var query = input.value.trim().toLowerCase();
      results.textContent = "";
      if (!query) {
        status.textContent = "";
        return;
      }
      if (!index) {
        status.textContent = "Loading…";
        load().then(render);
        return;
      }
      var terms = query.split(/\s+/);
      var found = index
        .map(function (entry) {
          return { entry: entry, score: score(entry, terms) };
        })
        .filter(function (hit) {
          return hit.score > 0;
        })
        .sort(function (a, b) {
          return b.score - a.score || a.entry.title.localeCompare(b.entry.title);
        })
        .slice(0, 30);
      status.textContent =
        found.length === 0
          ? "No pages match “" + input.value.trim() + "”."
          : found.length + (found.length === 1 ? " page matches." : " pages match.");
      found.forEach(function (hit) {
        var page = hit.entry.page;
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = page.url;
        link.textContent = page.title;
        item.appendChild(link);
        var where = document.createElement("span");
        where.className = "where";
        where.textContent = page.kind === "exercise" ? "Exercise" : page.section;
        item.appendChild(where);
        if (page.summary) {
          var summary = document.createElement("p");
          summary.textContent = page.summary;
          item.appendChild(summary);
        }
        results.appendChild(item);
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

// Closer — small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Mark the current section in the navigation.
  var here = window.location.pathname;
  document.querySelectorAll(".site-nav a").forEach(function (link) {
    var path = new URL(link.href, window.location.href).pathname;
    if (path !== "/" && here.indexOf(path) === 0) link.setAttribute("aria-current", "page");
  });

  // Exercise filters: by type, difficulty and duration. Without JS every card shows.
  var filters = document.getElementById("filters");
  var list = document.getElementById("exercise-list");
  if (filters && list) {
    var cards = Array.prototype.slice.call(list.children);
    var status = filters.querySelector(".filter-count");
    var apply = function () {
      var type = filters.elements.type.value;
      var difficulty = filters.elements.difficulty.value;
      var duration = parseInt(filters.elements.duration.value, 10);
      var shown = 0;
      cards.forEach(function (card) {
        var types = (card.getAttribute("data-types") || "").split(" ");
        var ok =
          (!type || types.indexOf(type) >= 0) &&
          (!difficulty || card.getAttribute("data-difficulty") === difficulty) &&
          (!duration || parseInt(card.getAttribute("data-duration"), 10) <= duration);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent =
        shown === cards.length
          ? "Showing all " + cards.length + " exercises."
          : "Showing " + shown + " of " + cards.length + " exercises.";
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

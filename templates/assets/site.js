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
      // The facts as partials/card.mustache shows them.
      var facts = document.createElement("ul");
      facts.className = "facts";
      facts.setAttribute("aria-label", "About this exercise");
      [
        ["fact fact-time", card.duration + " min"],
        ["fact cap difficulty-" + card.difficulty, card.difficulty],
        ["fact", card.whoLabel || card.who],
      ].forEach(function (fact) {
        var item = document.createElement("li");
        item.className = fact[0];
        item.textContent = fact[1];
        facts.appendChild(item);
      });
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
      // The deck prints the cards of the same choice.
      document.querySelectorAll("[data-deck-link]").forEach(function (link) {
        link.search = query;
      });
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

  // Guided mode: a card's steps one at a time, in large type, each timed step with a countdown
  // (pause, resume, skip) and an optional chime made by the Web Audio API. "If it gets hard" is
  // one tap away, Stop (or Escape) ends it at once. The screen stays awake where the Wake Lock API
  // exists. Everything is on the page: it works offline once loaded, and without scripts the
  // steps are simply the list they are.
  var bar = document.querySelector("[data-guided]");
  var stepsHeading = document.getElementById("steps");
  var stepsList = stepsHeading && stepsHeading.nextElementSibling;
  if (bar && stepsList && stepsList.tagName === "OL" && stepsList.children.length) {
    var steps = Array.prototype.slice.call(stepsList.children);
    var hard = document.getElementById("if-it-gets-hard");
    var title = document.querySelector("h1").textContent;
    var panel = null;
    var at = 0;
    var left = 0;
    var ticking = null;
    var lastSpoken = -1;
    var lock = null;
    var audio = null;
    var el = function (tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    };
    var clock = function (seconds) {
      var m = Math.floor(seconds / 60);
      var s = seconds % 60;
      return m + ":" + (s < 10 ? "0" : "") + s;
    };
    var chime = function () {
      if (!panel || !panel.querySelector(".guided-chime input").checked) return;
      try {
        audio = audio || new (window.AudioContext || window.webkitAudioContext)();
        var tone = audio.createOscillator();
        var gain = audio.createGain();
        tone.type = "sine";
        tone.frequency.value = 528;
        gain.gain.setValueAtTime(0.0001, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.05);
        gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 1.6);
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 1.7);
      } catch (error) {
        // No sound here: the end of the timer is still said and shown.
      }
    };
    var stopTimer = function () {
      if (ticking) window.clearInterval(ticking);
      ticking = null;
    };
    var say = function (text) {
      panel.querySelector(".guided-live").textContent = text;
    };
    var tick = function () {
      left -= 1;
      panel.querySelector(".guided-clock").textContent = clock(Math.max(0, left));
      // Read out at most once a minute, and at the end.
      var minutes = Math.ceil(left / 60);
      if (left > 0 && left % 60 === 0 && minutes !== lastSpoken) {
        lastSpoken = minutes;
        say(minutes + (minutes === 1 ? " minute" : " minutes") + " left");
      }
      if (left <= 0) {
        stopTimer();
        say("Time is up");
        panel.querySelector(".guided-pause").hidden = true;
        panel.querySelector(".guided-skip").hidden = true;
        chime();
      }
    };
    var show = function (index) {
      stopTimer();
      at = index;
      var step = steps[at];
      panel.querySelector(".guided-count").textContent = "Step " + (at + 1) + " of " + steps.length;
      var text = panel.querySelector(".guided-step");
      text.textContent = step.textContent;
      text.focus();
      var seconds = parseInt(step.getAttribute("data-timer"), 10);
      var timer = panel.querySelector(".guided-timer");
      timer.hidden = !seconds;
      left = seconds || 0;
      lastSpoken = -1;
      panel.querySelector(".guided-clock").textContent = clock(left);
      var pause = panel.querySelector(".guided-pause");
      pause.hidden = !seconds;
      pause.textContent = "Pause";
      panel.querySelector(".guided-skip").hidden = !seconds;
      if (seconds) ticking = window.setInterval(tick, 1000);
      panel.querySelector(".guided-back").disabled = at === 0;
      panel.querySelector(".guided-next").textContent = at === steps.length - 1 ? "Finish" : "Next step";
    };
    var stop = function () {
      stopTimer();
      if (lock) lock.release().catch(function () {});
      lock = null;
      if (panel) panel.remove();
      panel = null;
      document.removeEventListener("keydown", keys);
      bar.querySelector(".guided-start").focus();
    };
    var keys = function (event) {
      if (event.key === "Escape") stop();
    };
    var start = function () {
      panel = el("section", "guided");
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-modal", "true");
      panel.setAttribute("aria-label", "Guided: " + title);
      var top = el("div", "guided-top");
      top.appendChild(el("p", "guided-count"));
      var stopButton = el("button", "guided-stop", "Stop");
      stopButton.type = "button";
      stopButton.addEventListener("click", stop);
      top.appendChild(stopButton);
      panel.appendChild(top);
      var text = el("p", "guided-step");
      text.tabIndex = -1;
      panel.appendChild(text);
      var timer = el("div", "guided-timer");
      timer.appendChild(el("p", "guided-clock"));
      var pause = el("button", "guided-pause", "Pause");
      pause.type = "button";
      pause.addEventListener("click", function () {
        if (ticking) {
          stopTimer();
          pause.textContent = "Resume";
          say("Paused");
        } else if (left > 0) {
          ticking = window.setInterval(tick, 1000);
          pause.textContent = "Pause";
          say("Resumed");
        }
      });
      timer.appendChild(pause);
      // Skip ends the countdown and stays on the step, for a couple who are done sooner.
      var skip = el("button", "guided-skip", "Skip the timer");
      skip.type = "button";
      skip.addEventListener("click", function () {
        stopTimer();
        left = 0;
        panel.querySelector(".guided-clock").textContent = clock(0);
        pause.hidden = true;
        skip.hidden = true;
        say("Timer skipped");
        next.focus();
      });
      timer.appendChild(skip);
      var chimeLabel = el("label", "guided-chime");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      chimeLabel.appendChild(box);
      chimeLabel.appendChild(document.createTextNode(" A soft chime at the end"));
      timer.appendChild(chimeLabel);
      panel.appendChild(timer);
      var live = el("p", "guided-live");
      live.setAttribute("aria-live", "polite");
      panel.appendChild(live);
      var nav = el("div", "guided-nav");
      var back = el("button", "guided-back", "Back");
      back.type = "button";
      back.addEventListener("click", function () {
        if (at > 0) show(at - 1);
      });
      var next = el("button", "guided-next", "Next step");
      next.type = "button";
      next.addEventListener("click", function () {
        if (at < steps.length - 1) show(at + 1);
        else stop();
      });
      nav.appendChild(back);
      nav.appendChild(next);
      panel.appendChild(nav);
      if (hard) {
        var help = el("a", "guided-hard", "If it gets hard");
        help.href = "#if-it-gets-hard";
        help.addEventListener("click", stop);
        panel.appendChild(help);
      }
      document.body.appendChild(panel);
      document.addEventListener("keydown", keys);
      if (navigator.wakeLock) {
        navigator.wakeLock.request("screen").then(function (sentinel) {
          lock = sentinel;
        }, function () {});
      }
      show(0);
    };
    bar.hidden = false;
    bar.querySelector(".guided-start").addEventListener("click", start);
  }

  // Saved and done, on this device only (localStorage, one entry: "hearth-cards"), and sending a
  // card's address to a partner with the Web Share API, or by copying it.
  var storeKey = "hearth-cards";
  var readMarks = function () {
    try {
      return JSON.parse(window.localStorage.getItem(storeKey)) || {};
    } catch (error) {
      return {};
    }
  };
  var writeMarks = function (marks) {
    try {
      if (Object.keys(marks).length) window.localStorage.setItem(storeKey, JSON.stringify(marks));
      else window.localStorage.removeItem(storeKey);
    } catch (error) {
      // Storage is off (a private window): marks last for this page only.
    }
  };
  var actions = document.querySelector("[data-card-actions]");
  if (actions) {
    var cardURL = actions.getAttribute("data-url");
    var actionNote = actions.querySelector(".actions-status");
    var paint = function () {
      var mark = readMarks()[cardURL] || {};
      actions.querySelectorAll("[data-mark]").forEach(function (button) {
        button.setAttribute("aria-pressed", mark[button.getAttribute("data-mark")] ? "true" : "false");
      });
    };
    actions.querySelectorAll("[data-mark]").forEach(function (button) {
      button.addEventListener("click", function () {
        var marks = readMarks();
        var mark = marks[cardURL] || { title: actions.getAttribute("data-title") };
        var name = button.getAttribute("data-mark");
        mark[name] = !mark[name];
        if (!mark.saved && !mark.done) delete marks[cardURL];
        else marks[cardURL] = mark;
        writeMarks(marks);
        paint();
        actionNote.textContent = mark[name] ? (name === "saved" ? "Saved on this device." : "Marked as done on this device.") : "";
      });
    });
    actions.querySelector(".share").addEventListener("click", function () {
      var address = new URL(cardURL, window.location.href).href;
      var copied = function () {
        actionNote.textContent = "Link copied: " + address;
      };
      var shown = function () {
        actionNote.textContent = "Copy this link: " + address;
      };
      if (navigator.share) {
        navigator.share({ url: address }).catch(function () {});
      } else if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(address).then(copied, shown);
      } else {
        shown();
      }
    });
    actions.hidden = false;
    paint();
  }
  var yours = document.getElementById("your-cards");
  if (yours) {
    var markedList = yours.querySelector("ul");
    var fill = function () {
      var marks = readMarks();
      var urls = Object.keys(marks);
      yours.hidden = urls.length === 0;
      while (markedList.firstChild) markedList.removeChild(markedList.firstChild);
      urls.forEach(function (address) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = address;
        link.textContent = marks[address].title || address;
        item.appendChild(link);
        var state = [marks[address].saved ? "saved" : "", marks[address].done ? "done" : ""].filter(Boolean);
        item.appendChild(document.createTextNode(" · " + state.join(", ")));
        markedList.appendChild(item);
      });
    };
    yours.querySelector(".forget").addEventListener("click", function () {
      writeMarks({});
      fill();
    });
    fill();
  }

  // The deck's print button: the browser's own print, of the cards the finder shows.
  var printing = document.querySelector("[data-print]");
  if (printing) {
    printing.querySelector("button").addEventListener("click", function () {
      window.print();
    });
    printing.hidden = false;
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

// Guided mode: a card done from "We're ready" to "We did this". Before: the content note, "Not
// tonight if", what to have and the time. Then the steps one at a time, each timer started by a
// tap; "We need a pause" on every step; a question deck drawn one at a time; Reflect one question
// at a time, Afterwards, and the close, which marks the card done on this device and offers the
// next card of its path. The phone's Back button closes it and stays on the card. Without scripts
// the card is simply its sections.
import { setMark } from "./device.js";
import { h, sectionItems, sectionNodes, shuffledDeck, trapFocus } from "./page-parts.js";
import { StepTimer, clock } from "./timer.js";
import { pauseView } from "./guided-pause.js";

const button = (text, onclick, className = "") => h("button", { type: "button", class: className, onclick }, text);

export const start = () => {
  const bar = document.querySelector("[data-guided]");
  const stepsList = document.getElementById("steps")?.nextElementSibling;
  if (!bar || stepsList?.tagName !== "OL" || !stepsList.children.length) return;
  const words = bar.dataset;
  const steps = [...stepsList.children];
  const title = document.querySelector("h1").textContent;
  const questions = sectionItems("questions");
  const reflect = sectionItems("reflect");
  const afterwards = sectionNodes("afterwards");
  let panel = null;
  let body = null;
  let timer = null;
  let lock = null;

  const say = (text) => {
    panel.querySelector(".guided-live").textContent = text;
  };
  // Each screen stops the last one's timer before it makes its own.
  const reset = () => {
    timer?.stop();
    timer = null;
  };
  const screen = (...children) => {
    body.replaceChildren(...children.filter(Boolean));
    (body.querySelector("h2, .guided-step") || body).focus();
  };
  const heading = (text) => h("h2", { class: "guided-heading", tabindex: "-1" }, text);

  const before = () => {
    reset();
    const note = document.querySelector("[data-content-note]");
    const notTonight = sectionNodes("not-tonight-if");
    const materials = document.querySelector(".materials ul");
    screen(
      heading("Before you start"),
      h("p", { class: "guided-time" }, `About ${words.duration} minutes.`),
      note && h("p", { class: "guided-note" }, note.textContent),
      notTonight.length ? h("div", { class: "guided-section" }, h("h3", {}, "Not tonight if"), ...notTonight) : null,
      materials ? h("div", { class: "guided-section" }, h("h3", {}, "You will need"), materials.cloneNode(true)) : null,
      h("div", { class: "guided-nav" }, button(words.ready, () => step(0), "guided-next guided-ready")),
    );
  };

  const timerView = (seconds) => {
    const shown = h("p", { class: "guided-clock", role: "timer" }, clock(seconds));
    const toggle = button("Start the timer", () => {
      if (!timer.running && timer.remaining() > 0) {
        timer.start();
        say("Timer started");
      } else if (timer.running) {
        timer.pause();
        say("Paused");
      }
      paint();
    }, "guided-toggle");
    const less = button("−1 min", () => timer.add(-60), "guided-less");
    const more = button("+1 min", () => timer.add(60), "guided-more");
    const skip = button("Skip the timer", () => {
      timer.skip();
      say("Timer skipped");
      paint();
    }, "guided-skip");
    const paint = () => {
      const left = timer.remaining();
      toggle.textContent = timer.running ? "Pause" : left < seconds && left > 0 ? "Resume" : "Start the timer";
      toggle.hidden = left <= 0;
      skip.hidden = left <= 0;
    };
    timer = new StepTimer(seconds, {
      onTick: (left) => {
        shown.textContent = clock(left);
      },
      onEnd: () => {
        say("Time is up");
        paint();
        chime();
      },
    });
    return h("div", { class: "guided-timer" }, shown, h("div", { class: "guided-timer-buttons" }, toggle, less, more, skip));
  };

  const step = (at) => {
    reset();
    const seconds = Number(steps[at].dataset.timer) || 0;
    const last = at === steps.length - 1;
    const next = () => (last ? (questions.length ? deck() : close(0)) : step(at + 1));
    const view = [
      h("p", { class: "guided-count" }, `Step ${at + 1} of ${steps.length}`),
      h("p", { class: "guided-step", tabindex: "-1" }, steps[at].textContent),
      seconds ? timerView(seconds) : null,
      h(
        "div",
        { class: "guided-nav" },
        button("Back", () => (at ? step(at - 1) : before()), "guided-back"),
        button(last ? "Finish the steps" : "Next step", next, "guided-next"),
      ),
      button(words.pause, pause, "guided-pause-all"),
    ];
    screen(...view);
  };

  // "We need a pause": the timer stops, "If it gets hard" and a slow breath show; "Carry on"
  // returns to the same step, its timer where it was.
  const pause = () => {
    const wasRunning = timer?.running;
    timer?.pause();
    const kept = [...body.childNodes];
    const keptTimer = timer;
    body.replaceChildren(
      pauseView(words.help, () => {
        body.replaceChildren(...kept);
        timer = keptTimer;
        if (wasRunning) timer.start();
        body.querySelector(".guided-step")?.focus();
      }),
    );
    body.querySelector("h2").focus();
  };

  const deck = () => {
    reset();
    const cards = shuffledDeck(questions);
    const question = h("p", { class: "guided-step guided-question", tabindex: "-1" });
    const count = h("p", { class: "guided-count" });
    const draw = () => {
      question.textContent = cards.draw();
      count.textContent = `Question ${cards.seen} of ${cards.size}${cards.seen === cards.size ? " (all drawn)" : ""}`;
      question.focus();
    };
    screen(
      count,
      question,
      h("div", { class: "guided-nav" }, button("Another question", draw, "guided-another"),
        button("We’re done with questions", () => close(0), "guided-next")),
    );
    draw();
  };

  // The close: Reflect one question at a time, then Afterwards, then "We did this".
  const close = (at) => {
    reset();
    if (at < reflect.length) {
      screen(
        h("p", { class: "guided-count" }, `Reflect · ${at + 1} of ${reflect.length}`),
        h("p", { class: "guided-step", tabindex: "-1" }, reflect[at]),
        h("div", { class: "guided-nav" }, button("Next", () => close(at + 1), "guided-next")),
      );
    } else if (at === reflect.length && afterwards.length) {
      screen(heading("Afterwards"), h("div", { class: "guided-section" }, ...afterwards.map((n) => n.cloneNode(true))),
        h("div", { class: "guided-nav" }, button("Next", () => close(at + 1), "guided-next")));
    } else {
      screen(heading("How was it?"), h("div", { class: "guided-nav" }, button(words.did, done, "guided-next guided-did")));
    }
  };

  const done = () => {
    reset();
    const mark = setMark(words.url, title, "done", true);
    document.dispatchEvent(new CustomEvent("hearth:marks"));
    const next = document.querySelector("[data-path-place] .path-next");
    const place = next?.closest("[data-path-place]");
    screen(
      heading("Done"),
      h("p", {}, `Marked as done on this device, ${new Date(mark.doneOn).toLocaleDateString()}.`),
      next ? h("p", {}, h("a", { class: "guided-onward", href: next.getAttribute("href") },
        `Next on ${place.dataset.pathTitle}: ${next.dataset.label} — ${next.textContent.replace("→", "").trim()}`)) : null,
      h("div", { class: "guided-nav" }, button("Back to the card", leave, "guided-next")),
    );
  };

  const chime = () => {
    try {
      const audio = new window.AudioContext();
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 528;
      gain.gain.setValueAtTime(0.0001, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 1.6);
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 1.7);
    } catch {
      // No sound here: the end of the timer is still said and shown.
    }
  };

  const keys = (event) => {
    if (event.key === "Escape") leave();
    else trapFocus(panel, event);
  };
  // Closing goes back through the history entry that opening added, so Back and Stop are one.
  const leave = () => (window.history.state?.guided ? window.history.back() : shut());
  const shut = () => {
    if (!panel) return;
    timer?.stop();
    lock?.release().catch(() => {});
    panel.remove();
    panel = null;
    document.removeEventListener("keydown", keys);
    document.body.classList.remove("guided-open");
    bar.querySelector(".guided-start").focus();
  };
  window.addEventListener("popstate", shut);

  const open = () => {
    body = h("div", { class: "guided-body" });
    panel = h(
      "section",
      { class: "guided", role: "dialog", "aria-modal": "true", "aria-label": `Guided: ${title}` },
      h("div", { class: "guided-top" }, h("p", { class: "guided-title" }, title), button("Stop", leave, "guided-stop")),
      body,
      h("p", { class: "guided-live", "aria-live": "polite" }),
    );
    document.body.append(panel);
    document.body.classList.add("guided-open");
    window.history.pushState({ guided: true }, "");
    document.addEventListener("keydown", keys);
    navigator.wakeLock?.request("screen").then((sentinel) => (lock = sentinel), () => {});
    before();
  };
  bar.hidden = false;
  bar.querySelector(".guided-start").addEventListener("click", open);
};

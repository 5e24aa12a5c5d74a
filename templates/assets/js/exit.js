// The quick exit: the header's link, or Shift pressed three times (each within 5 s of the last;
// typing in a text field never counts). The page is blanked at once, everything the site stored
// on this device is removed, and the destination replaces this page, so Back does not return.
// Without scripts the link simply goes to the destination.
import { forgetEverything } from "./device.js";

const window5s = 5000;

export const leave = async (destination) => {
  document.title = "";
  document.documentElement.replaceChildren(document.createElement("body"));
  // Never wait long: leaving matters more than finishing the clean-up.
  await Promise.race([forgetEverything(), new Promise((resolve) => window.setTimeout(resolve, 400))]);
  window.location.replace(destination);
};

const typing = (target) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

export const start = () => {
  const link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  const destination = link.href;
  const live = document.querySelector("[data-exit-live]");
  link.addEventListener("click", (event) => {
    event.preventDefault();
    leave(destination);
  });
  let presses = 0;
  let last = 0;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Shift" || event.repeat) return;
    if (typing(event.target)) {
      presses = 0;
      return;
    }
    const now = Date.now();
    presses = now - last <= window5s ? presses + 1 : 1;
    last = now;
    if (presses >= 3) {
      leave(destination);
      return;
    }
    if (live) live.textContent = `Shift, press ${3 - presses} more ${3 - presses === 1 ? "time" : "times"} to leave`;
  });
};

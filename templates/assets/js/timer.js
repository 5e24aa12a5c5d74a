// A step's timer: started by a tap, never by itself; computed from the clock (an end time), so a
// frozen or hidden tab loses nothing; it can gain or lose a minute, pause, resume and skip.
export const clock = (seconds) => {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
};

export class StepTimer {
  constructor(seconds, { onTick, onEnd }) {
    this.left = seconds; // seconds left while not running
    this.endsAt = null; // the clock time it ends at while running
    this.onTick = onTick;
    this.onEnd = onEnd;
    this.ticking = null;
  }

  get running() {
    return this.endsAt !== null;
  }

  remaining() {
    return this.running ? Math.max(0, (this.endsAt - Date.now()) / 1000) : this.left;
  }

  start() {
    if (this.running || this.left <= 0) return;
    this.endsAt = Date.now() + this.left * 1000;
    this.ticking = window.setInterval(() => this.tick(), 250);
    this.tick();
  }

  pause() {
    if (!this.running) return;
    this.left = this.remaining();
    this.endsAt = null;
    window.clearInterval(this.ticking);
    this.onTick(this.left);
  }

  /** Adds `seconds` (negative to take away), never below zero. */
  add(seconds) {
    if (this.running) this.endsAt = Math.max(Date.now(), this.endsAt + seconds * 1000);
    else this.left = Math.max(0, this.left + seconds);
    this.tick();
  }

  skip() {
    this.pause();
    this.left = 0;
    this.onTick(0);
  }

  stop() {
    window.clearInterval(this.ticking);
    this.endsAt = null;
  }

  tick() {
    const left = this.remaining();
    this.onTick(left);
    if (this.running && left <= 0) {
      this.stop();
      this.left = 0;
      this.onEnd();
    }
  }
}

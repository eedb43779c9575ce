/**
 * A countdown shown in whole seconds, from a number of milliseconds left when a view
 * arrived. One timer per page; a new view replaces the deadline.
 */
export interface Countdown {
  /** Start (or move) the deadline: `ms` from now; undefined stops and hides it. */
  set(ms: number | undefined): void;
  /** Seconds left, rounded up; 0 when stopped or run out. */
  seconds(): number;
  stop(): void;
}

export function countdown(node: HTMLElement, format: (s: number) => string, onZero?: () => void): Countdown {
  let deadline: number | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let fired = false;
  const left = () => (deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - performance.now()) / 1000)));
  const draw = () => {
    const s = left();
    node.textContent = format(s);
    node.classList.toggle('urgent', s <= 5);
    if (s === 0 && deadline !== undefined) {
      clearInterval(timer);
      timer = undefined;
      if (!fired) {
        fired = true;
        onZero?.();
      }
    }
  };
  return {
    set(ms) {
      clearInterval(timer);
      timer = undefined;
      if (ms === undefined) {
        deadline = undefined;
        node.hidden = true;
        return;
      }
      deadline = performance.now() + ms;
      fired = false;
      node.hidden = false;
      draw();
      timer = setInterval(draw, 250);
    },
    seconds: left,
    stop() {
      clearInterval(timer);
      timer = undefined;
      deadline = undefined;
    },
  };
}

/**
 * A page's current screen: built when the kind of screen changes (the old one disposed),
 * and given every new view, aged to now. The host and join pages each keep one.
 */
import type { HostView, TraineeView } from '../server/protocol.js';
import { aged } from './aged.js';
import { moveTo } from './dom.js';

export interface Screen<V> {
  readonly root: HTMLElement;
  update(view: V): void;
  /** Stop timers when the screen goes away. */
  dispose?(): void;
}

export class Screens<K extends string, V extends HostView | TraineeView> {
  private current?: { kind: K; s?: Screen<V> };

  constructor(
    private readonly app: HTMLElement,
    private readonly make: (kind: K) => HTMLElement | Screen<V>,
  ) {}

  get kind(): K | undefined {
    return this.current?.kind;
  }

  /** Build the screen again on the next show (its content depends on more than the view). */
  reset(): void {
    this.current?.s?.dispose?.();
    this.current = undefined;
  }

  show(kind: K, view: V | undefined, viewAt: number): void {
    if (this.current?.kind !== kind) {
      this.reset();
      const made = this.make(kind);
      this.current = { kind, ...(made instanceof HTMLElement ? {} : { s: made }) };
      moveTo(this.app, made instanceof HTMLElement ? made : made.root);
    }
    if (this.current.s && view) this.current.s.update(aged(view, performance.now() - viewAt));
  }
}

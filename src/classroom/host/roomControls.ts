/**
 * The trainer's room controls, on every room screen: lock the room, approve joiners, close the
 * vote once everyone has voted, show the split live; and the people in the room, with Admit for
 * those waiting, Rename and Remove. A <details> panel (Enter or Space opens it), open by itself
 * while someone waits to be let in. Each switch is a button with aria-pressed.
 */
import type { HostView, ParticipantView } from '../../server/protocol.js';
import type { RoomSettings } from '../../engine/classroom/controls.js';
import { announce } from '../notices.js';
import { button, el, fill } from '../dom.js';
import { t } from '../text.js';
import type { HostContext } from './context.js';
import { people, type PeopleActions } from './people.js';

const SWITCHES = ['locked', 'approval', 'autoClose', 'showLive', 'ownWords'] as const;

export function peopleActions(ctx: HostContext): PeopleActions {
  return {
    remove: (p, ban) => void ctx.act({ type: 'remove', id: p.id, ...(ban ? { ban } : {}) }),
    rename: (p, name) => void ctx.act({ type: 'rename', id: p.id, name }),
    admit: (p) => void ctx.act({ type: 'admit', id: p.id }),
  };
}

export class RoomControls {
  readonly root: HTMLDetailsElement;
  private readonly summary = el('summary', { class: 'room-controls-summary', key: 'room-controls' });
  private readonly switches = el('div', { class: 'switches', attrs: { role: 'group' } });
  private readonly list = el('div', { class: 'room-controls-people' });
  private waitingBefore = 0;
  private openedForWaiting = false;
  /** Where the page was scrolled when the controls opened. */
  private scrolledFrom: number | null = null;
  /** Ends the document listener with the screen that holds these controls (`dispose`). */
  private readonly listening = new AbortController();

  /** `withPeople`: also list the people (the lobby lists them itself). */
  constructor(
    private readonly ctx: HostContext,
    private readonly withPeople = true,
  ) {
    this.root = el('details', { class: 'room-controls' }, this.summary, el('div', { class: 'room-controls-body' }, this.switches, withPeople ? this.list : null));
    // Opened by the trainer at the foot of a full screen: brought into view (not when a joiner waiting opened it).
    this.root.addEventListener('toggle', () => {
      if (this.root.open) {
        this.scrolledFrom = window.scrollY;
        if (!this.openedForWaiting) this.root.scrollIntoView({ block: 'nearest' });
      } else if (this.scrolledFrom !== null) {
        // Closed again: the page as it was (on the projector the lobby fits the screen; the top bar shows again).
        window.scrollTo({ top: this.scrolledFrom });
        this.scrolledFrom = null;
      }
      this.openedForWaiting = false;
    });
    // Esc closes them, with the focus back on their heading (not while a dialog is open: Esc is the dialog's).
    // On the document (the focus may be on the page itself), once per controls, until disposed.
    document.addEventListener('keydown', (e) => this.escape(e), { signal: this.listening.signal });
  }

  /** The screen is going away: its controls stop listening to the document. */
  dispose(): void {
    this.listening.abort();
  }

  private escape(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.root.open || !this.root.isConnected || document.querySelector('dialog[open]')) return;
    const at = document.activeElement;
    if (at && at !== document.body && !this.root.contains(at)) return;
    e.preventDefault();
    this.root.open = false;
    this.summary.focus();
  }

  update(view: HostView): void {
    const waiting = view.participants.filter((p) => p.waiting);
    this.summary.textContent = waiting.length ? t('controls.headingWaiting', { count: waiting.length }) : t('controls.heading');
    if (waiting.length > this.waitingBefore) {
      this.openedForWaiting = !this.root.open;
      this.root.open = true;
      announce(t('controls.waitingNow', { name: waiting.at(-1)!.name, count: waiting.length }));
    }
    this.waitingBefore = waiting.length;
    this.switches.setAttribute('aria-label', t('controls.heading'));
    const busy = this.ctx.busy();
    fill(
      this.switches,
      SWITCHES.filter((k) => (view.mode === 'vote' ? k !== 'ownWords' : k !== 'autoClose' && k !== 'showLive')).map((k) => this.toggle(k, view.settings, busy)),
    );
    if (this.withPeople) fill(this.list, ordered(view.participants).length ? people(ordered(view.participants), peopleActions(this.ctx)) : el('p', { class: 'muted' }, t('lobby.nobody')));
  }

  private toggle(k: (typeof SWITCHES)[number], s: RoomSettings, busy: boolean): HTMLElement {
    const on = s[k];
    return el(
      'div',
      { class: 'switch-row' },
      button(t(`controls.${k}`), () => void this.ctx.act({ type: 'settings', settings: { [k]: !on } }), {
        key: `setting-${k}`,
        class: `switch${on ? ' switch--on' : ''}`,
        pressed: on,
        disabled: busy,
        attrs: { 'aria-describedby': `setting-${k}-help` },
      }),
      el('span', { class: 'help', attrs: { id: `setting-${k}-help` } }, t(`controls.${k}Help`)),
    );
  }
}

/** Waiting trainees first (they need the trainer), then the rest as they joined. */
const ordered = (list: readonly ParticipantView[]) => [...list.filter((p) => p.waiting), ...list.filter((p) => !p.waiting)];

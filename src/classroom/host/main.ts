/**
 * /host: the trainer's page on the projector. It picks the screen from where the trainer is
 * (choosing a scenario, past sessions, a room) and, in a room, from the server's view of it;
 * every (re)connect attaches again with the room's host token and redraws.
 */
import type { LocalizedText } from '../../engine/text.js';
import type { HostAction, HostView, RoomSummary, ScenarioInfo } from '../../server/protocol.js';
import { Connection, linkIndicator } from '../connection.js';
import { button, byId, el, fill } from '../dom.js';
import { Screens } from '../screens.js';
import { VOTE_SECONDS } from '../limits.js';
import { clearError, showError } from '../notices.js';
import { forgetHostToken, hostToken, saveHostToken, saveTrainerKey, trainerKey } from '../prefs.js';
import { applyTheme, projectorTools } from './projector.js';
import { confirmButton } from './confirm.js';
import { seriesPanel } from './series.js';
import { initLanguage, languageSwitch, t, txt } from '../text.js';
import { BoardScreen } from './board.js';
import type { HostContext, HostScreen } from './context.js';
import { DebriefScreen } from './debrief.js';
import { exportLinks } from './exports.js';
import { LobbyScreen } from './lobby.js';
import { pastScreen } from './past.js';
import { startScreen, type StartChoice } from './start.js';
import { VoteScreen } from './voteView.js';

type Page = 'loading' | 'denied' | 'start' | 'past' | 'room' | 'claim' | 'gone';
type Kind = Exclude<Page, 'room'> | 'lobby' | 'vote' | 'debrief' | 'board' | 'ended';

/** The trainer key from `#key=…`: kept in localStorage and taken out of the address bar. */
function takeKey(): string | undefined {
  const m = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (m) {
    const key = decodeURIComponent(m[1]!);
    saveTrainerKey(key);
    history.replaceState(history.state, '', location.pathname + location.search);
    return key;
  }
  return trainerKey();
}

const roomFromUrl = () => new URLSearchParams(location.search).get('room')?.toUpperCase().replace(/[^A-Z0-9]/g, '') || undefined;

class HostApp implements HostContext {
  private page: Page = 'loading';
  private code = roomFromUrl();
  private view?: HostView;
  /** When the view arrived (its times count from then). */
  private viewAt = 0;
  private library?: ScenarioInfo[];
  private joinBase?: string;
  private loopbackOnly = false;
  private rooms?: RoomSummary[];
  private pending = false;
  private awaitingView = false;
  private readonly choice: StartChoice = { mode: 'vote', voteSeconds: VOTE_SECONDS.default, ownWords: false };
  /** Reply texts seen while the class played, by "turn:choice" (for the debrief). */
  private readonly replies = new Map<string, LocalizedText>();
  private readonly app = byId('app');
  private readonly screens = new Screens<Kind, HostView>(this.app, (k) => this.make(k));
  private readonly conn: Connection;

  constructor(private readonly trainer: string | undefined) {
    const indicate = linkIndicator(byId('conn'), (s) => t(s === 'connecting' ? 'link.connecting' : 'link.reconnecting'));
    this.conn = new Connection({
      auth: trainer ? { key: trainer } : {},
      onConnect: () => void this.connected(),
      onState: indicate,
      onRefused: (error) => showError({ error, message: '' }),
    });
    this.conn.on('view.host', (v) => this.onView(v));
    languageSwitch(byId('lang'), () => {
      projectorTools(byId('projector'));
      this.redraw();
    });
    projectorTools(byId('projector'));
    this.render();
  }

  // ---- HostContext ----

  key(): string | undefined {
    return this.trainer;
  }

  scenarios(): ScenarioInfo[] {
    return this.library ?? [];
  }

  busy(): boolean {
    return this.pending || this.awaitingView;
  }

  joinUrl(code: string): string {
    const base = this.joinBase ?? `${location.origin}/`;
    return new URL(`join?code=${encodeURIComponent(code)}`, base.endsWith('/') ? base : `${base}/`).href;
  }

  joinIsLocal(): boolean {
    return !this.joinBase && /^(localhost|127(\.\d+){3}|\[::1\])$/.test(location.hostname);
  }

  joinUnreachable(): boolean {
    return this.loopbackOnly;
  }

  async act(action: HostAction): Promise<boolean> {
    const token = this.code && hostToken(this.code);
    if (this.pending || !this.code || !token) return false;
    this.pending = true;
    this.render();
    // Sent once: an action such as "advance" must not be applied twice.
    const r = await this.conn.request('host.act', { code: this.code, hostToken: token, action }, { tries: 1, timeoutMs: 8000 });
    this.pending = false;
    if (!r.ok) {
      showError(r);
      if (r.error === 'timeout') void this.attach();
      if (r.error === 'not-host') {
        // Taken over from another browser: this one may take it back.
        forgetHostToken(this.code);
        this.page = 'claim';
      }
      this.render();
      return false;
    }
    clearError();
    // Its result arrives as a view a moment later: keep the buttons quiet until then.
    this.awaitingView = true;
    setTimeout(() => {
      if (!this.awaitingView) return;
      this.awaitingView = false;
      this.render();
    }, 2000);
    this.render();
    return true;
  }

  newSession(): void {
    this.code = undefined;
    this.view = undefined;
    history.replaceState(history.state, '', location.pathname);
    this.page = this.library ? 'start' : 'loading';
    if (!this.library) void this.loadLibrary();
    this.render();
  }

  // ---- talking to the server ----

  private async connected(): Promise<void> {
    if (this.code) {
      await this.attach();
      if (!this.library) void this.loadLibrary(true);
    } else if (this.page === 'past') await this.loadPast();
    else if (!this.library) await this.loadLibrary();
  }

  private onView(v: HostView): void {
    // A screen whose room was taken over may still be sent views: it is no longer the host.
    if (v.code !== this.code || this.page === 'claim') return;
    this.awaitingView = false;
    this.setView(v);
  }

  private setView(v: HostView): void {
    // A new scenario of the session: its decisions count from 1 again.
    if (v.series?.n !== this.view?.series?.n) this.replies.clear();
    this.view = v;
    this.viewAt = performance.now();
    this.page = 'room';
    const now = v.vote?.now;
    if (now) for (const c of now.choices) this.replies.set(`${now.turn}:${c.choice}`, c.text);
    this.render();
  }

  private async loadLibrary(quiet = false): Promise<void> {
    const r = await this.conn.request<{ scenarios: ScenarioInfo[]; joinBase?: string; loopbackOnly?: boolean }>('library.list', { key: this.trainer });
    if (!r.ok) {
      if (quiet) return;
      if (r.error === 'not-trainer') this.page = 'denied';
      else showError(r);
      this.render();
      return;
    }
    const baseChanged = r.joinBase !== this.joinBase || !!r.loopbackOnly !== this.loopbackOnly;
    this.library = r.scenarios;
    this.joinBase = r.joinBase;
    this.loopbackOnly = !!r.loopbackOnly;
    if (this.page === 'loading') this.page = 'start';
    if (baseChanged && this.screens.kind === 'lobby') this.screens.reset();
    this.render();
  }

  private async loadPast(): Promise<void> {
    const r = await this.conn.request<{ rooms: RoomSummary[] }>('room.list', { key: this.trainer });
    if (!r.ok) {
      if (r.error === 'not-trainer') this.page = 'denied';
      showError(r);
    } else this.rooms = r.rooms;
    // The list is drawn once: draw it again with the rooms.
    if (this.screens.kind === 'past') this.screens.reset();
    this.render();
  }

  private async attach(): Promise<void> {
    const code = this.code;
    if (!code) return;
    const token = hostToken(code);
    if (!token) {
      this.page = 'claim';
      this.render();
      return;
    }
    const r = await this.conn.request<{ view: HostView }>('host.attach', { code, hostToken: token });
    if (code !== this.code) return;
    if (r.ok) return this.setView(r.view);
    if (r.error === 'not-host') {
      forgetHostToken(code);
      this.page = 'claim';
    } else if (r.error === 'no-room') this.page = 'gone'; // the token stays: a restarted server may bring the room back
    else showError(r);
    this.render();
  }

  private async claim(): Promise<void> {
    const code = this.code;
    if (!code) return;
    const r = await this.conn.request<{ code: string; hostToken: string; view: HostView }>('host.claim', { key: this.trainer, code }, { tries: 1, timeoutMs: 8000 });
    if (!r.ok) {
      if (r.error === 'no-room') this.page = 'gone';
      showError(r);
      this.render();
      return;
    }
    saveHostToken(r.code, r.hostToken);
    clearError();
    this.setView(r.view);
  }

  private async create(c: Required<StartChoice>): Promise<void> {
    if (this.pending) return;
    this.pending = true;
    const r = await this.conn.request<{ code: string; hostToken: string; view: HostView }>(
      'room.create',
      { key: this.trainer, scenario: c.scenario, mode: c.mode, voteSeconds: c.voteSeconds, ...(c.mode === 'solo' && c.ownWords ? { ownWords: true } : {}) },
      { tries: 1, timeoutMs: 8000 },
    );
    this.pending = false;
    if (!r.ok) return showError(r);
    clearError();
    saveHostToken(r.code, r.hostToken);
    this.openRoom(r.code, r.view);
  }

  private openRoom(code: string, view?: HostView): void {
    this.code = code;
    this.view = undefined;
    this.replies.clear();
    history.replaceState(history.state, '', `${location.pathname}?room=${encodeURIComponent(code)}`);
    if (view) this.setView(view);
    else {
      this.page = 'loading';
      this.render();
      void this.attach();
    }
  }

  // ---- drawing ----

  private kind(): Kind {
    if (this.page !== 'room') return this.page;
    const v = this.view!;
    if (v.phase === 'lobby') return 'lobby';
    if (v.mode === 'solo') return 'board';
    if (v.vote?.debrief) return 'debrief';
    return v.phase === 'ended' || !v.vote ? 'ended' : 'vote';
  }

  /** Language changed: build every screen again. */
  private redraw(): void {
    this.screens.reset();
    this.render();
  }

  private render(): void {
    this.screens.show(this.kind(), this.view, this.viewAt);
    this.topbar();
  }

  private make(kind: Kind): HTMLElement | HostScreen {
    switch (kind) {
      case 'loading':
        return el('p', { class: 'loading' }, t('loading'));
      case 'denied':
        return message(t('denied.heading'), t('denied.text'));
      case 'start':
        return startScreen({
          scenarios: this.library ?? [],
          choice: this.choice,
          onCreate: (c) => void this.create(c),
          onPast: () => {
            this.page = 'past';
            this.rooms = undefined;
            this.render();
            void this.loadPast();
          },
        });
      case 'past':
        return pastScreen({
          rooms: this.rooms,
          key: this.trainer,
          onBack: () => this.newSession(),
          onOpen: (code) => this.openRoom(code),
        });
      case 'claim':
        return message(t('claim.heading', { code: this.code }), t('claim.text'), [
          button(t('claim.take'), () => void this.claim(), { key: 'claim', class: 'btn btn--primary' }),
          button(t('room.newSession'), () => this.newSession(), { key: 'new-session', class: 'btn btn--secondary' }),
        ]);
      case 'gone':
        return message(t('gone.heading', { code: this.code }), t('gone.text'), [
          button(t('room.newSession'), () => this.newSession(), { key: 'new-session', class: 'btn btn--primary' }),
        ]);
      case 'lobby':
        return new LobbyScreen(this, this.view!);
      case 'vote':
        return new VoteScreen(this);
      case 'debrief':
        return new DebriefScreen(this, (turn, choice) => this.replies.get(`${turn}:${choice}`));
      case 'board':
        return new BoardScreen(this);
      case 'ended':
        return message(t('ended.heading'), t('ended.text'), [
          seriesPanel(this, this.view!, true),
          exportLinks(this.code!, this.trainer),
          button(t('room.newSession'), () => this.newSession(), { key: 'new-session', class: 'btn btn--secondary' }),
        ]);
    }
  }

  private topbar(): void {
    const chip = byId('room-chip');
    const v = this.page === 'room' ? this.view : undefined;
    document.title = v ? `${v.code} · ${t('title.host')}` : t('title.host');
    byId('brand').textContent = t('brand');
    if (!v) {
      this.chipKey = '';
      return fill(chip);
    }
    // A class still in the room (playing, or joined and waiting for Start): leaving it asks once more
    // (play-test: one click left a live vote with nobody hosting; Past sessions brings the room back).
    const live = v.phase === 'playing' || (v.phase === 'lobby' && v.participants.length > 0);
    // Drawn again only when what it shows changes: redrawn at every update (votes coming in), the
    // button lost its first click.
    const key = [document.documentElement.lang, v.code, txt(v.scenario.title), v.phase === 'lobby' ? '' : v.participants.length, live].join('|');
    if (key === this.chipKey) return;
    this.chipKey = key;
    fill(
      chip,
      el('span', { class: 'chip-code mono' }, v.code),
      el('span', { class: 'chip-title' }, txt(v.scenario.title)),
      v.phase !== 'lobby' ? el('span', { class: 'chip-people' }, t('room.people', { count: v.participants.length })) : null,
      live
        ? Object.assign(confirmButton(t('room.newSession'), t('room.leaveLive'), () => this.newSession(), 'top-new'), { className: 'link-btn' })
        : button(t('room.newSession'), () => this.newSession(), { key: 'top-new', class: 'link-btn' }),
    );
  }

  /** What the top bar's room chip shows now (it is drawn again only when that changes). */
  private chipKey = '';
}

function message(heading: string, text: string, actions: HTMLElement[] = []): HTMLElement {
  return el('section', { class: 'screen message' }, el('h1', null, heading), el('p', { class: 'lead' }, text), el('div', { class: 'actions' }, actions));
}

async function boot(): Promise<void> {
  applyTheme();
  await initLanguage();
  new HostApp(takeKey());
}

void boot();

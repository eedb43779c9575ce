/**
 * /join: a trainee's phone. Join with the room code and a nickname (the token is kept so a
 * reload or a dropped connection attaches again), then follow the class vote or play one's
 * own customer. Votes and replies are sent with their sequence number and retried unchanged.
 */
import { normalizeRoomCode } from '../../engine/classroom/code.js';
import type { ClassView, TraineeView } from '../../server/protocol.js';
import { Connection, linkIndicator } from '../connection.js';
import { button, byId, el, fill } from '../dom.js';
import { Screens } from '../screens.js';
import { clearError, showError, showNews } from '../notices.js';
import { forgetJoinKey, forgetTrainee, joinKey, lastCode, lastNickname, saveCoached, saveTrainee, trainee } from '../prefs.js';
import { initLanguage, languageSwitch, t } from '../text.js';
import type { JoinContext, JoinScreen, SayAnswer } from './context.js';
import { joinForm } from './form.js';
import { SoloPhone } from './solo.js';
import { VotePhone } from './vote.js';
import { LobbyPhone, VoteEndedPhone } from './waiting.js';

type Kind = 'form' | 'loading' | 'removed' | 'waiting' | 'lobby' | 'vote' | 'vote-ended' | 'solo';

/** Which scenario of the trainer's session a view is of (1-based). */
const stageOf = (v: TraineeView) => v.series?.n ?? 1;

class JoinApp implements JoinContext {
  private code?: string;
  private view?: TraineeView;
  /** When the view arrived (its times count from then). */
  private viewAt = 0;
  private page: 'form' | 'loading' | 'room' | 'removed' = 'form';
  private vote_?: { turn: number; choice: number; seq: number; sending: boolean };
  private choose_?: { turn: number; choice: number; seq: number };
  private readonly seenTurns = new Set<number>();
  private lastSeq = 0;

  /** Sequence numbers only grow, even if the phone's clock steps back or two taps share a millisecond. */
  private nextSeq(): number {
    this.lastSeq = Math.max(this.lastSeq + 1, Date.now());
    return this.lastSeq;
  }

  /** Forget what belonged to the last room or identity (votes, seen decisions, sends in flight). */
  private resetIdentity(): void {
    this.known.clear();
    this.seenTurns.clear();
    this.vote_ = undefined;
    this.choose_ = undefined;
  }

  /** This trainee's vote per decision, as the server last confirmed it. */
  private readonly known = new Map<number, number>();
  private readonly timedOut = new Set<number>();
  private coachedTurn = -1;
  /**
   * Which scenario of the session (1-based) the turn numbers above belong to: a session of
   * several scenarios starts each at turn 1 again, so everything kept by turn is dropped when
   * the next one begins (a vote, a decision seen or timed out, coaching read).
   */
  private stage = 1;
  private readonly draft = { code: '', nickname: lastNickname() ?? '' };
  private readonly app = byId('app');
  private readonly screens = new Screens<Kind, TraineeView>(this.app, (k) => this.make(k));
  private readonly conn: Connection;

  /** The socket opens at once; what it brings is handled once the page's language has loaded. */
  constructor(language: Promise<unknown>) {
    const fromUrl = normalizeRoomCode(new URLSearchParams(location.search).get('code') ?? '');
    const remembered = lastCode();
    // A reload (or the QR link again) with a token for that room attaches straight away.
    this.code = fromUrl ?? (remembered && trainee(remembered) ? remembered : undefined);
    if (this.code && trainee(this.code)) this.page = 'loading';
    this.draft.code = this.code ?? '';
    const indicate = linkIndicator(byId('conn'), (s) => t(s === 'connecting' ? 'link.connecting' : 'link.reconnecting'));
    const later = (f: () => void) => void language.then(f);
    this.conn = new Connection({
      onConnect: () => later(() => void this.attach()),
      onState: (s) => later(() => indicate(s)),
      onRefused: (error) => later(() => showError({ error, message: '' })),
    });
    this.conn.on('view.trainee', (v) => later(() => v.code === this.code && this.setView(v)));
    later(() => {
      languageSwitch(byId('lang'), () => {
        this.screens.reset();
        this.render();
      });
      this.render();
    });
  }

  // ---- JoinContext ----

  vote(turn: number, choice: number): void {
    const me = this.code && trainee(this.code);
    if (!me || !this.code) return;
    // The sequence number is fixed at the tap: retries resend it, and the server counts it once.
    const v = { turn, choice, seq: this.nextSeq(), sending: true };
    this.vote_ = v;
    this.render();
    void this.conn.request('trainee.vote', { code: this.code, token: me.token, turn, choice, seq: v.seq }).then((r) => {
      if (this.vote_ !== v) return;
      if (r.ok) {
        v.sending = false;
        this.known.set(turn, choice);
        clearError();
      } else if (r.error === 'closed' && this.closeLocally(turn)) {
        // The vote closed by itself once everyone had voted (the class hears of that with the
        // reveal): the screen now says so, and the vote that counted is the one kept.
        this.vote_ = undefined;
      } else {
        this.vote_ = undefined;
        showError(r);
      }
      this.render();
    });
  }

  /** The shown vote on `turn` is still open here but the server has closed it: show it closed. */
  private closeLocally(turn: number): boolean {
    const v = this.view;
    const round = v?.vote?.round;
    if (!v?.vote || round?.turn !== turn || round.status !== 'open') return false;
    const { paused: _, live: __, ...rest } = round;
    const mine = this.known.get(turn) ?? rest.mine;
    this.view = { ...v, vote: { ...v.vote, round: { ...rest, status: 'closed', remainingMs: 0, ...(mine !== undefined ? { mine } : {}) } } };
    return true;
  }

  myVote(turn: number): { choice: number; sending: boolean } | undefined {
    const v = this.vote_;
    return v && v.turn === turn ? { choice: v.choice, sending: v.sending } : undefined;
  }

  choose(turn: number, choice: number): void {
    const me = this.code && trainee(this.code);
    if (!me || !this.code || this.choose_) return;
    const c = { turn, choice, seq: this.nextSeq() };
    this.choose_ = c;
    this.render();
    void this.conn.request('trainee.choose', { code: this.code, token: me.token, turn, choice, seq: c.seq }).then((r) => {
      if (this.choose_ !== c) return;
      // Success: the new view (with this turn's coaching) follows; keep the buttons off till then.
      if (!r.ok) {
        this.choose_ = undefined;
        showError(r);
        this.render();
      } else {
        clearError();
        // Normally the view arrives at once; if not, ask for it rather than wait with the buttons off.
        setTimeout(() => {
          if (this.choose_ !== c) return;
          this.choose_ = undefined;
          void this.attach();
        }, 3000);
      }
    });
  }

  choosing(): { turn: number; choice: number } | undefined {
    return this.choose_;
  }

  async say(turn: number, text: string): Promise<SayAnswer> {
    const me = this.code && trainee(this.code);
    if (!me || !this.code) return { ok: false, error: 'unknown', message: 'you are not in an open room with that code: join again' };
    // The server may take seconds to read it (a language model, when one is set up); a repeat waits for that same reading.
    const r = (await this.conn.request('trainee.say', { code: this.code, token: me.token, turn, text, seq: this.nextSeq() }, { timeoutMs: 10_000 })) as SayAnswer;
    if (r.ok) clearError();
    else if (!r.notice) showError(r);
    return r;
  }

  timeout(turn: number): void {
    const me = this.code && trainee(this.code);
    if (!me || !this.code || this.timedOut.has(turn) || turn < 0) return;
    this.timedOut.add(turn);
    void this.conn.request('trainee.timeout', { code: this.code, token: me.token, turn }).then((r) => {
      if (!r.ok && r.error !== 'too-early') showError(r);
    });
  }

  /** A timed decision is on screen: the server starts its clock (once per decision). */
  seen(turn: number): void {
    const me = this.code && trainee(this.code);
    if (!me || !this.code || this.seenTurns.has(turn)) return;
    this.seenTurns.add(turn);
    void this.conn.request('trainee.seen', { code: this.code, token: me.token, turn });
  }

  coached(turn: number): void {
    this.coachedTurn = Math.max(this.coachedTurn, turn);
    if (this.code) saveCoached(this.code, this.coachedTurn, this.stage);
    this.render();
  }

  coachedUpTo(): number {
    return this.coachedTurn;
  }

  // ---- talking to the server ----

  private async attach(): Promise<void> {
    const code = this.code;
    const me = code && trainee(code);
    if (!code || !me) return;
    const r = await this.conn.request<{ code: string; view: TraineeView }>('trainee.attach', { code, token: me.token });
    if (code !== this.code) return;
    if (r.ok) {
      // Coaching read on this phone before a reload counts only in the same scenario of the session.
      const stage = stageOf(r.view);
      if (this.view === undefined) this.stage = stage;
      if ((me.coachedStage ?? 1) === stage) this.coachedTurn = Math.max(this.coachedTurn, me.coached ?? -1);
      return this.setView(r.view);
    }
    // The room does not know this token: forget it. A room not found may only be moving to
    // another server process (or one restarting): keep the token, joining again tries it first.
    if (r.error === 'unknown') forgetTrainee(code);
    if (r.error === 'unknown' || r.error === 'no-room') {
      this.page = 'form';
      this.view = undefined;
    }
    showError(r);
    this.render();
  }

  private async join(code: string, nickname: string): Promise<void> {
    clearError();
    const saved = trainee(code);
    if (saved) {
      // Already in that room on this phone: attach instead of joining twice.
      this.code = code;
      await this.attach();
      if (this.page === 'room') return;
    }
    // The join key makes a repeat harmless: the server answers it with the same trainee.
    const key = joinKey(code);
    const r = await this.conn.request<{ token: string; code: string; view: TraineeView }>('trainee.join', { code, nickname, key }, { timeoutMs: 8000 });
    if (!r.ok) {
      if (r.error !== 'timeout') forgetJoinKey(code);
      return showError(r);
    }
    forgetJoinKey(code);
    saveTrainee(r.code, r.token, r.view.name ?? nickname);
    this.resetIdentity();
    this.code = r.code;
    this.coachedTurn = -1;
    this.stage = stageOf(r.view);
    this.timedOut.clear();
    history.replaceState(history.state, '', `${location.pathname}?code=${encodeURIComponent(r.code)}`);
    this.setView(r.view);
  }

  private leave(): void {
    if (this.code) forgetTrainee(this.code);
    this.view = undefined;
    this.page = 'form';
    this.render();
  }

  private setView(sent: TraineeView | ClassView): void {
    // While the class plays, the view sent to the whole class leaves out the scenario's card,
    // which the phone keeps from the views addressed to it (join, attach) and the lobby's.
    const scenario = sent.scenario ?? this.view?.scenario;
    if (!scenario && !sent.removed) return;
    let v = { ...sent, scenario } as TraineeView;
    if (v.removed) {
      // The trainer took this trainee out: the token no longer works.
      if (this.code) forgetTrainee(this.code);
      this.resetIdentity();
      this.draft.nickname = '';
      this.view = undefined;
      this.page = 'removed';
      this.render();
      return;
    }
    // The next scenario of the session: its turns count from 1 again.
    if (stageOf(v) !== this.stage) {
      this.stage = stageOf(v);
      this.known.clear();
      this.seenTurns.clear();
      this.timedOut.clear();
      this.coachedTurn = -1;
      this.vote_ = undefined;
      this.choose_ = undefined;
    }
    // The class-vote view goes to the whole class at once: it carries neither this trainee's
    // name nor their vote, which the phone keeps from the views addressed to it.
    if (v.name === undefined && this.view?.name !== undefined) v = { ...v, name: this.view.name };
    // Renamed by the trainer (play-test: the phone just showed another name): said so.
    else if (v.name && this.view?.name && v.name !== this.view.name && this.view.code === v.code) showNews(t('phone.renamed', { name: v.name }));
    const round = v.vote?.round;
    if (round?.mine !== undefined) this.known.set(round.turn, round.mine);
    else if (round && this.known.has(round.turn)) v = { ...v, vote: { ...v.vote!, round: { ...round, mine: this.known.get(round.turn)! } } };
    this.view = v;
    this.viewAt = performance.now();
    this.page = 'room';
    // A reply is settled once the view shows the turn moved on.
    if (this.choose_ && (v.solo?.now.turn ?? 0) > this.choose_.turn) this.choose_ = undefined;
    if (this.choose_ && v.phase !== 'playing') this.choose_ = undefined;
    if (this.vote_ && v.vote?.round?.turn !== this.vote_.turn) this.vote_ = undefined;
    this.render();
  }

  // ---- drawing ----

  private kind(): Kind {
    if (this.page !== 'room' || !this.view) return this.page === 'room' ? 'loading' : this.page;
    const v = this.view;
    if (v.waiting) return 'waiting';
    if (v.phase === 'lobby') return 'lobby';
    if (v.mode === 'solo') return 'solo';
    return v.phase === 'ended' || !v.vote || v.vote.debrief ? 'vote-ended' : 'vote';
  }

  private render(): void {
    this.screens.show(this.kind(), this.view, this.viewAt);
    this.topbar();
  }

  private make(kind: Kind): HTMLElement | JoinScreen {
    switch (kind) {
      case 'form':
        return joinForm({ draft: this.draft, onJoin: (c, n) => this.join(c, n) });
      case 'loading':
        return el('p', { class: 'loading' }, t('loading'));
      case 'removed':
        return el(
          'section',
          { class: 'screen phone removed-phone' },
          el('h1', null, t('phone.removed')),
          el('p', null, t('phone.removedText')),
          button(t('phone.joinAgain'), () => this.leave(), { key: 'join-again', class: 'btn btn--primary btn--big btn--block' }),
        );
      case 'waiting':
        return el(
          'section',
          { class: 'screen phone waiting-phone' },
          el('h1', null, t('phone.welcome', { name: this.view?.name ?? '' })),
          el('p', { class: 'waiting-note', attrs: { role: 'status' } }, el('span', { class: 'pulse', attrs: { 'aria-hidden': 'true' } }), t('phone.approval')),
        );
      case 'lobby':
        return new LobbyPhone();
      case 'vote':
        return new VotePhone(this);
      case 'vote-ended':
        return new VoteEndedPhone();
      case 'solo':
        return new SoloPhone(this);
    }
  }

  private topbar(): void {
    document.title = t('title.join');
    byId('brand').textContent = t('brand');
    const v = this.page === 'room' ? this.view : undefined;
    const chip = byId('room-chip');
    if (!v) return fill(chip);
    fill(
      chip,
      el('span', { class: 'chip-code mono' }, v.code),
      el('span', { class: 'chip-title' }, v.name),
      v.phase === 'ended' ? button(t('phone.leave'), () => this.leave(), { key: 'leave', class: 'link-btn' }) : null,
    );
  }
}

new JoinApp(initLanguage());

/**
 * The lobby on the projector: the room code large enough to read from the back row, the
 * join link and its QR code, everyone who has joined so far, and Start.
 */
import type { HostView } from '../../server/protocol.js';
import { button, el, fill } from '../dom.js';
import { announce } from '../notices.js';
import { qrCanvas } from '../qr.js';
import { t, txt } from '../text.js';
import type { HostContext, HostScreen } from './context.js';
import { people } from './people.js';
import { peopleActions, RoomControls } from './roomControls.js';
import { seriesPanel } from './series.js';

export class LobbyScreen implements HostScreen {
  readonly root: HTMLElement;
  private readonly list = el('div', { class: 'lobby-people-list' });
  private readonly count = el('h2', { class: 'lobby-count' });
  private readonly actions = el('div', { class: 'lobby-actions' });
  private readonly controls: RoomControls;
  private readonly series = el('div', { class: 'lobby-series' });
  private joined = -1;

  constructor(
    private readonly ctx: HostContext,
    view: HostView,
  ) {
    const url = ctx.joinUrl(view.code);
    const shownUrl = url.replace(/^https?:\/\//, '');
    this.controls = new RoomControls(ctx, false);
    this.root = el(
      'section',
      { class: 'screen lobby' },
      el(
        'div',
        { class: 'lobby-join' },
        el('h1', { class: 'lobby-heading' }, t('lobby.heading')),
        el('p', { class: 'lobby-scenario' }, txt(view.scenario.title), ' · ', t(`mode.${view.mode}`)),
        el('p', { class: 'code-label', attrs: { id: 'code-label' } }, t('lobby.code')),
        el('p', { class: 'room-code', attrs: { 'aria-labelledby': 'code-label', 'data-code': view.code } }, el('span', { attrs: { 'aria-hidden': 'true' } }, view.code), el('span', { class: 'visually-hidden' }, view.code.split('').join(' '))),
        el('p', { class: 'code-label' }, t('lobby.link')),
        el('p', { class: 'join-link' }, el('a', { attrs: { href: url, target: '_blank', rel: 'noopener' } }, shownUrl)),
        ctx.joinIsLocal() && !ctx.joinUnreachable() ? el('p', { class: 'hint hint--warn' }, t('lobby.localHint')) : null,
      ),
      // Listening on loopback only (`--host 127.0.0.1`): no phone reaches the server, so no QR code to scan in vain;
      // in its place, what to do about it.
      ctx.joinUnreachable()
        ? el(
            'div',
            { class: 'lobby-qr hint hint--warn hint--unreachable', attrs: { role: 'note' } },
            el('p', { class: 'unreachable-title' }, t('lobby.unreachableTitle')),
            el('p', null, t('lobby.unreachable'), ' ', el('code', null, 'npm start'), ' ', t('lobby.unreachableOr'), ' ', el('code', null, '--host 0.0.0.0'), t('lobby.unreachableEnd')),
          )
        : el('div', { class: 'lobby-qr' }, qrCanvas(url, t('lobby.qrLabel', { url })), el('p', { class: 'qr-caption' }, t('lobby.scan'))),
      el('div', { class: 'lobby-people' }, this.count, this.list, this.controls.root),
      this.series,
      this.actions,
    );
  }

  update(view: HostView): void {
    const n = view.participants.length;
    // Those waiting to be let in are not in yet (play-test: "6 have joined" with 2 of them waiting).
    const waiting = view.participants.filter((p) => p.waiting).length;
    this.count.textContent = t('lobby.joined', { count: n - waiting }) + (waiting ? t('lobby.waitingToo', { count: waiting }) : '');
    const list = [...view.participants.filter((p) => p.waiting), ...view.participants.filter((p) => !p.waiting)];
    fill(this.list, n ? people(list, peopleActions(this.ctx)) : el('p', { class: 'muted waiting' }, t('lobby.nobody')));
    this.controls.update(view);
    fill(this.series, view.series ? seriesPanel(this.ctx, view, false) : null);
    // The next scenario's lobby: the running leaderboard gets a column of its own beside the join card (classroom.css).
    this.root.classList.toggle('lobby--series', !!view.series);
    if (n !== this.joined && this.joined >= 0 && n > this.joined) announce(t('lobby.joinedNow', { name: view.participants.at(-1)?.name ?? '', count: n - waiting }));
    this.joined = n;
    fill(
      this.actions,
      el('p', { class: 'help' }, t(view.mode === 'vote' ? 'lobby.startVote' : 'lobby.startSolo')),
      button(t('lobby.start'), () => void this.ctx.act({ type: 'start' }), { key: 'start', class: 'btn btn--primary btn--big', disabled: this.ctx.busy() }),
    );
  }

  dispose(): void {
    this.controls.dispose();
  }
}

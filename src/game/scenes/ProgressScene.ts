/**
 * My progress, over the scene that opened it (the scenario list): how many plays, how many
 * scenarios, the average; what to work on next, with a button that starts a scenario training
 * it; a chart per category over the latest plays (after three); and every principle that came
 * up, weakest first, with how often it was honoured and broken and its trend. Every figure is
 * the engine's progress report over the saved plays; plays saved before their tally existed
 * (a version-1 save) are tallied here first, a slice per frame. Scrolls by wheel, drag, the
 * arrow keys and Page Up / Down; Escape, Back or P return to where it was opened from.
 */
import { CHART_PLAYS, MIN_PLAYS_FOR_CHART, progressReport, tallyAttempt, type ProgressReport, type Trend } from '../../engine/progress/index.js';
import { pick } from '../../engine/text.js';
import type { Library } from '../../platform/library.js';
import { drawCategoryChart } from '../progress/chart.js';
import { drawPrincipleRow } from '../progress/principleRow.js';
import { drawSuggestion } from '../progress/suggestion.js';
import type { Button } from '../ui/button.js';
import { FocusGroup } from '../ui/focus.js';
import { onKeys } from '../ui/keys.js';
import { enableScroll } from '../ui/scroll.js';
import { COLORS } from '../ui/theme.js';
import { BaseScene } from './BaseScene.js';

export interface ProgressData {
  /** The scene to return to (paused under this one). */
  from: string;
}

/** What the page shows, for tests (window.dojo.progress). */
export interface ProgressSnapshot {
  plays: number;
  counted: number;
  skipped: number;
  scenarios: number;
  average: number | null;
  /** The category charts are drawn (three plays or more). */
  charts: boolean;
  categories: Record<string, (number | null)[]>;
  principles: { id: string; honoured: number; broken: number; trend: Trend }[];
  weakest: string | null;
  suggestion: { scenario: string; principle: string | null } | null;
}

declare module '../services.js' {
  interface DojoSnapshot {
    /** On the progress page: the figures it shows. */
    progress?: ProgressSnapshot;
  }
}

/** How long one frame may spend tallying old plays before drawing the loader again. */
const TALLY_SLICE_MS = 24;

export class ProgressScene extends BaseScene<ProgressData> {
  /** Height of the fixed bar at the top. */
  private barH = 0;

  constructor() {
    super('Progress');
  }

  create(): void {
    const { w, h, svc } = this;
    // Opaque: the list below must not show through.
    this.add.rectangle(0, 0, w, h, 0xeef1f5, 1).setOrigin(0).setInteractive().setScrollFactor(0).setDepth(-2);
    const loading = this.text(w / 2, h / 2, this.t('loading'), { size: 24, color: COLORS.inkSoft }).setOrigin(0.5);
    this.withLibrary((lib) => {
      svc.progress.tallyWith((a) => tallyAttempt(lib, a));
      const here = this.thisStart();
      const total = svc.progress.toTally;
      let told = performance.now();
      // Old plays are replayed once, a slice per frame, so a long history never freezes the page.
      const step = () => {
        if (!here()) return;
        const left = svc.progress.backfill(TALLY_SLICE_MS);
        if (left > 0) {
          // The share done, now and then: every new text is a frame to draw.
          if (performance.now() - told > 300) {
            told = performance.now();
            loading.setText(`${this.t('loading')} ${Math.round((100 * (total - left)) / total)}%`);
          }
          this.time.delayedCall(0, step);
          return;
        }
        loading.destroy();
        this.build(lib);
      };
      step();
    });
  }

  private build(lib: Library): void {
    const { w, svc, portrait } = this;
    // Larger on a phone, where the canvas is drawn at about half size.
    const k = portrait ? 1.4 : 1;
    const locale = svc.locale();
    const save = svc.progress.save;
    const r = progressReport(save.attempts, lib, save.best);
    const name = (id: string) => {
      const p = lib.catalog.get(id);
      return p ? pick(p.name, locale) : id;
    };
    const pw = Math.min(1200, w - 48);
    const x0 = (w - pw) / 2;
    const spoken: string[] = [this.t('progress.title')];
    // A bar fixed at the top with the title and Back; the page scrolls under it.
    this.barH = 96 * k;
    this.add.rectangle(0, 0, w, this.barH, 0xeef1f5, 1).setOrigin(0).setScrollFactor(0).setDepth(4).setInteractive();
    this.add.rectangle(0, this.barH - 2, w, 2, 0xd5d9e0, 1).setOrigin(0).setScrollFactor(0).setDepth(4);
    this.text(w / 2, this.barH / 2, this.t('progress.title'), { size: Math.round(30 * k), bold: true, align: 'center' }).setOrigin(0.5).setScrollFactor(0).setDepth(5);
    const bw = portrait ? 150 : 140;
    const back = this.button(x0 + bw / 2, this.barH / 2, this.t('common.back'), { width: bw, size: Math.round(20 * k) }, () => this.close());
    back.setScrollFactor(0).setDepth(5);
    let y = this.barH + 20;

    if (r.plays === 0) {
      y = this.card(x0, y, pw, this.t('progress.emptyTitle'), this.t('progress.empty'), k, spoken) + 20;
    } else {
      y = this.overview(r, x0, y, pw, k, spoken) + 20;
    }
    const play = r.suggestion ? drawSuggestion(this, { report: r, suggestion: r.suggestion, lib, name, box: { x: x0, y, w: pw }, scale: k, onPlay: (id) => this.playNext(id) }) : null;
    if (play) spoken.push(...play.spoken);
    if (play) y = play.bottom + 28;

    const charts = r.counted >= MIN_PLAYS_FOR_CHART;
    if (r.plays > 0 && !charts) {
      y = this.card(x0, y, pw, null, this.t('progress.chartsSoon', { n: r.counted }), k, spoken) + 28;
    } else if (charts) {
      const slots = Math.min(CHART_PLAYS, r.counted);
      const head = this.t('progress.charts', { count: slots });
      spoken.push(head);
      y += this.text(x0, y, head, { size: Math.round(24 * k), bold: true, width: pw }).height + 12;
      const cols = portrait ? 2 : 3;
      const cw = (pw - (cols - 1) * 16) / cols;
      const ch = (portrait ? 210 : 180) * k;
      r.categories.forEach((c, i) => {
        const box = { x: x0 + (i % cols) * (cw + 16), y: y + Math.floor(i / cols) * (ch + 16), w: cw, h: ch };
        spoken.push(drawCategoryChart(this, c, box, slots, k));
      });
      y += Math.ceil(r.categories.length / cols) * (ch + 16) + 12;
    }

    if (r.principles.length) {
      const head = this.t('progress.principles');
      spoken.push(head);
      y += this.text(x0, y, head, { size: Math.round(24 * k), bold: true, width: pw }).height + 4;
      y += this.text(x0, y, this.t('progress.legend'), { size: Math.round(16 * k), color: COLORS.inkSoft, width: pw }).height + 12;
      const cols = portrait ? 1 : 2;
      const cw = (pw - (cols - 1) * 16) / cols;
      for (let i = 0; i < r.principles.length; i += cols) {
        let rowH = 0;
        r.principles.slice(i, i + cols).forEach((p, j) => {
          const row = drawPrincipleRow(this, p, name(p.id), { x: x0 + j * (cw + 16), y, w: cw }, k);
          rowH = Math.max(rowH, row.height);
          spoken.push(row.spoken);
        });
        y += rowH + 12;
      }
    }

    const buttons = [...(play ? [play.button] : []), back];
    this.keys(y + 24, buttons);
    svc.live.say(spoken);
    this.publish({
      choices: buttons.map((b) => b.label.text),
      progress: {
        plays: r.plays,
        counted: r.counted,
        skipped: r.skipped,
        scenarios: r.scenarios,
        average: r.average,
        charts,
        categories: Object.fromEntries(r.categories.map((c) => [c.id, c.scores])),
        principles: r.principles.map((p) => ({ id: p.id, honoured: p.honoured, broken: p.broken, trend: p.trend })),
        weakest: r.weakest,
        suggestion: r.suggestion && { scenario: r.suggestion.scenario, principle: r.suggestion.principle },
      },
    });
  }

  /** Plays, scenarios tried and the average, as three tiles; then any plays that could not be read. */
  private overview(r: ProgressReport, x0: number, y: number, pw: number, k: number, spoken: string[]): number {
    const tiles = [
      [this.t('progress.plays'), String(r.plays)],
      [this.t('progress.scenarios'), String(r.scenarios)],
      [this.t('progress.average'), r.average === null ? '—' : String(r.average)],
    ] as const;
    const tw = (pw - 32) / 3;
    const th = 118 * k;
    const g = this.add.graphics();
    tiles.forEach(([label, value], i) => {
      const x = x0 + i * (tw + 16);
      g.fillStyle(0xffffff, 1).fillRoundedRect(x, y, tw, th, 14);
      this.text(x + tw / 2, y + 10 * k, value, { size: Math.round(44 * k), bold: true, align: 'center' }).setOrigin(0.5, 0);
      this.text(x + tw / 2, y + th - 10 * k, label, { size: Math.round(17 * k), color: COLORS.inkSoft, align: 'center', width: tw - 16 }).setOrigin(0.5, 1);
      spoken.push(`${label}: ${value}`);
    });
    y += th;
    if (r.skipped) {
      const note = this.t('progress.skipped', { count: r.skipped });
      spoken.push(note);
      y += 10 + this.text(x0, y + 10, note, { size: Math.round(16 * k), color: COLORS.inkSoft, width: pw }).height;
    }
    return y;
  }

  /** A white card with an optional heading and a paragraph; returns its bottom. */
  private card(x: number, y: number, w: number, head: string | null, body: string, k: number, spoken: string[]): number {
    const g = this.add.graphics();
    let ty = y + 16;
    if (head) ty += this.text(x + 20, ty, head, { size: Math.round(24 * k), bold: true, width: w - 40 }).setDepth(1).height + 8;
    ty += this.text(x + 20, ty, body, { size: Math.round(18 * k), width: w - 40 }).setDepth(1).height;
    g.fillStyle(0xffffff, 1).fillRoundedRect(x, y, w, ty + 16 - y, 14);
    spoken.push(...(head ? [head] : []), body);
    return ty + 16;
  }

  /** Arrows scroll the page (they do not move between the two buttons); Tab and Shift+Tab do, keeping the focused one in view. */
  private keys(bottom: number, buttons: Button[]): void {
    const cam = this.cameras.main;
    enableScroll(this, bottom, (clamp, e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      // Registered before the focus group's listener: it never sees an arrow meant for scrolling.
      e.stopImmediatePropagation();
      e.preventDefault();
      cam.scrollY = clamp(cam.scrollY + (e.key === 'ArrowDown' ? 80 : -80));
    });
    const focus = new FocusGroup(this, { onEscape: () => this.close() });
    focus.set(buttons, true);
    onKeys(this, (e) => {
      if (e.key === 'p' || e.key === 'P') return this.close();
      const b = focus.current;
      if (e.key !== 'Tab' || !b || b.scrollFactorY === 0) return;
      const max = Math.max(0, bottom - this.h);
      if (b.y - b.h / 2 < cam.scrollY + this.barH || b.y + b.h / 2 > cam.scrollY + this.h) cam.scrollY = Math.min(max, Math.max(0, b.y - this.h / 2));
    });
  }

  private playNext(scenario: string): void {
    this.publish({ progress: undefined });
    this.scene.stop(this.args.from);
    this.fadeTo('Play', { scenario, seed: Date.now() % 100000 });
  }

  private close(): void {
    this.svc.audio.play('ui-back');
    this.publish({ progress: undefined });
    this.scene.stop();
    this.scene.resume(this.args.from);
  }
}

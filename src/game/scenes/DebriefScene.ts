/**
 * Debrief: overall score and grade, the outcome, category bars, the service-type quadrant
 * (file 001 §1.2.2) with the trainee's position, and a turn-by-turn replay against the model
 * reply. Every figure is the engine's debrief; the scene only draws it.
 */
import type Phaser from 'phaser';
import { creditedApart, creditedLineOf } from '../../engine/scoring/credited.js';
import { CATEGORY_IDS } from '../../engine/vocabulary.js';
import { OUTCOME_SCORE, type Scenario } from '../../engine/scenario/model.js';
import type { Outcome } from '../../engine/scenario/schema.js';
import type { Catalog } from '../../engine/catalog/catalog.js';
import { QUALITY_LINE, SERVICE_REGIONS, TYPE_LINE, type BrokenPrinciple, type Debrief, type Quadrant } from '../../engine/scoring/debrief.js';
import { creditFor, type SessionState } from '../../engine/session/session.js';
import { readableSources } from '../../engine/sources.js';
import { mistakeLabel } from '../mistakeLabel.js';
import { pick, signed } from '../../engine/text.js';
import type { Button } from '../ui/button.js';
import { FocusGroup } from '../ui/focus.js';
import { enableScroll } from '../ui/scroll.js';
import { COLORS } from '../ui/theme.js';
import { BaseScene } from './BaseScene.js';
import { modelReplyText } from '../play/modelReply.js';

/** A turn tried again for practice: its score never replaces the first answer's. */
export interface PracticeRecord {
  /** The turn (1-based). */
  turn: number;
  first: number;
  score: number;
  /** The reply taken in practice (−1: none before the time ran out); for a typed one, the reply it was read as. */
  choice: number;
  /** What the trainee typed in practice, in their own words. */
  typed?: string;
}

interface DebriefData {
  scenario: string;
  seed: number;
  debrief: Debrief;
  state: SessionState;
  practice?: PracticeRecord[];
}

/** How long the overall score takes to count up. */
const COUNT_UP_MS = 900;

export class DebriefScene extends BaseScene<DebriefData> {
  constructor() {
    super('Debrief');
  }

  create(): void {
    this.svc.progress.finish();
    this.backdrop(null, 0, '#eef1f5');
    this.fadeIn();
    this.svc.audio.ambient(null);
    this.withLibrary((lib) => {
      const scenario = lib.find(this.args.scenario);
      if (!scenario) return this.scene.start('Select');
      const all = lib.all();
      const i = all.indexOf(scenario);
      this.build(scenario, all[(i + 1) % all.length]!, lib.catalog);
    });
  }

  /** Sizes on a phone: the portrait canvas is drawn at about half size, so text and rows grow by 1.3. */
  private z = (n: number): number => Math.round(n * (this.portrait ? 1.3 : 1));

  private build(s: Scenario, next: Scenario, catalog: Catalog): void {
    const { w, portrait, svc } = this;
    const z = this.z;
    const d = this.args.debrief;
    const locale = svc.locale();
    const name = (id: string) => {
      const n = catalog.get(id)?.name;
      return n ? pick(n, locale) : id;
    };
    const mistake = (m: BrokenPrinciple) => mistakeLabel((k, v) => this.t(k, v), name(m.id), m);
    const heading = this.text(w / 2, 24, `${this.t('debrief.heading')} · ${pick(s.title, locale)}`, { size: z(30), bold: true, align: 'center', width: w - 40 }).setOrigin(0.5, 0);

    // Score, grade and outcome.
    const colW = portrait ? w - 40 : (w - 80) / 3;
    const x1 = 20;
    const top = Math.max(90, 24 + heading.height + 12);
    const card = (x: number, y: number, cw: number, ch: number) => this.add.graphics().fillStyle(0xffffff, 1).fillRoundedRect(x, y, cw, ch, 14);
    card(x1, top, colW, z(260));
    this.text(x1 + colW / 2, top + z(16), this.t('debrief.overall'), { size: z(22), color: COLORS.inkSoft, align: 'center' }).setOrigin(0.5, 0);
    const overall = this.text(x1 + colW / 2, top + z(40), String(d.overall), { size: z(76), bold: true, align: 'center' }).setOrigin(0.5, 0);
    this.countUp(overall, d.overall);
    const gradeColour = d.grade === 'S' || d.grade === 'A' ? COLORS.good : d.grade === 'D' ? COLORS.bad : COLORS.ink;
    this.text(x1 + colW / 2, top + z(136), `${this.t('debrief.grade')} ${d.grade} · ${this.t(`grades.${d.grade}`)}`, { size: z(24), bold: true, align: 'center', color: gradeColour }).setOrigin(0.5, 0);
    const good = d.outcome === 'won-back' || d.outcome === 'resolved';
    this.text(x1 + colW / 2, top + z(172), `${this.t('debrief.outcome')}: ${this.t(`outcomes.${d.outcome}`)}`, {
      size: z(22),
      bold: true,
      align: 'center',
      color: good ? COLORS.good : COLORS.bad,
    }).setOrigin(0.5, 0);
    // Two lines when it is long (a negative decision score says how it counts): inside the card either way.
    this.text(x1 + colW / 2, top + z(206), this.mixLine(d), { size: z(16), align: 'center', color: COLORS.inkSoft, width: colW - 28 }).setOrigin(0.5, 0);

    // Category bars.
    const x2 = portrait ? 20 : x1 + colW + 20;
    const y2 = portrait ? top + z(280) : top;
    card(x2, y2, colW, z(260));
    this.text(x2 + 16, y2 + z(12), this.t('debrief.categories'), { size: z(22), bold: true });
    const bars = this.add.graphics();
    CATEGORY_IDS.forEach((c, i) => {
      const y = y2 + z(52) + i * z(34);
      const v = d.categories[c];
      this.text(x2 + 16, y, this.t(`categories.${c}`), { size: z(17), color: COLORS.ink });
      const bx = x2 + colW * 0.56;
      const bw = colW * 0.44 - 64;
      bars.fillStyle(0xdfe3ea, 1).fillRoundedRect(bx, y + z(8), bw, z(14), 7);
      if (v !== null) bars.fillStyle(v >= 70 ? COLORS.goodFill : v >= 40 ? COLORS.warnFill : COLORS.badFill, 1).fillRoundedRect(bx, y + z(8), Math.max(14, (bw * v) / 100), z(14), 7);
      this.text(x2 + colW - 16, y, v === null ? '—' : String(v), { size: z(18), bold: true }).setOrigin(1, 0);
    });

    // The four service types: soft service across, hard service up.
    const x3 = portrait ? 20 : x2 + colW + 20;
    const y3 = portrait ? y2 + z(280) : top;
    card(x3, y3, colW, z(260));
    this.text(x3 + 16, y3 + z(12), this.t('debrief.quadrant'), { size: z(22), bold: true });
    this.drawQuadrant(x3 + 16, y3 + z(76), colW - 32, z(160), d);

    // What happened, in the scenario's words.
    let y = (portrait ? y3 + z(280) : top + z(280)) + 10;
    const summary = s.endings[d.ending]?.summary;
    if (summary) {
      const t = this.text(20, y, `${this.t(`outcomes.${d.outcome}`)}: ${readableSources(pick(summary, locale), locale)}`, { size: z(20), width: w - 40, color: good ? COLORS.good : COLORS.bad });
      y += t.height + 10;
    }
    // Why the overall is lower than the turns alone would make it, and the mistakes that did it.
    const notes = this.notes(d, catalog, name);
    for (const n of notes) {
      const t = this.text(20, y, n.text, { size: z(19), width: w - 40, color: n.kind === 'bad' ? COLORS.bad : COLORS.ink, bold: n.kind !== 'plain' });
      y += t.height + (n.kind === 'heading' ? 2 : 8);
    }
    const buttons: Button[] = [];
    const bw = portrait ? (w - 60) / 3 : 260;
    const row = (i: number) => (portrait ? 20 + bw / 2 + i * (bw + 10) : w / 2 + (i - 1) * (bw + 20));
    buttons.push(this.button(row(0), y, this.t('debrief.retry'), { width: bw, size: z(22) }, () => this.fadeTo('Play', { scenario: s.id, seed: Date.now() % 100000 })));
    buttons.push(this.button(row(1), y, this.t('debrief.next'), { width: bw, size: z(22), variant: 'primary' }, () => this.fadeTo('Play', { scenario: next.id, seed: Date.now() % 100000 })));
    buttons.push(this.button(row(2), y, this.t('debrief.list'), { width: bw, size: z(22) }, () => this.fadeTo('Select', { focus: s.id })));
    // The actions stay at the foot of the screen while the debrief scrolls under them: the one focused at first is in
    // sight, and none covers a line of the notes (a phone's buttons are taller: a finger's size).
    const barH = Math.max(...buttons.map((b) => b.h)) + 24;
    this.add.rectangle(0, this.h - barH, w, barH, 0xeef1f5, 1).setOrigin(0).setScrollFactor(0).setDepth(8).setInteractive();
    this.add.rectangle(0, this.h - barH, w, 2, 0xd5d9e0, 1).setOrigin(0).setScrollFactor(0).setDepth(8);
    for (const b of buttons) b.setY(this.h - barH / 2).setScrollFactor(0).setDepth(9);
    y += 16;
    this.text(20, y, this.t('debrief.replay'), { size: z(24), bold: true });
    y += 44;
    const state = this.args.state;
    const practice = this.args.practice ?? [];
    const spokenTurns: string[] = [];
    const creditedText = (names: string, similarity: number) => {
      const c = creditedLineOf(names, creditFor(similarity));
      return this.t(c.key, { ...c.vars, interpolation: { escapeValue: false } });
    };
    d.turns.forEach((t, i) => {
      const node = s.nodes[t.node]!;
      // A typed turn: the trainee's own words, marked as typed, and the reply they were read as.
      const said = t.freeText
        ? `${this.t('ownWords.typedBadge')} ${t.freeText.text ? `“${t.freeText.text}”` : this.t('ownWords.notKept')}`
        : t.timedOut
          ? this.t('play.noReply')
          : pick(node.choices[t.choice]!.text, locale);
      // As on the coaching card: what the words showed apart from what the reply they were read as credits.
      const typed = state.turns[i]?.said;
      const { wrote, credited } = creditedApart(t.honoured, t.freeText && typed && !typed.verbatim ? typed.principles : undefined);
      const readAs = t.freeText ? [this.t('ownWords.readAs', { n: (state.turns[i]?.offered.indexOf(t.choice) ?? -1) + 1, text: pick(node.choices[t.choice]!.text, locale), interpolation: { escapeValue: false } })] : [];
      const lines = [
        // With the stage direction, as it was played: how the customer said it is part of what was said.
        `${i + 1}. ${pick(s.customer.name, locale)}: ${node.note ? `${pick(node.note, locale)} ` : ''}${pick(node.line[state.turns[i]?.variant ?? 0] ?? node.line[0]!, locale)}`,
        `${this.t('debrief.you')}: ${said}${this.t('debrief.turnScore', { n: signed(t.score) })}`,
        ...readAs,
        ...(wrote.length ? [`✓ ${wrote.map(name).join(this.t('list'))}`] : []),
        ...(credited.length ? [creditedText(credited.map(name).join(this.t('list')), typed?.similarity ?? 1)] : []),
        ...(t.mistakes.length ? [`✗ ${t.mistakes.map(mistake).join(this.t('list'))}`] : []),
        ...practice
          .filter((p) => p.turn === i + 1)
          .map((p) => this.t('debrief.practised', { score: signed(p.score), said: p.typed ? `${this.t('ownWords.typedBadge')} “${p.typed}”` : p.choice < 0 ? this.t('play.noReply') : pick(node.choices[p.choice]!.text, locale) })),
        ...(t.score < 100 ? [`${this.t('debrief.model')}: ${modelReplyText(node, t.model, locale, this.t('play.waitQuietly'))}`] : []),
      ];
      spokenTurns.push(lines.join(' '));
      const txt = this.text(36, y + 10, lines.join('\n'), { size: z(19), width: w - 72, color: COLORS.ink });
      const g = this.add.graphics().fillStyle(0xffffff, 1).fillRoundedRect(20, y, w - 40, txt.height + 20, 12);
      g.lineStyle(3, t.score >= 70 ? COLORS.goodFill : t.score >= 40 ? COLORS.warnFill : COLORS.badFill, 1).lineBetween(22, y + 8, 22, y + txt.height + 12);
      txt.setDepth(1);
      y += txt.height + 32;
    });
    enableScroll(this, y + 20 + barH);
    const focus = new FocusGroup(this, { onEscape: () => this.fadeTo('Select', { focus: s.id }) });
    // The primary action first: on to the next scenario.
    focus.set(buttons, 1);
    // A screen reader hears what the page shows: the scores, the categories, the ending, the notes and every turn.
    svc.live.say([
      `${this.t('debrief.overall')} ${d.overall}, ${this.t('debrief.grade')} ${d.grade}`,
      `${this.t('debrief.outcome')}: ${this.t(`outcomes.${d.outcome}`)}`,
      this.mixLine(d),
      `${this.t('debrief.categories')}: ${CATEGORY_IDS.map((c) => `${this.t(`categories.${c}`)} ${d.categories[c] ?? '—'}`).join(this.t('list'))}`,
      ...(d.service.quadrant ? [`${this.t('debrief.quadrant')}: ${this.t(`quadrants.${d.service.quadrant}`)}`] : []),
      ...(summary ? [readableSources(pick(summary, locale), locale)] : []),
      ...notes.map((n) => n.text),
      this.t('debrief.replay'),
      ...spokenTurns,
    ]);
    this.publish({
      scenario: s.id,
      choices: buttons.map((b) => b.label.text),
      outcome: d.outcome,
      score: { decisions: d.decisions, turns: d.turns.length },
      debrief: { overall: d.overall, grade: d.grade, decisions: d.decisions, outcome: d.outcome, quadrant: d.service.quadrant, categories: d.categories, path: d.path },
    });
  }

  /** The score counts up from nothing (at once under reduced motion); a screen reader hears the final figure. */
  private countUp(text: Phaser.GameObjects.Text, to: number): void {
    if (this.svc.reducedMotion || to <= 0) return;
    text.setText('0');
    this.tweens.addCounter({
      from: 0,
      to,
      duration: COUNT_UP_MS,
      ease: 'Cubic.easeOut',
      onUpdate: (tw) => {
        const v = String(Math.round(tw.getValue() ?? 0));
        if (text.text !== v) text.setText(v);
      },
      onComplete: () => {
        text.setText(String(to));
        this.svc.audio.play('ui-select');
      },
    });
  }

  /** The caps that lowered the overall, the serious and grave mistakes, and the handling order against file 002's. */
  private notes(d: Debrief, catalog: Catalog, name: (id: string) => string): { text: string; kind: 'bad' | 'heading' | 'plain' }[] {
    const locale = this.svc.locale();
    const out: { text: string; kind: 'bad' | 'heading' | 'plain' }[] = [];
    const bad = (text: string) => out.push({ text, kind: 'bad' });
    const plain = (text: string) => out.push({ text, kind: 'plain' });
    if (d.caps.length) {
      bad(this.t('debrief.capped', { uncapped: d.uncapped, overall: d.overall, reasons: d.caps.map((c) => this.t(`debrief.caps.${c}`)).join(this.t('list')) }));
    }
    if (d.serious.length) {
      bad(`${this.t('debrief.mistakes')}: ${d.serious.map((m) => this.t('debrief.mistakeLine', { turn: m.turn, name: name(m.id), severity: this.t(`severity.${m.severity}`) })).join(this.t('list'))}`);
    }
    const proc = d.procedure;
    const steps = catalog.procedure?.steps;
    if (proc && steps) {
      const stepName = (id: string) => pick(steps.find((s) => s.id === id)!.name, locale);
      out.push({ text: this.t('debrief.procedure'), kind: 'heading' });
      plain(this.t('debrief.procedureSteps', { steps: steps.map((s) => pick(s.name, locale)).join(' → ') }));
      const taken = proc.order.map((id) => this.t('debrief.procedureStep', { name: stepName(id), turn: proc.steps.find((s) => s.id === id)!.firstTurn }));
      plain(taken.length ? this.t('debrief.procedureYours', { steps: taken.join(' → ') }) : this.t('debrief.procedureNone'));
      if (proc.outOfOrder.length) {
        bad(proc.outOfOrder.map((o) => this.t('debrief.outOfOrder', { late: stepName(o.late), lateTurn: o.lateTurn, early: stepName(o.early), earlyTurn: o.earlyTurn })).join(this.t('list')));
      }
      for (const m of proc.missed) {
        bad(this.t(m.takenTurn === null ? 'debrief.missedNever' : 'debrief.missedLate', { step: stepName(m.step), due: m.dueTurn, taken: m.takenTurn }));
      }
      if (proc.absent.length) plain(this.t('debrief.absent', { steps: proc.absent.map(stepName).join(this.t('list')) }));
      // The verdict only when it is true: nothing out of order and nothing the moment called for passed over.
      if (taken.length && proc.sound) plain(this.t('debrief.inOrder'));
    }
    // Trainees read the source documents' titles, not their file numbers.
    return out.map((o) => ({ ...o, text: readableSources(o.text, locale) }));
  }

  /**
   * The four service types: soft service across, hard service up, each region where the engine's quadrantOf puts
   * it (SERVICE_REGIONS): the half-way line, and quality service only past the quality line on both axes; the
   * rest of the strong-strong corner is none of the four, left plain, and quality's label says its line.
   */
  private drawQuadrant(x: number, y: number, cw: number, ch: number, d: Debrief): void {
    const g = this.add.graphics();
    // The dot only where both soft and hard service were at stake: otherwise there is no place to put it.
    // Kept a radius and a margin inside the border, so a 0 or a 100 reads as inside the chart, not on its frame.
    const inset = 22;
    const at = (v: number, span: number) => inset + ((span - 2 * inset) * v) / 100;
    const dot = d.service.soft !== null && d.service.hard !== null ? { x: x + at(d.service.soft, cw), y: y + ch - at(d.service.hard, ch) } : null;
    // A region's edges: its lines where the dot's scale puts them, 0 and 100 on the chart's frame.
    const edge = (v: number, span: number) => (v <= 0 ? 0 : v >= 100 ? span : at(v, span));
    const sx = (soft: number) => x + edge(soft, cw);
    const sy = (hard: number) => y + ch - edge(hard, ch);
    const fills: Record<Quadrant, number> = { factory: 0x5d6d7e, quality: 0x2e8b57, indifferent: 0xc0392b, friendly: 0xd68910 };
    for (const r of SERVICE_REGIONS) {
      const mine = r.quadrant !== null && d.service.quadrant === r.quadrant;
      g.fillStyle(r.quadrant ? fills[r.quadrant] : 0xffffff, r.quadrant ? (mine ? 0.35 : 0.12) : 0.5);
      g.fillRect(sx(r.soft[0]), sy(r.hard[1]), sx(r.soft[1]) - sx(r.soft[0]), sy(r.hard[0]) - sy(r.hard[1]));
    }
    // The lines that decide the type: the half-way cross, and the quality corner.
    g.lineStyle(2, 0x4a5568, 0.8);
    g.lineBetween(sx(TYPE_LINE), y, sx(TYPE_LINE), y + ch).lineBetween(x, sy(TYPE_LINE), x + cw, sy(TYPE_LINE));
    g.lineStyle(2, 0x2e8b57, 1).strokeRect(sx(QUALITY_LINE), y, x + cw - sx(QUALITY_LINE), sy(QUALITY_LINE) - y);
    const label = (q: Quadrant, cx: number, cy: number, width: number, text: string) => {
      const t = this.text(cx, cy, text, { size: this.z(17), bold: d.service.quadrant === q, align: 'center', width }).setOrigin(0.5);
      // Keep the label clear of the dot: over it or under it, whichever has more room.
      if (dot && Math.abs(dot.x - t.x) < t.width / 2 + 12 && Math.abs(dot.y - t.y) < t.height / 2 + 12) t.setY(dot.y > cy ? dot.y - t.height / 2 - 14 : dot.y + t.height / 2 + 14);
    };
    const mid = { x: sx(TYPE_LINE), y: sy(TYPE_LINE) };
    label('factory', (x + mid.x) / 2, (y + mid.y) / 2, mid.x - x - 8, this.t('quadrants.factory'));
    label('indifferent', (x + mid.x) / 2, (mid.y + y + ch) / 2, mid.x - x - 8, this.t('quadrants.indifferent'));
    label('friendly', (mid.x + x + cw) / 2, (mid.y + y + ch) / 2, x + cw - mid.x - 8, this.t('quadrants.friendly'));
    // Quality service: named in the strong-strong corner, beside its own box (too small for the words), which says its line.
    const q = { x: sx(QUALITY_LINE), y: sy(QUALITY_LINE) };
    label('quality', (mid.x + q.x) / 2, (y + mid.y) / 2, q.x - mid.x - 6, this.t('quadrants.quality'));
    this.text((q.x + x + cw) / 2, (y + q.y) / 2, this.t('debrief.qualityLine', { n: QUALITY_LINE }), { size: this.z(14), bold: true, color: COLORS.good, align: 'center' }).setOrigin(0.5);
    g.lineStyle(2, 0x4a5568, 1).strokeRect(x, y, cw, ch);
    if (!dot) {
      // Say why the chart has no dot, rather than leave it to look broken.
      const why = this.text(x + cw / 2, y + ch / 2, this.t('debrief.noDot'), { size: this.z(15), align: 'center', width: cw - 24, color: COLORS.ink }).setOrigin(0.5).setDepth(1);
      this.add.graphics().fillStyle(0xffffff, 0.9).fillRoundedRect(why.x - why.width / 2 - 8, why.y - why.height / 2 - 4, why.width + 16, why.height + 8, 8);
    }
    if (dot) {
      const marker = this.add.graphics().setDepth(1);
      marker.fillStyle(0x1d2433, 1).fillCircle(dot.x, dot.y, 9);
      marker.lineStyle(3, 0xffffff, 1).strokeCircle(dot.x, dot.y, 9);
    }
    this.text(x + cw, y + ch + 2, `${this.t('debrief.soft')} ${d.service.soft ?? '—'} →`, { size: this.z(14), color: COLORS.inkSoft }).setOrigin(1, 0);
    this.text(x, y - 2, `↑ ${this.t('debrief.hard')} ${d.service.hard ?? '—'}`, { size: this.z(14), color: COLORS.inkSoft }).setOrigin(0, 1);
  }

  /** How the overall is made: decisions and outcome with their shares (negative decisions count as 0). */
  private mixLine(d: { decisions: number; outcome: Outcome }): string {
    const o = OUTCOME_SCORE[d.outcome];
    return d.decisions < 0 ? this.t('debrief.decisionsFloor', { n: signed(d.decisions), o }) : this.t('debrief.decisions', { n: d.decisions, o });
  }
}

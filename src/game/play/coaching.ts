/**
 * The coaching card after a turn: what you said, the turn's score (a time-out too), the
 * principles honoured and the mistakes with their severity and cost, the reply's feedback,
 * and — after a weaker reply — the better one that was on offer, with what it practises, and
 * "Try this turn again". A practice turn is marked as such, with the first answer's score
 * that still counts. The card sets its text smaller until it fits below the customer's line;
 * only then does it rise over the line.
 */
import type { Reply } from '../../engine/scenario/model.js';
import { creditedApart, creditedLineOf } from '../../engine/scoring/credited.js';
import { creditFor } from '../../engine/session/session.js';
import { readableSources } from '../../engine/sources.js';
import { mistakeLabel } from '../mistakeLabel.js';
import { pick, signed, type Locale } from '../../engine/text.js';
import type { LastTurn } from '../sessionController.js';
import { Button } from '../ui/button.js';
import { textHeight } from '../ui/text.js';
import { COLORS } from '../ui/theme.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { fitCard } from './card.js';

export interface CoachingInput {
  last: LastTurn;
  /** The reply taken (the node's time-out when none was). */
  reply: Reply;
  /** What the trainee said, or null for a time-out. */
  said: string | null;
  /** The better reply as shown (play/modelReply.ts: its words in quotes, or to wait quietly). */
  betterText: string | null;
  name: (id: string) => string;
  locale: Locale;
  /** The box to fill: left, top, width, and the lowest the card may reach. */
  box: { x: number; y: number; w: number; bottom: number; top: number };
  nextLabel: string;
  onNext: () => void;
  /** Offered after a weaker reply: answer this turn again, for practice. */
  retry?: { label: string; onRetry: () => void };
  /** This turn was practice: the first answer's score, which still counts. */
  practice?: { first: number };
  /**
   * The trainee typed this turn: their text goes in page text laid out on the card (`place`: at x, y, w wide,
   * at a size; returns its height), its evidence marked; `readAs` says which reply it was read as; `evidence`
   * is what each marked span counts for, for a screen reader.
   */
  typed?: { heading: string; readAs: string; evidence: string[]; spoken: string; place: (x: number, y: number, w: number, size: number) => number; shift: (dy: number) => void };
  /** Text size before any fitting (larger on a phone, where the canvas is drawn at about half size). */
  textScale?: number;
  /** No text smaller than this, however the card is fitted (a phone's 14 CSS pixels). */
  minTextSize?: number;
}

export interface Coaching {
  /** Continue first, then Try again when offered. */
  buttons: Button[];
  /** What a screen reader hears. */
  spoken: string[];
}

const tone = (score: number) => (score >= 70 ? COLORS.good : score >= 40 ? COLORS.ink : COLORS.bad);

export function showCoaching(scene: BaseScene, o: CoachingInput): Coaching {
  const { last, box } = o;
  const t = (k: string, v?: Record<string, unknown>) => scene.t(k, v);
  const timedOut = last.turn.choice < 0;
  const practice = o.practice ? t('play.practiceHead', { first: signed(o.practice.first) }) : '';
  const head = timedOut ? t('play.timedOutScore', { n: signed(last.score) }) : t(o.practice ? 'play.practiceScore' : 'play.turnScore', { n: signed(last.score) });
  const { wrote, credited } = creditedApart(last.honoured, last.turn.said?.principles);
  // The judge's under-threshold guess is named as one ("perhaps"), on the card as in the spoken text.
  const guessed = new Set(last.turn.said?.principles.filter((p) => p.guess).map((p) => p.id));
  const named = (id: string) => (guessed.has(id) ? t('play.perhaps', { name: o.name(id), interpolation: { escapeValue: false } }) : o.name(id));
  const honoured = wrote.length ? `✓ ${wrote.map(named).join(t('list'))}` : '';
  const creditLine = credited.length ? creditedLineOf(credited.map(o.name).join(t('list')), creditFor(last.turn.said?.similarity ?? 1)) : undefined;
  const creditedLine = creditLine ? t(creditLine.key, { ...creditLine.vars, interpolation: { escapeValue: false } }) : '';
  const mistakes = last.mistakes.map((m) => mistakeLabel(t, named(m.id), m));
  const wrong = mistakes.length ? `✗ ${mistakes.join(t('list'))}` : '';
  // A typed turn is coached on its own words: the authored reply's feedback is about words it did not write.
  const feedback = o.typed ? '' : readableSources(pick(o.reply.feedback, o.locale), o.locale);
  const better = last.better
    ? {
        // Typed and read as the best reply itself: its wording is what scores better, not another reply.
        head: t(o.typed && last.better.choice === last.turn.choice ? 'play.betterWording' : 'play.better', { n: signed(last.better.score) }),
        text: o.betterText ?? '',
        why: last.better.honoured.length ? t('play.betterWhy', { names: last.better.honoured.map(o.name).join(t('list')) }) : '',
      }
    : null;

  let buttons: Button[] = [];
  const base = o.textScale ?? 1;
  const { card, end, fits } = fitCard(scene, [1, 0.9, 0.82, 0.75, 0.7].map((k) => k * base), box.bottom, (c, size) => {
    // No container: only measured (play/card.ts).
    const bg = c ? scene.add.graphics() : null;
    if (bg) c!.add(bg);
    const width = box.w - 40;
    let y = box.y + size(18);
    let known = true;
    const add = (s: string, opts: { size: number; color?: string; bold?: boolean }, gap: number) => {
      if (!s) return;
      const style = { size: Math.max(o.minTextSize ?? 0, size(opts.size)), width, color: opts.color ?? COLORS.ink, bold: opts.bold ?? false };
      let h: number | null;
      if (c) {
        const text = scene.text(box.x + 20, y, s, style);
        c.add(text);
        h = text.height;
      } else h = textHeight(s, style);
      if (h === null) known = false;
      y += (h ?? 0) + size(gap);
    };
    if (practice) {
      // Marked apart: a practice answer never replaces the first one.
      const tag = c ? scene.add.graphics() : null;
      if (tag) c!.add(tag);
      const top = y - size(6);
      add(practice, { size: 18, bold: true, color: COLORS.ink }, 8);
      tag?.fillStyle(COLORS.warnFill, 0.35).fillRoundedRect(box.x + 10, top, box.w - 20, y - top - size(4), 10);
    }
    if (o.typed) {
      add(o.typed.heading, { size: 18, color: COLORS.inkSoft, bold: true }, 4);
      y += o.typed.place(box.x + 20, y, width, Math.max(o.minTextSize ?? 0, size(19))) + size(6);
      add(o.typed.readAs, { size: 17, color: COLORS.inkSoft }, 8);
    } else add(timedOut ? t('play.noReply') : t('play.youSaid', { text: o.said, interpolation: { escapeValue: false } }), { size: 18, color: COLORS.inkSoft }, 8);
    add(head, { size: 22, bold: true, color: tone(last.score) }, 8);
    add(honoured, { size: 20, color: COLORS.good, bold: true }, 6);
    add(creditedLine, { size: 18, color: COLORS.good }, 6);
    add(wrong, { size: 20, color: COLORS.bad, bold: true }, 6);
    add(feedback, { size: 20 }, 14);
    if (better) {
      // Shaded apart, under its own text (drawn once the text has been measured).
      const shade = c ? scene.add.graphics() : null;
      if (shade) c!.add(shade);
      const top = y - size(6);
      add(better.head, { size: 19, bold: true, color: COLORS.good }, 4);
      add(better.text, { size: 19 }, 4);
      add(better.why, { size: 18, color: COLORS.inkSoft }, 10);
      shade?.fillStyle(COLORS.accentSoft, 1).fillRoundedRect(box.x + 10, top, box.w - 20, y - top - size(4), 10);
    }
    y += size(6);
    const wide = Math.min(base > 1 ? 440 : 320, box.w - 40);
    const labels = [o.nextLabel, ...(o.retry ? [o.retry.label] : [])];
    const opts = (i: number) => ({ width: wide, size: Math.max(20, o.minTextSize ?? 0, size(22)), ...(i === 0 ? { variant: 'primary' as const } : {}) });
    // Side by side where they fit, else one under the other (Continue first).
    const side = labels.length === 2 && box.w >= 2 * wide + 60;
    const stack = (hs: number[]) => (side ? Math.max(...hs) : hs.reduce((s, h) => s + h + 10, -10)) + 18;
    if (!c) {
      const hs = labels.map((l, i) => Button.heightFor(scene, l, opts(i)));
      if (!known || hs.some((h) => h === null)) return null;
      return y + stack(hs as number[]);
    }
    const close = (then: () => void) => () => {
      c.destroy();
      then();
    };
    const next = scene.button(0, 0, o.nextLabel, opts(0), close(o.onNext));
    buttons = [next];
    if (o.retry) buttons.push(scene.button(0, 0, o.retry.label, opts(1), close(o.retry.onRetry)));
    buttons.forEach((b, i) => {
      b.setPosition(side ? box.x + box.w / 2 + (i === 0 ? -1 : 1) * (b.bw / 2 + 10) : box.x + box.w / 2, y + b.h / 2 + (side ? 0 : i * (b.h + 10)));
      c.add(b);
    });
    y += stack(buttons.map((b) => b.h));
    bg!.fillStyle(COLORS.panel, 1).fillRoundedRect(box.x, box.y, box.w, y - box.y, 16);
    bg!.lineStyle(3, o.practice ? COLORS.warnFill : last.score >= 70 ? COLORS.goodFill : last.score >= 40 ? COLORS.accent : COLORS.badFill, 1).strokeRoundedRect(box.x, box.y, box.w, y - box.y, 16);
    return y;
  });
  if (!fits) {
    const dy = Math.max(box.top - box.y, box.bottom - end);
    card.setY(dy);
    o.typed?.shift(dy);
  }
  const typed = o.typed ? [o.typed.spoken, o.typed.readAs] : [];
  const spoken = [practice, ...typed, head, honoured, creditedLine, wrong, ...(o.typed?.evidence ?? []), feedback, ...(better ? [better.head, better.text, better.why] : [])].filter(Boolean);
  return { buttons, spoken };
}

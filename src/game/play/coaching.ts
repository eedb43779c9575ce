/**
 * The coaching card after a turn: what you said, the turn's score (a time-out too), the
 * principles honoured and the mistakes with their severity and cost, the reply's feedback,
 * and — after a weaker reply — the better one that was on offer, with what it practises.
 * The card sets its text smaller until it fits below the customer's line; only then does it
 * rise over the line.
 */
import type Phaser from 'phaser';
import type { Reply } from '../../engine/scenario/model.js';
import { pick, signed, type Locale } from '../../engine/text.js';
import type { LastTurn } from '../sessionController.js';
import type { Button } from '../ui/button.js';
import { COLORS } from '../ui/theme.js';
import type { BaseScene } from '../scenes/BaseScene.js';

export interface CoachingInput {
  last: LastTurn;
  /** The reply taken (the node's time-out when none was). */
  reply: Reply;
  /** What the trainee said, or null for a time-out. */
  said: string | null;
  /** The better reply's text ('' for "saying nothing"). */
  betterText: string | null;
  name: (id: string) => string;
  locale: Locale;
  /** The box to fill: left, top, width, and the lowest the card may reach. */
  box: { x: number; y: number; w: number; bottom: number; top: number };
  nextLabel: string;
  onNext: () => void;
}

export interface Coaching {
  card: Phaser.GameObjects.Container;
  next: Button;
  /** What a screen reader hears. */
  spoken: string[];
}

const tone = (score: number) => (score >= 70 ? COLORS.good : score >= 40 ? COLORS.ink : COLORS.bad);

export function showCoaching(scene: BaseScene, o: CoachingInput): Coaching {
  const { last, box } = o;
  const t = (k: string, v?: Record<string, unknown>) => scene.t(k, v);
  const timedOut = last.turn.choice < 0;
  const head = timedOut ? t('play.timedOutScore', { n: signed(last.score) }) : t('play.turnScore', { n: signed(last.score) });
  const honoured = last.honoured.length ? `✓ ${last.honoured.map(o.name).join(t('list'))}` : '';
  const mistakes = last.mistakes.map((m) => t('play.mistake', { name: o.name(m.id), severity: t(`severity.${m.severity}`), points: m.points }));
  const wrong = mistakes.length ? `✗ ${mistakes.join(t('list'))}` : '';
  const feedback = pick(o.reply.feedback, o.locale);
  const better = last.better
    ? {
        head: t('play.better', { n: signed(last.better.score) }),
        text: o.betterText ? `“${o.betterText}”` : t('play.noReply'),
        why: last.better.honoured.length ? t('play.betterWhy', { names: last.better.honoured.map(o.name).join(t('list')) }) : '',
      }
    : null;

  let card!: Phaser.GameObjects.Container;
  let next!: Button;
  for (const scale of [1, 0.9, 0.82, 0.75]) {
    card?.destroy();
    card = scene.add.container(0, 0);
    const c = card;
    const bg = scene.add.graphics();
    c.add(bg);
    const size = (n: number) => Math.round(n * scale);
    const width = box.w - 40;
    let y = box.y + size(18);
    const add = (s: string, opts: { size: number; color?: string; bold?: boolean }, gap: number) => {
      if (!s) return;
      const text = scene.text(box.x + 20, y, s, { size: size(opts.size), width, color: opts.color ?? COLORS.ink, bold: opts.bold ?? false });
      c.add(text);
      y += text.height + size(gap);
    };
    add(timedOut ? t('play.noReply') : t('play.youSaid', { text: o.said, interpolation: { escapeValue: false } }), { size: 18, color: COLORS.inkSoft }, 8);
    add(head, { size: 22, bold: true, color: tone(last.score) }, 8);
    add(honoured, { size: 20, color: COLORS.good, bold: true }, 6);
    add(wrong, { size: 20, color: COLORS.bad, bold: true }, 6);
    add(feedback, { size: 20 }, 14);
    if (better) {
      // Shaded apart, under its own text (drawn once the text has been measured).
      const shade = scene.add.graphics();
      c.add(shade);
      const top = y - size(6);
      add(better.head, { size: 19, bold: true, color: COLORS.good }, 4);
      add(better.text, { size: 19 }, 4);
      add(better.why, { size: 18, color: COLORS.inkSoft }, 10);
      shade.fillStyle(COLORS.accentSoft, 1).fillRoundedRect(box.x + 10, top, box.w - 20, y - top - size(4), 10);
    }
    y += size(6);
    next = scene.button(box.x + box.w / 2, 0, o.nextLabel, { width: Math.min(320, box.w - 40), variant: 'primary', size: 22 }, () => {
      c.destroy();
      o.onNext();
    });
    next.setY(y + next.h / 2);
    c.add(next);
    y += next.h + 18;
    bg.fillStyle(COLORS.panel, 0.98).fillRoundedRect(box.x, box.y, box.w, y - box.y, 16);
    bg.lineStyle(3, last.score >= 70 ? COLORS.goodFill : last.score >= 40 ? COLORS.accent : COLORS.badFill, 1).strokeRoundedRect(box.x, box.y, box.w, y - box.y, 16);
    if (y <= box.bottom) break;
    if (scale === 0.75) c.setY(Math.max(box.top - box.y, box.bottom - y));
  }
  const spoken = [head, honoured, wrong, feedback, ...(better ? [better.head, better.text, better.why] : [])].filter(Boolean);
  return { card, next, spoken };
}

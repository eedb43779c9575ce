/**
 * What the audit adds to `dojo lint`: a warning when a reading-free strategy does well
 * (grade B or better, or a good ending, in either language), and one for every reply whose
 * text holds a stage direction. Random play is left to `dojo audit`: lint stays deterministic.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Severity } from '../problems.js';
import type { Loc, Scenario } from '../scenario/model.js';
import { LOCALES, type Locale } from '../text.js';
import { doingWell, runStrategy } from './audit.js';
import { stageDirectionsIn } from './giveaways.js';
import { READING_FREE, replyText } from './strategies.js';

export type At = (loc: Loc, severity: Severity, code: string, message: string, hint: string) => void;

const HOW: Record<(typeof READING_FREE)[number], { does: string; hint: string }> = {
  longest: {
    does: 'picking the longest reply every time',
    hint: 'make the wrong replies as long and detailed as the right ones, and let some right replies be short',
  },
  shortest: {
    does: 'picking the shortest reply every time',
    hint: 'let some right replies be long, and some wrong ones short and blunt',
  },
  courteous: {
    does: 'picking the reply with the most courtesy words (您, 请, sorry, thank you …) every time',
    hint: 'give the wrong replies courtesy words too, since a polite brush-off is still a brush-off, and let some right replies do without them',
  },
};

export function auditFindings(s: Scenario, catalog: Catalog, at: At): void {
  const play = { scenario: s, catalog };
  const results = READING_FREE.flatMap((st) => LOCALES.map((l) => runStrategy(play, st, l)));
  const well = doingWell(results);
  for (const strategy of READING_FREE) {
    const mine = well.filter((w) => w.strategy === strategy);
    if (!mine.length) continue;
    const how = (l: Locale) => {
      const r = results.find((x) => x.strategy === strategy && x.locale === l)!;
      return `${l} ${r.mean ?? '—'} (${r.grade ?? '—'}, ${Object.keys(r.outcomes).join('/') || 'no ending'})`;
    };
    at(
      s.nodes[s.start]!.loc,
      'warning',
      'reading-free',
      `${HOW[strategy].does}, without reading, scores ${mine.map((w) => how(w.locale)).join(', ')}: a trainee who has not understood the principles can do well here`,
      `${HOW[strategy].hint}; npx dojo audit ${s.file} shows where`,
    );
  }
  for (const id of s.order) {
    for (const c of s.nodes[id]!.choices) {
      const texts = LOCALES.map((l) => replyText(c.text, l));
      const found = [...new Set(texts.flatMap(stageDirectionsIn))];
      if (!found.length) continue;
      const whole = texts.some((t) => stageDirectionsIn(t).join('').length === t.trim().length);
      at(
        c.loc,
        'warning',
        'stage-direction',
        `reply ${c.index + 1} in "${id}" has a stage direction, ${found.map((d) => `"${d}"`).join(' / ')}: how a reply is delivered gives the answer away`,
        whole
          ? 'this reply is an action, not words: describe the right and the wrong actions equally plainly, or write what is said'
          : 'let the words carry the manner, or drop the direction (the node\'s note can set the scene)',
      );
    }
  }
}

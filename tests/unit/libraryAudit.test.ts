/**
 * The library must be read to be won (library v2): no reading-free strategy does well, the best
 * reply is rarely the longest, wrong replies are as long and as courteous as right ones, no
 * stage directions, no shared formula that marks the best reply, and every customer has a look.
 */
import { describe, expect, it } from 'vitest';
import { auditLibrary, auditScenario, bestChoice, courtesyCount, median, replyText, textLength, type ScenarioAudit } from '../../src/engine/audit/index.js';
import { LOCALES } from '../../src/engine/text.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, libraryFiles, loadFile, ROOT } from './helpers.js';

const cat = catalog();
const library = libraryFiles().map((f) => loadFile(f, cat));
const audits: ScenarioAudit[] = library.map((s) => auditScenario({ scenario: s, catalog: cat }, { seeds: 5 }));
const summary = auditLibrary(audits);

describe('the library can only be won by reading it', () => {
  it('every reading-free strategy averages 55 or less, and reaches a good ending in at most one scenario per language', () => {
    for (const r of summary.strategies.filter((x) => x.strategy !== 'random')) {
      expect(r.mean!, `${r.strategy} ${r.locale}`).toBeLessThanOrEqual(55);
      expect(r.goodEndings, `${r.strategy} ${r.locale}`).toBeLessThanOrEqual(1);
    }
  });

  it('the best reply is the longest on offer at no more than 35% of decisions, and in no scenario above 50%', () => {
    for (const l of LOCALES) expect(summary.bestIsLongest[l].share, l).toBeLessThanOrEqual(0.35);
    for (const a of audits) for (const l of LOCALES) expect(a.giveaways.languages[l].length.share, `${a.id} ${l}`).toBeLessThanOrEqual(0.5);
  });

  it('wrong replies are as long (median within ±20%) and as courteous (mean within ±20%) as the right ones', () => {
    for (const l of LOCALES) {
      const best: number[] = [];
      const others: number[] = [];
      const bestC: number[] = [];
      const othersC: number[] = [];
      for (const s of library) {
        for (const n of Object.values(s.nodes)) {
          if (n.choices.length < 2) continue;
          const b = bestChoice(cat, n);
          if (b === null) continue;
          n.choices.forEach((c, i) => {
            const t = replyText(c.text, l);
            (i === b ? best : others).push(textLength(t));
            (i === b ? bestC : othersC).push(courtesyCount(t, l));
          });
        }
      }
      const ratio = median(others)! / median(best)!;
      expect(ratio, `${l} median length others/best`).toBeGreaterThanOrEqual(0.8);
      expect(ratio, `${l} median length others/best`).toBeLessThanOrEqual(1.2);
      const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
      const cr = mean(othersC) / mean(bestC);
      expect(cr, `${l} courtesy others/best`).toBeGreaterThanOrEqual(0.8);
      expect(cr, `${l} courtesy others/best`).toBeLessThanOrEqual(1.2);
    }
  });

  it('no reply text holds a stage direction', () => {
    expect(audits.flatMap((a) => LOCALES.flatMap((l) => a.giveaways.languages[l].stageDirections.map((d) => `${a.id} ${d.node}#${d.choice} ${l}`)))).toEqual([]);
  });

  it('no opening formula marks the best reply (three or more best replies sharing an opening, most of the group)', () => {
    const formulas = audits.flatMap((a) => LOCALES.flatMap((l) => a.giveaways.languages[l].sharedOpenings.filter((g) => g.best >= 3 && g.best * 2 > g.replies.length).map((g) => `${a.id} ${l} "${g.opening}"`)));
    expect(formulas).toEqual([]);
  });

  it('every customer has a look of their own (not the type default), and it resolves to a drawn character', () => {
    for (const f of libraryFiles()) expect(readFileSync(join(ROOT, f), 'utf8'), f).toMatch(/^ {2}look: /m);
    for (const s of library) expect(s.customer.look, s.id).toBeDefined(); // the loader refuses a look no character matches
  });
});

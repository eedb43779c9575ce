/**
 * The bundled library cannot silently shrink: counts per customer type, decisions, endings,
 * translations, principle coverage, difficulty range, and that each scenario teaches (its
 * best path ends well, its worst badly, and the best reply is not always in one place).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customerProfiles } from '../../src/engine/customers/index.js';
import type { Scenario } from '../../src/engine/scenario/model.js';
import { CUSTOMER_TYPES } from '../../src/engine/scenario/schema.js';
import { findPaths } from '../../src/engine/scoring/paths.js';
import { startSession } from '../../src/engine/session/session.js';
import { missingLocales, type LocalizedText } from '../../src/engine/text.js';
import { catalog, libraryFiles, loadFile } from './helpers.js';

const cat = catalog();
const library = libraryFiles().map((f) => loadFile(f, cat));

/** Decisions on the longest route through the node graph that visits no node twice. */
function longestDecisions(s: Scenario): number {
  const seen = new Set<string>();
  const walk = (id: string): number => {
    const n = s.nodes[id];
    if (!n || seen.has(id)) return 0;
    seen.add(id);
    let best = 0;
    for (const r of [...n.choices, ...(n.onTimeout ? [n.onTimeout] : [])]) for (const b of r.next) best = Math.max(best, walk(b.to));
    seen.delete(id);
    return best + 1;
  };
  return walk(s.start);
}

function texts(s: Scenario): LocalizedText[] {
  const out: LocalizedText[] = [s.title, s.brief, s.customer.name, s.customer.persona];
  for (const n of Object.values(s.nodes)) {
    out.push(...n.line, ...(n.note ? [n.note] : []), ...(n.onTimeout ? [n.onTimeout.feedback] : []));
    for (const c of n.choices) out.push(c.text, c.feedback);
  }
  for (const e of Object.values(s.endings)) out.push(...e.line, e.summary);
  return out;
}

describe('scenario library', () => {
  it('cites items the same way in English: "no. 3" inside a citation, as most of the library does (the play-test saw "no. 6" beside "No. 3")', () => {
    for (const f of libraryFiles()) {
      const odd = readFileSync(f, 'utf8').match(/(?:[(,;] |\d{3} )No\. \d+/g) ?? [];
      expect(odd, f).toEqual([]);
    }
  });
  it('has four scenarios or more for each customer type, from introductory to hard (sixteen in all)', () => {
    for (const type of CUSTOMER_TYPES) {
      const mine = library.filter((s) => s.customer.type === type);
      expect(mine.length, type).toBeGreaterThanOrEqual(4);
      expect(Math.min(...mine.map((s) => s.difficulty)), type).toBe(1);
      expect(Math.max(...mine.map((s) => s.difficulty)), type).toBe(3);
    }
    expect(library.length).toBeGreaterThanOrEqual(16);
    expect(new Set(library.map((s) => s.id)).size).toBe(library.length);
  });

  it.each(library.map((s) => [s.id, s] as const))('%s: 8+ decisions, 3+ endings, good and bad outcomes, both languages', (_id, s) => {
    expect(longestDecisions(s)).toBeGreaterThanOrEqual(8);
    const endings = Object.values(s.endings);
    expect(endings.length).toBeGreaterThanOrEqual(3);
    expect(endings.some((e) => e.outcome === 'won-back' || e.outcome === 'resolved')).toBe(true);
    expect(endings.some((e) => !['won-back', 'resolved'].includes(e.outcome))).toBe(true);
    if (s.customer.type === 'silent') expect(endings.some((e) => e.outcome === 'left-silently')).toBe(true);
    const missing = texts(s).filter((t) => missingLocales(t).length);
    expect(missing).toEqual([]);
    for (const n of Object.values(s.nodes)) for (const c of n.choices) expect(c.principles.length, `${n.id}: ${c.text.en}`).toBeGreaterThan(0);
    expect(Object.values(s.nodes).filter((n) => n.line.length > 1).length, 'line variants').toBeGreaterThanOrEqual(3);
    expect(Object.values(s.nodes).some((n) => n.timeLimit)).toBe(true);
  });

  it.each(library.map((s) => [s.id, s] as const))('%s: the best path ends well, the worst badly, and the best reply moves around', (_id, s) => {
    const play = { scenario: s, catalog: cat };
    const r = findPaths(play, startSession(play, 1));
    expect(r.exact).toBe(true);
    expect(['won-back', 'resolved']).toContain(r.best!.outcome);
    expect(['unresolved', 'escalated', 'left-silently']).toContain(r.worst!.outcome);
    expect(r.endings.filter((e) => !e.reachable).map((e) => e.id)).toEqual([]);
    const picks = r.best!.picks;
    const most = Math.max(...[1, 2, 3, 4, 5, 6].map((k) => picks.filter((p) => p === k).length));
    expect(most / picks.length, `best picks ${picks.join(',')}`).toBeLessThanOrEqual(0.6);
  });

  it("exercises every principle in the catalog, and each type's signature principles", () => {
    const used = new Set(library.flatMap((s) => Object.values(s.nodes).flatMap((n) => [...n.choices, ...(n.onTimeout ? [n.onTimeout] : [])].flatMap((c) => c.principles.map((t) => t.id)))));
    expect(cat.principles.map((p) => p.id).filter((id) => !used.has(id))).toEqual([]);
    for (const type of CUSTOMER_TYPES) {
      const mine = new Set(library.filter((s) => s.customer.type === type).flatMap((s) => Object.values(s.nodes).flatMap((n) => n.choices.flatMap((c) => c.principles.map((t) => t.id)))));
      const sig = customerProfiles[type].signature;
      expect([...sig.practices, ...sig.violations].filter((id) => !mine.has(id)), type).toEqual([]);
    }
  });
});

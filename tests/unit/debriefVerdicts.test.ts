/**
 * The debrief's verdicts against real runs of the library (issue 13's play-test): "in a sound order"
 * only when nothing was out of order or passed over, and "quality service" only when both soft and
 * hard service were strong (file 001 §1.2.2: 两方面都很强).
 */
import { describe, expect, it } from 'vitest';
import { debrief, quadrantOf, SERVICE_REGIONS } from '../../src/engine/scoring/debrief.js';
import { findPaths } from '../../src/engine/scoring/paths.js';
import { choose, startSession, timeOut, type Play } from '../../src/engine/session/session.js';
import { catalog, libraryFiles, loadFile } from './helpers.js';

const cat = catalog();
const playOf = (id: string): Play => ({ scenario: loadFile(`scenarios/library/${id}.yaml`, cat), catalog: cat });
/** 1-based picks as `dojo play --choices` takes them. */
function run(play: Play, picks: (number | 't')[]) {
  let s = startSession(play, 1);
  for (const p of picks) s = p === 't' ? timeOut(play, s) : choose(play, s, p - 1);
  return debrief(play, s);
}

describe('the handling-order verdict', () => {
  it('broadband, won back at 79 after faking attention: hearing them out was due at turn 1 and came at turn 7', () => {
    const d = run(playOf('broadband-outage'), [1, 2, 4, 2, 1, 2, 1, 3, 2]);
    expect(d.overall).toBe(79);
    expect(d.procedure!.sound).toBe(false);
    expect(d.procedure!.missed).toContainEqual({ step: 'hear-out', dueTurn: 1, takenTurn: 7 });
    expect(d.procedure!.absent).toContain('record-and-thank');
  });
  it('lost bill, unresolved grade D: keeping calm was due at turn 2 and came at turn 5; empathy never came', () => {
    const d = run(playOf('lost-bill-of-lading'), [2, 1, 1, 1, 2, 3, 3, 2, 4, 2, 2]);
    expect(d.grade).toBe('D');
    expect(d.procedure!.sound).toBe(false);
    expect(d.procedure!.missed).toContainEqual({ step: 'keep-calm', dueTurn: 2, takenTurn: 5 });
    expect(d.procedure!.missed).toContainEqual({ step: 'empathise', dueTurn: 2, takenTurn: null });
  });
  it('pile pitting, escalated grade D starting at record-and-thank: not told it was in a sound order', () => {
    const d = run(playOf('pile-pitting'), [3, 1, 1, 1, 1, 1]);
    expect(d.outcome).toBe('escalated');
    expect(d.procedure!.order[0]).toBe('record-and-thank');
    expect(d.procedure!.sound).toBe(false);
    expect(d.procedure!.missed.map((m) => m.step)).toContain('act-now');
  });
  it('every library scenario’s best route is in a sound order, and a missed step is never one the trainee took in time', () => {
    for (const f of libraryFiles()) {
      const play = { scenario: loadFile(f, cat), catalog: cat };
      const best = findPaths(play, startSession(play, 1)).best!;
      const d = run(play, best.picks.map((p) => (p === 't' ? 't' : p)));
      expect(d.procedure!.sound, f).toBe(true);
      expect(d.procedure!.missed, f).toEqual([]);
    }
  }, 240_000);
});

describe('the service type', () => {
  it('a grade-D unresolved run with fair soft and hard service is not called quality service', () => {
    const d = run(playOf('lost-bill-of-lading'), [2, 1, 1, 1, 2, 3, 3, 2, 4, 2, 2]);
    expect(d.service.soft).toBeGreaterThanOrEqual(50);
    expect(d.service.hard).toBeGreaterThanOrEqual(50);
    expect(d.service.quadrant).not.toBe('quality');
  });
  it('quality service needs both sides strong; one weak side names the other type', () => {
    expect(quadrantOf(82, 100)).toBe('quality');
    expect(quadrantOf(55, 55)).toBeNull();
    expect(quadrantOf(79, 100)).toBeNull();
    expect(quadrantOf(40, 90)).toBe('factory');
    expect(quadrantOf(90, 40)).toBe('friendly');
    expect(quadrantOf(10, 10)).toBe('indifferent');
  });
  it('the debrief chart\'s regions are where quadrantOf draws its lines: every score pair lies in one region, of its type', () => {
    const holds = (r: (typeof SERVICE_REGIONS)[number], soft: number, hard: number) =>
      soft >= r.soft[0] && (soft < r.soft[1] || (soft === 100 && r.soft[1] === 100)) && hard >= r.hard[0] && (hard < r.hard[1] || (hard === 100 && r.hard[1] === 100));
    for (let soft = 0; soft <= 100; soft++)
      for (let hard = 0; hard <= 100; hard++) {
        const at = SERVICE_REGIONS.filter((r) => holds(r, soft, hard));
        expect(at.length, `${soft},${hard} in one region`).toBe(1);
        expect(at[0]!.quadrant, `${soft},${hard}`).toBe(quadrantOf(soft, hard));
      }
    // Each of the four types has its one region.
    expect(SERVICE_REGIONS.filter((r) => r.quadrant).map((r) => r.quadrant).sort()).toEqual(['factory', 'friendly', 'indifferent', 'quality']);
  });
});

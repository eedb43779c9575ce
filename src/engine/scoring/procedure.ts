/**
 * The complaint-handling procedure (the catalog's `procedure`: file 002's seven principles of
 * handling a complaint, in their order) set against what the trainee did: the turn at which
 * each step was first carried out, and the steps taken clearly out of order — a step taken
 * before one at least two places earlier in the procedure (neighbouring steps interleave in
 * any real conversation, so a swap of neighbours is not flagged). A step taken early with the
 * best reply that was on offer is the scenario's doing, not the trainee's, and is not flagged:
 * where the moment called for acting at once, the best reply acts at once.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Tag } from '../scenario/model.js';
import type { LocalizedText } from '../text.js';

export interface ProcedureStepReport {
  id: string;
  name: LocalizedText;
  /** 1-based turn at which the trainee first carried out this step; null if never. */
  firstTurn: number | null;
}

export interface ProcedureReport {
  steps: ProcedureStepReport[];
  /** Step ids in the order the trainee first took them. */
  order: string[];
  /** A step (`late`) taken before a step at least two places earlier (`early`). */
  outOfOrder: { early: string; late: string; earlyTurn: number; lateTurn: number }[];
}

/**
 * `turns`: the principles of each reply heard, in order; `best`: whether each was the best reply on offer.
 * Undefined when the catalog has no procedure.
 */
export function procedureReport(catalog: Catalog, turns: readonly (readonly Tag[])[], best: readonly boolean[] = []): ProcedureReport | undefined {
  const proc = catalog.procedure;
  if (!proc) return undefined;
  const steps: ProcedureStepReport[] = proc.steps.map((s) => {
    const at = turns.findIndex((tags) => tags.some((t) => s.principles.includes(t.id)));
    return { id: s.id, name: s.name, firstTurn: at < 0 ? null : at + 1 };
  });
  const taken = steps.map((s, i) => ({ ...s, i })).filter((s) => s.firstTurn !== null);
  const order = [...taken].sort((a, b) => a.firstTurn! - b.firstTurn! || a.i - b.i).map((s) => s.id);
  const outOfOrder: ProcedureReport['outOfOrder'] = [];
  for (const early of taken) {
    for (const late of taken) {
      if (late.i - early.i >= 2 && late.firstTurn! < early.firstTurn! && !best[late.firstTurn! - 1]) {
        outOfOrder.push({ early: early.id, late: late.id, earlyTurn: early.firstTurn!, lateTurn: late.firstTurn! });
      }
    }
  }
  return { steps, order, outOfOrder };
}

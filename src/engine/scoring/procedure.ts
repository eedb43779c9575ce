/**
 * The complaint-handling procedure (the catalog's `procedure`: file 002's seven principles of
 * handling a complaint, in their order) set against what the trainee did: the turn at which
 * each step was first carried out, and the steps taken clearly out of order — a step taken
 * before one at least two places earlier in the procedure (neighbouring steps interleave in
 * any real conversation, so a swap of neighbours is not flagged). A step taken early with the
 * best reply that was on offer is the scenario's doing, not the trainee's, and is not flagged:
 * where the moment called for acting at once, the best reply acts at once.
 *
 * A step is also `missed` where the best reply on offer at some turn carried it out, the trainee's
 * reply scored below that best reply, and the trainee had not yet taken the step: the moment called
 * for it and it was passed over (it came later, or never). The order is only "sound" with neither
 * an out-of-order step nor a missed one; steps that no best reply called for and the trainee never
 * took are `absent` (this conversation never asked for them).
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
  /** Steps the best reply carried out at `dueTurn` while the trainee, scoring lower, had not taken them; `takenTurn` null = never. */
  missed: { step: string; dueTurn: number; takenTurn: number | null }[];
  /** Steps never taken and never called for by a best reply on offer. */
  absent: string[];
  /** True only with nothing out of order and nothing missed. */
  sound: boolean;
}

/**
 * `turns`: the principles of each reply heard, in order; `best`: whether each scored as well as the best
 * reply on offer; `models`: the principles of that best reply at each turn (none given: nothing is missed).
 * Undefined when the catalog has no procedure.
 */
export function procedureReport(
  catalog: Catalog,
  turns: readonly (readonly Tag[])[],
  best: readonly boolean[] = [],
  models: readonly (readonly Tag[])[] = [],
): ProcedureReport | undefined {
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
  const missed: ProcedureReport['missed'] = [];
  const absent: string[] = [];
  proc.steps.forEach((s, i) => {
    const carries = (tags: readonly Tag[] | undefined) => (tags ?? []).some((t) => s.principles.includes(t.id));
    const taken = steps[i]!.firstTurn;
    const due = models.findIndex((tags, turn) => carries(tags) && best[turn] === false && (taken === null || taken > turn + 1));
    if (due >= 0) missed.push({ step: s.id, dueTurn: due + 1, takenTurn: taken });
    else if (taken === null && !models.some((tags) => carries(tags))) absent.push(s.id);
  });
  return { steps, order, outOfOrder, missed, absent, sound: !outOfOrder.length && !missed.length };
}

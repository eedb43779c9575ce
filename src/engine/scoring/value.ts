/**
 * What a reply is worth: the practices it carries out, each counted at the worth the
 * customer gives it in their present state (a solution offered to a customer still heated
 * counts a fifth: 先处理客户的情感), and the violations it commits, each costing points by its
 * severity. Scoring and the customer machines read the same worth, so they agree.
 */
import type { Catalog } from '../catalog/catalog.js';
import { severityOf } from '../catalog/severity.js';
import type { Principle, SeverityLevel } from '../catalog/schema.js';
import { customers } from '../customers/index.js';
import type { Meters, ReplyTag } from '../customers/reaction.js';
import type { Reply, Scenario } from '../scenario/model.js';

/** Turn points a violation costs per unit of weight: a lapse of manner, a wrong done, a breach of faith. */
export const SEVERITY_POINTS: Record<SeverityLevel, number> = { minor: 25, serious: 50, grave: 100 };
export const SEVERITY_RANK: Record<SeverityLevel, number> = { minor: 1, serious: 2, grave: 3 };

export type Filter = (p: Principle) => boolean;
export const ALL: Filter = () => true;

export interface Worth {
  /** Practised weight, each practice at its worth to this customer now. */
  practice: number;
  /** Turn points lost to violations. */
  penalty: number;
  /** Worst severity committed (0 none, 1 minor, 2 serious, 3 grave). */
  worst: number;
}

/** How much a move counts now with this scenario's customer: judged once per moment. */
export type WorthNow = (tag: ReplyTag) => number;
const FACE_VALUE: WorthNow = () => 1;

export function worthNow(scenario: Scenario | undefined, meters: Meters | undefined): WorthNow {
  return scenario && meters ? customers[scenario.customer.type].worthAt(meters) : FACE_VALUE;
}

/** A reply's worth to this scenario's customer with these meters (or at face value, without meters). */
export function worthOf(catalog: Catalog, scenario: Scenario | undefined, reply: Reply | undefined, meters?: Meters, filter: Filter = ALL, now: WorthNow = worthNow(scenario, meters)): Worth {
  const w: Worth = { practice: 0, penalty: 0, worst: 0 };
  for (const t of reply?.principles ?? []) {
    const p = catalog.get(t.id);
    if (!p || !filter(p)) continue;
    if (p.polarity === 'practice') {
      const factor = now === FACE_VALUE ? 1 : now({ id: p.id, weight: t.weight, polarity: 'practice', category: p.category, service: p.service });
      w.practice += t.weight * factor;
    } else {
      const sev = severityOf(p);
      w.penalty += t.weight * SEVERITY_POINTS[sev];
      w.worst = Math.max(w.worst, SEVERITY_RANK[sev]);
    }
  }
  return w;
}

/**
 * A reply's value at face value, in practice units (a grave violation of weight 1 = −4): for
 * comparing replies where no customer state is at hand (lint, the audit's giveaways).
 */
export function replyValue(catalog: Catalog, reply: Reply | undefined, filter: Filter = ALL): number {
  const w = worthOf(catalog, undefined, reply, undefined, filter);
  return w.practice - w.penalty / SEVERITY_POINTS.minor;
}

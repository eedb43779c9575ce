/**
 * Whether a scenario's ids fit what the package will write to the LMS under SCORM 1.2 rules
 * (platform/lms/cmi12.ts): interaction ids (scenario_node), objective ids (principle ids),
 * student responses (reply ids), the lesson location (node ids). A scenario that does not fit
 * is refused with the place to fix it, never renamed behind the trainer's back.
 */
import type { Catalog } from '../engine/catalog/catalog.js';
import type { Problem } from '../engine/problems.js';
import type { Scenario } from '../engine/scenario/model.js';
import { fitsIdentifier, IDENTIFIER_MAX, interactionId, STRING255 } from '../platform/lms/cmi12.js';

const RULE = `SCORM 1.2 identifiers use letters, digits, "-" and "_", at most ${IDENTIFIER_MAX} characters`;

export function scormProblems(scenario: Scenario, catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const at = (loc: { line: number; col: number }, message: string, hint?: string) =>
    problems.push({ file: scenario.file, line: loc.line, col: loc.col, severity: 'error', code: 'scorm-id', message, ...(hint ? { hint } : {}) });
  if (!fitsIdentifier(scenario.id)) at(scenario.idLoc, `scenario id "${scenario.id.slice(0, 40)}…" does not fit SCORM 1.2: ${RULE}`);
  const principles = new Map<string, { line: number; col: number }>();
  for (const id of scenario.order) {
    const node = scenario.nodes[id]!;
    const iid = interactionId(scenario.id, node.id);
    if (!fitsIdentifier(iid)) {
      at(node.loc, `node "${node.id.slice(0, 40)}${node.id.length > 40 ? '…' : ''}" makes the interaction id "${iid.slice(0, 40)}…" (${iid.length} characters): ${RULE}`, `shorten the node id (or the scenario id) to at most ${IDENTIFIER_MAX - scenario.id.length - 1} characters`);
    }
    for (const c of node.choices) {
      const reply = c.id ?? `c${c.index}`;
      if (reply.length > STRING255 || !fitsIdentifier(reply)) at(c.loc, `reply id "${reply.slice(0, 40)}…" is reported as the learner's response, at most ${STRING255} characters of letters, digits, "-" and "_"`);
      for (const t of c.principles) if (!principles.has(t.id)) principles.set(t.id, c.loc);
    }
    if (node.onTimeout) for (const t of node.onTimeout.principles) if (!principles.has(t.id)) principles.set(t.id, node.onTimeout.loc);
  }
  for (const [id, loc] of principles) {
    const p = catalog.get(id);
    if (p && !fitsIdentifier(p.id)) at(loc, `principle "${p.id.slice(0, 40)}…" is reported as an objective id: ${RULE}`);
  }
  return problems;
}

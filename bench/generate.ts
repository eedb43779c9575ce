/** A generated scenario of any size, for benchmarks: a layered graph with seeded random tags. */
import type { Catalog } from '../src/engine/catalog/catalog.js';
import { nextRandom, seedState } from '../src/engine/rng.js';

export function generateScenario(catalog: Catalog, nodes: number, opts: { width?: number; seed?: number } = {}): string {
  const width = opts.width ?? 50;
  const layers = Math.ceil(nodes / width);
  let rng = seedState(opts.seed ?? 42);
  const rand = () => {
    const r = nextRandom(rng);
    rng = r.state;
    return r.value;
  };
  const ids = catalog.principles.map((p) => p.id);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: string[] = [
    'id: generated',
    'title: "Generated"',
    'difficulty: 3',
    'setting: call-centre',
    'brief: "Generated for benchmarks."',
    'customer: { type: angry, name: "Bench", persona: "Generated." }',
    'nodes:',
  ];
  for (let n = 0; n < nodes; n++) {
    const layer = Math.floor(n / width);
    out.push(`  - id: n${n}`, `    line: "Line ${n}"`, '    choices:');
    for (let c = 0; c < 3; c++) {
      const to = layer === layers - 1 ? pick(['end-won', 'end-ok', 'end-meh']) : `n${Math.min(nodes - 1, (layer + 1) * width + Math.floor(rand() * width))}`;
      const first = pick(ids);
      const second = pick(ids.filter((id) => id !== first));
      out.push(`      - text: "Reply ${c}"`, `        principles: [${first}, ${second}]`, '        feedback: "Why."', `        next: ${to}`);
    }
  }
  out.push(
    'endings:',
    '  - { id: end-won, outcome: won-back, summary: "Won." }',
    '  - { id: end-ok, outcome: resolved, summary: "Resolved." }',
    '  - { id: end-meh, outcome: unresolved, summary: "Unresolved." }',
    '  - { id: end-bad, outcome: escalated, summary: "Escalated." }',
  );
  return out.join('\n') + '\n';
}

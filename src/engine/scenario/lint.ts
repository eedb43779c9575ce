/**
 * Lint: what `check` cannot see because the file is valid, but a trainer would want to
 * know before a trainee plays it: parts of the graph no one reaches or no one leaves,
 * replies that train nothing, text in one language only, a best path that does not end
 * well, a customer type whose signature principles never come up, a best reply always
 * under the same key. Every finding has a severity, a position and a fix hint.
 */
import { auditFindings } from '../audit/index.js';
import type { Catalog } from '../catalog/catalog.js';
import { customerProfiles } from '../customers/index.js';
import type { Problem, Severity } from '../problems.js';
import { replyValue } from '../scoring/debrief.js';
import { checkAgreement } from '../scoring/agreement.js';
import { findPaths } from '../scoring/paths.js';
import { startSession, type Play } from '../session/session.js';
import { article, missingLocales, toLocalized, type LocalizedText } from '../text.js';
import { MAX_ALIASES, TEXT_FIELDS, type PathSegment, type YamlSource } from '../yamlSource.js';
import { loadScenario } from './load.js';
import type { Loc, Scenario } from './model.js';
import { GOOD_OUTCOMES } from './model.js';
import { breakOffAfterModel, forgivingEndings } from './lintRoutes.js';

export interface LintResult {
  scenario?: Scenario;
  problems: Problem[];
}

export function lintScenario(file: string, text: string, catalog: Catalog): LintResult {
  const r = loadScenario(file, text, catalog);
  if (!r.ok) return { problems: r.problems };
  const s = r.scenario;
  const out: Problem[] = [...r.problems];
  const at = (loc: Loc, severity: Severity, code: string, message: string, hint: string) =>
    out.push({ file, line: loc.line, col: loc.col, severity, code, message, hint });
  const atPath = (path: PathSegment[], severity: Severity, code: string, message: string, hint: string) =>
    out.push(r.source.problem(path, code, message, { severity, hint }));

  graphFindings(s, at);
  replyFindings(s, catalog, at);
  translationFindings(r.source, atPath);
  teachingFindings(s, catalog, at);
  auditFindings(s, catalog, at);
  return { scenario: s, problems: out };
}

/** Everything reachable from `start` by `next`. */
function closure(start: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  for (let i = 0; i < queue.length; i++) {
    for (const to of next(queue[i]!)) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}

type At = (loc: Loc, severity: Severity, code: string, message: string, hint: string) => void;

function edges(s: Scenario, id: string): string[] {
  const n = s.nodes[id];
  if (!n) return [];
  return [...n.choices, ...(n.onTimeout ? [n.onTimeout] : [])].flatMap((r) => r.next.map((b) => b.to));
}

/** Whether any reply or branch on a way to `target` has a "when" (walking back from it). */
function conditionsOnTheWay(s: Scenario, target: string): boolean {
  const back = new Map<string, string[]>();
  for (const id of s.order) for (const to of edges(s, id)) back.set(to, [...(back.get(to) ?? []), id]);
  const before = closure([target], (id) => back.get(id) ?? []);
  return [...before].some((id) => s.nodes[id]?.choices.some((c) => c.when || c.next.some((b) => b.when)) || s.nodes[id]?.onTimeout?.next.some((b) => b.when));
}

/** Unreachable nodes and endings; nodes from which no ending can be reached (dead ends and closed loops). */
function graphFindings(s: Scenario, at: At): void {
  const reached = closure([s.start], (id) => edges(s, id));
  for (const id of s.order) {
    if (!reached.has(id)) at(s.nodes[id]!.loc, 'warning', 'unreachable', `node "${id}" can never be reached from "${s.start}"`, 'point a choice\'s "next" at it, or delete it');
  }
  for (const e of Object.values(s.endings)) {
    if (!reached.has(e.id) && e.id !== s.breakdown) at(e.loc, 'warning', 'unreachable', `ending "${e.id}" can never be reached`, 'point a choice\'s "next" at it, or delete it');
  }
  // Which nodes can still reach an ending (walking the edges backwards from the endings).
  const back = new Map<string, string[]>();
  for (const id of s.order) for (const to of edges(s, id)) back.set(to, [...(back.get(to) ?? []), id]);
  const canEnd = closure(Object.keys(s.endings), (id) => back.get(id) ?? []);
  for (const id of s.order) {
    if (!reached.has(id) || canEnd.has(id)) continue;
    const region = [...closure([id], (x) => edges(s, x))].filter((x) => s.nodes[x]);
    at(
      s.nodes[id]!.loc,
      'error',
      'no-way-out',
      region.length > 1 || edges(s, id).includes(id) ? `from node "${id}" no ending can be reached: the talk goes round ${region.join(', ')} for ever` : `node "${id}" is a dead end`,
      'give at least one reply a "next" that leads to an ending',
    );
  }
}

function replyFindings(s: Scenario, catalog: Catalog, at: At): void {
  for (const n of Object.values(s.nodes)) {
    for (const c of n.choices) {
      if (!c.principles.length) {
        at(c.loc, 'warning', 'untagged', `a reply in "${n.id}" practises or violates no principle, so it earns nothing and teaches nothing`, 'tag it with the principles it honours or breaks; npx dojo principles lists them');
      }
    }
    if (n.onTimeout && !n.onTimeout.principles.length) {
      at(n.onTimeout.loc, 'warning', 'untagged-timeout', `letting the time run out in "${n.id}" is tagged with no principle, so it scores as the worst reply on offer`, 'tag it with what the silence means here: e.g. no-answer for a question left hanging, show-patience for a pause a quiet customer needs');
    }
    const replies = [...n.choices, ...(n.onTimeout ? [n.onTimeout] : [])];
    const values = replies.map((r) => replyValue(catalog, r));
    if (replies.length > 1 && new Set(values).size === 1) {
      at(n.loc, 'warning', 'no-difference', `every reply in "${n.id}" scores the same, so this decision teaches nothing`, 'tag the better reply with the principle it honours, or the worse with the one it breaks');
    }
  }
}

/** Text given in only one language, found by walking the file's own data so each has its position. */
function translationFindings(src: YamlSource, atPath: (p: PathSegment[], sev: Severity, code: string, m: string, h: string) => void): void {
  const walk = (v: unknown, path: PathSegment[], key: string | undefined) => {
    if (key && TEXT_FIELDS.has(key) && (typeof v === 'string' || (v && typeof v === 'object' && !Array.isArray(v)))) {
      for (const p of typeof v === 'string' ? [path] : Object.keys(v).map((l) => [...path, l])) {
        const node = src.doc.getIn(p, true) as { comment?: string; type?: string } | undefined;
        if (node?.comment && node.type === 'PLAIN') {
          atPath(p, 'warning', 'cut-by-comment', `the text ends at " #": YAML reads the rest ("#${node.comment}") as a comment`, 'put the whole text in quotes');
        }
      }
      const t = toLocalized(v as string | LocalizedText);
      const missing = missingLocales(t);
      if (missing.length) atPath(path, 'warning', 'missing-translation', `${key} has no ${missing.join(' or ')} text`, `add ${missing.map((m) => `${m}: "…"`).join(' and ')}`);
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], key === 'line' ? 'line' : undefined));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k], k);
  };
  walk(src.doc.toJS({ maxAliasCount: MAX_ALIASES }), [], undefined);
}

/** Replies the customer takes clearly worse than another on offer, yet scoring higher (scoring/agreement.ts). */
function agreementFindings(play: Play, at: At): void {
  const report = checkAgreement(play);
  const label = (node: string, i: number) => (i < 0 ? 'letting the time run out' : `reply ${i + 1}`);
  for (const d of report.disagreements) {
    const mood = (m: number) => (m >= 0 ? `+${m}` : `${m}`);
    at(
      d.loc,
      'warning',
      'score-vs-customer',
      `in "${d.node}", the customer takes ${label(d.node, d.higher)} clearly worse than ${label(d.node, d.lower)} (mood ${mood(d.moods[0])} vs ${mood(d.moods[1])}, customer ${d.state}), yet it scores higher (${d.scores[0]} vs ${d.scores[1]})`,
      'check both replies\' tags against what they say; if the customer is meant to react against the score here, give the reply a moodException saying why',
    );
  }
  if (!report.complete) at(play.scenario.nodes[play.scenario.start]!.loc, 'info', 'agreement-partial', `the score/customer check stopped after ${report.states} states`, 'a smaller scenario is checked in full');
}

function teachingFindings(s: Scenario, catalog: Catalog, at: At): void {
  const play = { scenario: s, catalog };
  const report = findPaths(play, startSession(play, 1));
  const first = s.nodes[s.start]!.loc;
  if (report.best && !GOOD_OUTCOMES.includes(report.best.outcome)) {
    at(first, 'warning', 'best-path', `the best-scoring path ends "${report.best.outcome}" (via ${report.best.picks.join(',')})`, 'let the best replies lead to a won-back or resolved ending');
  }
  if (report.worst && GOOD_OUTCOMES.includes(report.worst.outcome)) {
    at(first, 'warning', 'worst-path', `even the worst-scoring path ends "${report.worst.outcome}" (via ${report.worst.picks.join(',')})`, 'let the worst replies lead to an unresolved, escalated or left-silently ending');
  }
  // An ending no `next` leads to has its own warning (graphFindings); here, those links lead to but no play does.
  const linked = closure([s.start], (id) => edges(s, id));
  for (const e of report.endings) {
    if (e.reachable || e.id === s.breakdown || !linked.has(e.id)) continue;
    const why = conditionsOnTheWay(s, e.id)
      ? 'the conditions on the way never hold'
      : 'on every route the customer breaks off or the talk ends before it';
    at(s.endings[e.id]!.loc, 'warning', 'never-reached', `no way of playing reaches ending "${e.id}" (${why})`, 'check the "when" conditions that lead here against the meters the customer can reach (npx dojo paths)');
  }
  for (const id of report.stuck) {
    at(s.nodes[id]!.loc, 'error', 'stuck', `at node "${id}" the trainee can be left with no reply to choose: every choice's "when" fails`, 'give one choice no "when", or add a timeLimit with onTimeout');
  }
  if (report.endless.length) {
    at(s.nodes[report.endless[0]!]!.loc, 'warning', 'endless-loop', `a conversation can go round ${report.endless.join(', ')} for ever: the customer never breaks off and no ending comes`, 'let a reply that repeats a mistake lead to an ending the second time (e.g. next: [{ when: { visited: [that-node] }, to: an-ending }, { to: that-node }])');
  }
  if (!report.exact && !report.endless.length) at(first, 'info', 'paths-partial', `the path search was thinned (${report.states} states): best and worst paths are estimates`, 'a smaller scenario is searched exactly');
  const picks = report.best?.picks.filter((p) => p !== 't') ?? [];
  if (picks.length >= 4 && new Set(picks).size === 1) {
    at(first, 'warning', 'same-key', `the best reply is always choice ${picks[0]}: trainees learn the key, not the principle`, 'move the best reply to different places in different nodes');
  }
  agreementFindings(play, at);
  forgivingEndings(play, report, at);
  breakOffAfterModel(play, at);
  const used = new Set(Object.values(s.nodes).flatMap((n) => [...n.choices, ...(n.onTimeout ? [n.onTimeout] : [])].flatMap((c) => c.principles.map((t) => t.id))));
  const sig = customerProfiles[s.customer.type].signature;
  const missing = [...sig.practices, ...sig.violations].filter((id) => !used.has(id));
  if (missing.length) {
    at(first, 'warning', 'signature', `${article(s.customer.type)} ${s.customer.type} customer reacts most to ${missing.join(', ')}, but no reply here uses ${missing.length > 1 ? 'them' : 'it'}`, `offer a reply that practises or violates ${missing[0]}`);
  }
}

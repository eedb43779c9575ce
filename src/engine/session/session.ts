/**
 * The session's rules as pure functions over plain, serialisable state: offer the choices
 * whose conditions hold, feed the reply to the customer machine, follow the branch, pick
 * the next line variant with the seeded RNG. The XState session actor (machine.ts), the
 * path search and the CLI all run on these.
 */
import { initialTransition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { Catalog } from '../catalog/catalog.js';
import { severityOf } from '../catalog/severity.js';
import { customerMachines, customerProfiles } from '../customers/index.js';
import { stepMachine } from '../customers/step.js';
import type { CustomerContext, CustomerEvent, Meters, ReplyTag } from '../customers/reaction.js';
import { pickIndex, seedState } from '../rng.js';
import type { Choice, Condition, DialogueNode, Ending, Reply, Scenario, Tag } from '../scenario/model.js';
import type { Expression } from '../scenario/schema.js';
import { sharedCount, words } from '../judge/closest.js';
import type { Locale } from '../text.js';

export interface Play {
  scenario: Scenario;
  catalog: Catalog;
}

export interface CustomerSnapshot {
  /** The customer machine's state value, e.g. "heated". */
  value: string;
  context: CustomerContext;
  done: boolean;
}

export interface TurnRecord {
  node: string;
  variant: number;
  /** Index into the node's choices as written; -1 when the time ran out. */
  choice: number;
  /** Indices of the choices that were offered (their conditions held). */
  offered: number[];
  before: Meters;
  after: Meters;
  rules: string[];
  customerState: string;
  expression: Expression;
  /** Set when the trainee typed the reply ("in my own words"); `choice` is then the authored reply it was read as. */
  said?: SaidReply;
}

/** A typed reply as the judge read it: the principles found in the trainee's own text, and the reply it is closest to. */
export interface SaidReply {
  text: string;
  /** `guess`: the judge's under-threshold "says something" guess (weighs by its confidence). */
  principles: { id: string; confidence: number; evidence: [number, number]; guess?: true }[];
  similarity: number;
  /** Typed word for word as the reply it is read as: scored and reacted to as that reply (its authored principles). */
  verbatim?: true;
  /**
   * What the turn is scored on and the customer reacts to (`typedTags`): the principles found, and the practices
   * of the reply it is read as, credited by similarity. Absent in turns saved before it existed: each principle
   * found at weight 1.
   */
  tags?: Tag[];
}

/**
 * What the judge hands the session for a typed reply (its `JudgeResult`, as plain data: the engine
 * stays pure and does not run the judge itself).
 */
export interface JudgedText {
  text: string;
  principles: readonly { id: string; confidence: number; evidence: readonly [number, number] | readonly number[]; guess?: boolean }[];
  closest?: { node: string; reply: number; similarity: number; ranked?: readonly { reply: number; similarity: number }[] };
  /**
   * A turn read before, replayed (a resumed play's picks, engine/session/picks.ts): the reply it was read as and
   * how close, taken as they are — no reading again, so the replay reaches the state the play reached.
   */
  readAs?: { reply: number; similarity: number };
}

/**
 * How close (0–1, the judge's `closest.similarity`) a typed reply must be to an authored reply for the
 * conversation to branch on it. The similarity is 0.6 × Jaccard over principles + 0.4 × Dice over words
 * (src/engine/judge/closest.ts). 0.3 is what sharing half of a reply's principles earns with no words in
 * common (0.6 × ½), or one principle in three plus a third of its words (0.2 + 0.4 × ⅓ ≈ 0.33): below that
 * the typed reply has less in common with any authored reply than with none, and the customer asks again.
 */
export const SAY_THRESHOLD = 0.3;

/**
 * How sure the judge must be that a typed reply breaks a principle for it to be taken though it is close to
 * no reply on offer: more likely than not, with a margin (the judge's cues for rudeness score 0.75–0.94;
 * set from that reading of the judge's scale, not fitted to any test).
 */
export const SAY_VIOLATION_CONFIDENCE = 0.6;

export interface SessionState {
  scenarioId: string;
  seed: number;
  rng: number;
  node: string;
  variant: number;
  elapsedMs: number;
  customer: CustomerSnapshot;
  visited: string[];
  chose: string[];
  turns: TurnRecord[];
  ending?: string;
  endedBy?: 'choice' | 'breakdown';
  /** Typed replies at this node that were not close enough to any authored reply (the customer asked again). */
  askedAgain?: number;
}

export class SessionError extends Error {}

function snapshotOf(snap: AnyMachineSnapshot): CustomerSnapshot {
  return {
    value: typeof snap.value === 'string' ? snap.value : JSON.stringify(snap.value),
    context: snap.context as CustomerContext,
    done: snap.status === 'done',
  };
}

function machineFor(play: Play): AnyStateMachine {
  return customerMachines[play.scenario.customer.type];
}

export function startSession(play: Play, seed = 1): SessionState {
  const { scenario } = play;
  const [initial] = initialTransition(machineFor(play), { start: scenario.customer.start });
  const state: SessionState = {
    scenarioId: scenario.id,
    seed,
    rng: seedState(seed),
    node: scenario.start,
    variant: 0,
    elapsedMs: 0,
    customer: snapshotOf(initial),
    visited: [],
    chose: [],
    turns: [],
  };
  return enter(play, state, scenario.start);
}

/** A session begun at `node` (a preview of one part of a scenario): the customer as at the start, nothing chosen before. */
export function startSessionAt(play: Play, node: string, seed = 1): SessionState {
  const start = startSession(play, seed);
  return node === play.scenario.start ? start : enter(play, { ...start, visited: [] }, node);
}

function enter(play: Play, state: SessionState, target: string): SessionState {
  const { scenario } = play;
  const node: DialogueNode | Ending | undefined = scenario.nodes[target] ?? scenario.endings[target];
  if (!node) throw new SessionError(`no node or ending "${target}"`);
  const { index, state: rng } = pickIndex(state.rng, node.line.length);
  const { askedAgain: _asked, ...rest } = state;
  void _asked;
  const next: SessionState = { ...rest, rng, node: target, variant: index, elapsedMs: 0, visited: [...state.visited, target] };
  if (scenario.endings[target]) return { ...next, ending: target, endedBy: state.customer.done ? 'breakdown' : 'choice' };
  return next;
}

export function currentNode(play: Play, state: SessionState): DialogueNode | undefined {
  return play.scenario.nodes[state.node];
}

export function holds(cond: Condition | undefined, meters: Meters, chose: readonly string[], visited: readonly string[]): boolean {
  if (!cond) return true;
  for (const [m, r] of Object.entries(cond.meters)) {
    const v = meters[m] ?? 0;
    if (r.min !== undefined && v < r.min) return false;
    if (r.max !== undefined && v > r.max) return false;
  }
  return (
    cond.chose.every((c) => chose.includes(c)) &&
    cond.notChose.every((c) => !chose.includes(c)) &&
    cond.visited.every((n) => visited.includes(n))
  );
}

/** The choices on screen now, in file order (only those whose conditions hold). */
export function offeredChoices(play: Play, state: SessionState): Choice[] {
  const node = currentNode(play, state);
  if (!node || state.ending) return [];
  return node.choices.filter((c) => holds(c.when, state.customer.context.meters, state.chose, state.visited));
}

export function resolveTags(catalog: Catalog, tags: readonly Tag[]): ReplyTag[] {
  return tags.map((t) => {
    const p = catalog.get(t.id);
    if (!p) throw new SessionError(`unknown principle "${t.id}"`);
    return { id: t.id, weight: t.weight, polarity: p.polarity, category: p.category, service: p.service, ...(p.polarity === 'violation' ? { severity: severityOf(p) } : {}) };
  });
}

function respond(play: Play, state: SessionState, reply: Reply, choiceIndex: number, offered: number[], silent: boolean, said?: SaidReply): SessionState {
  const { scenario, catalog } = play;
  const node = currentNode(play, state)!;
  const machine = machineFor(play);
  const event: CustomerEvent = {
    type: silent ? 'trainee.silent' : 'trainee.reply',
    tags: resolveTags(catalog, said && !said.verbatim ? saidTags(said) : reply.principles),
    ...(reply.effects ? { effects: reply.effects } : {}),
  };
  const snap = machine.resolveState({ value: state.customer.value, context: state.customer.context });
  const next = stepMachine(machine, snap, event);
  const customer = snapshotOf(next);
  const choice = node.choices[choiceIndex];
  const chose = choice?.id ? [...state.chose, `${node.id}.${choice.id}`] : state.chose;
  const profile = customerProfiles[scenario.customer.type];
  const turn: TurnRecord = {
    node: node.id,
    variant: state.variant,
    choice: choiceIndex,
    offered,
    before: state.customer.context.meters,
    after: customer.context.meters,
    rules: customer.context.lastRules,
    customerState: customer.value,
    expression: profile.expression(customer.context.meters, customer.context.lastDelta),
    ...(said ? { said } : {}),
  };
  const advanced: SessionState = { ...state, customer, chose, turns: [...state.turns, turn] };
  if (customer.done) return enter(play, advanced, scenario.breakdown);
  const branch = reply.next.find((b) => holds(b.when, customer.context.meters, chose, advanced.visited));
  if (!branch) throw new SessionError(`no branch of "${node.id}" applies`);
  return enter(play, advanced, branch.to);
}

/** The trainee picks the `n`-th offered choice (0-based, as numbered on screen from 1). */
export function choose(play: Play, state: SessionState, n: number): SessionState {
  if (state.ending) throw new SessionError('the conversation has ended');
  const offered = offeredChoices(play, state);
  const choice = offered[n];
  if (!choice) throw new SessionError(`there is no choice ${n + 1} here (choices 1–${offered.length})`);
  return respond(play, state, choice, choice.index, offered.map((c) => c.index), false);
}

/** A typed turn's reply tags: as worked out when it was said (`typedTags`), or, for a turn saved before, each principle found at weight 1. */
export function saidTags(said: Pick<SaidReply, 'principles'> & Partial<Pick<SaidReply, 'tags'>>): Tag[] {
  return said.tags ?? [...new Set(said.principles.map((p) => p.id))].map((id) => ({ id, weight: 1 }));
}

/**
 * The similarity (the judge's `closest.similarity`) from which a typed reply is credited in full with the
 * practices of the reply it is read as; below it, in proportion (at SAY_THRESHOLD, 0.3, three sevenths).
 * 0.7 is the share of words NEARLY_WORD_FOR_WORD asks for: a reply that close in principles and wording
 * together reads as that reply. Set from that reasoning, not fitted to any test.
 */
export const FULL_CREDIT_SIMILARITY = 0.7;

/** How much of the read-as reply's practices a typed reply is credited with (0–1). */
export const creditFor = (similarity: number): number => Math.max(0, Math.min(1, similarity / FULL_CREDIT_SIMILARITY));

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A typed turn's reply tags, for its score and the customer: each principle the judge found at weight 1, or,
 * for its under-threshold guess, at its confidence (a 0.23 guess costs or earns a quarter of a sure finding);
 * and each practice of the authored reply the text is read as, at its authored weight × `creditFor(similarity)`
 * (a near-verbatim paraphrase earns what the reply earns, a loose one part of it, even where the judge names
 * the same words differently or not at all). A principle in both counts once, at the higher weight. The read-as
 * reply's violations are not charged: what the trainee wrote is charged on what the judge found in it.
 */
export function typedTags(play: Play, said: Pick<SaidReply, 'principles' | 'similarity'>, readAs: Reply | undefined): Tag[] {
  const weights = new Map<string, number>();
  const put = (id: string, w: number) => {
    if (w > 0 && w > (weights.get(id) ?? 0)) weights.set(id, round2(w));
  };
  for (const p of said.principles) put(p.id, p.guess ? Math.min(1, p.confidence) : 1);
  const credit = creditFor(said.similarity);
  if (readAs && credit > 0) for (const t of readAs.principles) if (play.catalog.get(t.id)?.polarity === 'practice') put(t.id, t.weight * credit);
  return [...weights].map(([id, weight]) => ({ id, weight }));
}

/**
 * The trainee typed a reply, already read by the judge. If it is close enough to an offered reply
 * (SAY_THRESHOLD), the customer reacts to the principles found in the text and the conversation follows
 * that reply's branch; otherwise the customer asks again: nothing is scored and the turn stays open.
 */
export function say(play: Play, state: SessionState, judged: JudgedText): SessionState {
  if (state.ending) throw new SessionError('the conversation has ended');
  const offered = offeredChoices(play, state);
  if (judged.readAs) return sayAgain(play, state, judged, judged.readAs, offered);
  // Word for word a reply on offer (in either language, punctuation and spacing aside): it is that
  // reply, and its authored principles are the reading of those words (the judge's cues may find
  // others, and the coaching would then offer the trainee's own words as the better reply).
  const typed = plainWords(judged.text);
  const verbatim = typed ? (offered.find((o) => Object.values(o.text).some((t) => plainWords(t) === typed)) ?? nearlyWordForWord(play, offered, judged)) : undefined;
  if (verbatim) {
    const whole: [number, number] = [0, judged.text.length];
    const said: SaidReply = { text: judged.text, principles: verbatim.principles.map((t) => ({ id: t.id, confidence: 1, evidence: whole })), similarity: 1, verbatim: true };
    return respond(play, state, verbatim, verbatim.index, offered.map((o) => o.index), false, said);
  }
  for (const p of judged.principles) if (!play.catalog.get(p.id)) throw new SessionError(`unknown principle "${p.id}"`);
  const c = closestAgreeing(play, judged, offered, state.node);
  let choice = c && c.similarity >= SAY_THRESHOLD ? offered.find((o) => o.index === c.reply) : undefined;
  if (!choice) {
    // A reply that clearly breaks a principle is never waved away as "not an answer": it is taken, and
    // the story goes the way of the reply on offer nearest to it in what it breaks.
    const broken = judged.principles.filter((p) => !p.guess && play.catalog.get(p.id)!.polarity === 'violation' && p.confidence >= SAY_VIOLATION_CONFIDENCE).map((p) => p.id);
    if (!broken.length) return { ...state, askedAgain: (state.askedAgain ?? 0) + 1 };
    const closeness = new Map((judged.closest?.node === state.node ? (judged.closest.ranked ?? [{ reply: judged.closest.reply, similarity: judged.closest.similarity }]) : []).map((r) => [r.reply, r.similarity]));
    choice = nearestInWhatItBreaks(play, offered, broken, closeness);
  }
  // In hundredths: what a learning platform's record keeps of it (picks.ts), so a resumed play scores the same.
  // Taken for what it breaks, under the threshold, it is credited with nothing of the reply it goes the way of.
  const close = c && c.similarity >= SAY_THRESHOLD && c.reply === choice.index;
  return respondTyped(play, state, judged, choice, close ? round2(c.similarity) : 0, offered);
}

/** A typed turn replayed as it was read: that reply, that similarity, the principles as recorded. */
function sayAgain(play: Play, state: SessionState, judged: JudgedText, readAs: NonNullable<JudgedText['readAs']>, offered: readonly Choice[]): SessionState {
  const choice = offered.find((o) => o.index === readAs.reply);
  if (!choice) throw new SessionError(`reply ${readAs.reply + 1} is not on offer here`);
  for (const p of judged.principles) if (!play.catalog.get(p.id)) throw new SessionError(`unknown principle "${p.id}"`);
  return respondTyped(play, state, judged, choice, Math.max(0, Math.min(1, readAs.similarity)), offered);
}

/** The customer's answer to a typed reply read as `choice`, `similarity` close: scored on its tags (`typedTags`). */
function respondTyped(play: Play, state: SessionState, judged: JudgedText, choice: Choice, similarity: number, offered: readonly Choice[]): SessionState {
  const read: Pick<SaidReply, 'principles' | 'similarity'> = {
    principles: judged.principles.map((p) => ({ id: p.id, confidence: p.confidence, evidence: [Number(p.evidence[0]), Number(p.evidence[1])], ...(p.guess ? { guess: true as const } : {}) })),
    similarity,
  };
  const said: SaidReply = { text: judged.text, ...read, tags: typedTags(play, read, choice) };
  return respond(play, state, choice, choice.index, offered.map((o) => o.index), false, said);
}

/**
 * The reply on offer a typed reply is read as: the closest (the judge's `closest`, or, where it ranked every reply,
 * the closest of those on offer — a reply the trainee never saw must not make the customer ask again: "I'll call
 * you at 8 tonight" was closest to the farewell kept for a trainee who took notes earlier), where a reply in which
 * the judge found nothing wrong is never read as an authored reply that breaks a principle: a play-test's "It is
 * our fault, and I'm sorry" was read as "we'll certainly cover all your losses", and the story and the debrief then
 * held the trainee to a promise never made. (A reply that breaks one may still be read as a reply that does not:
 * its score and the customer's mood answer to what the judge found in it.) Undefined when none is left.
 */
function closestAgreeing(play: Play, judged: JudgedText, offered: readonly Choice[], node: string): { reply: number; similarity: number } | undefined {
  const c = judged.closest;
  if (!c || c.node !== node) return undefined;
  const clean = !judged.principles.some((p) => !p.guess && play.catalog.get(p.id)?.polarity === 'violation');
  const breaks = (o: Choice) => o.principles.some((t) => play.catalog.get(t.id)?.polarity === 'violation');
  const agrees = (o: Choice) => !clean || !breaks(o);
  const ranked = c.ranked ?? [{ reply: c.reply, similarity: c.similarity }];
  let best: { reply: number; similarity: number } | undefined;
  for (const r of ranked) {
    const o = offered.find((x) => x.index === r.reply);
    if (o && agrees(o) && (!best || r.similarity > best.similarity)) best = r;
  }
  return best;
}

/** How sure the judge must be of each principle found for `heardOnlyGood` to name it: at least even odds. */
export const HEARD_CONFIDENCE = 0.5;

/**
 * A typed reply the customer asked again about though the judge found only good in it (practices, none
 * broken): its principle ids, so the trainee can be told what was heard and that the moment asks for
 * something else; [] when nothing was found, anything found is broken, or the judge is not even even-odds
 * sure of what it found (its "says something" guess at the likeliest principle, under its thresholds).
 */
export function heardOnlyGood(play: Play, found: readonly { id: string; confidence: number }[]): string[] {
  const sure = found.length && found.every((p) => play.catalog.get(p.id)?.polarity === 'practice' && p.confidence >= HEARD_CONFIDENCE);
  return sure ? found.map((p) => p.id) : [];
}

/**
 * The reply on offer a rude typed reply is taken as: the one sharing most of the principles it breaks; then one
 * that breaks something; then the closest in principles and wording (`closeness`: the judge's ranking); then the
 * one breaking most (by severity), then the one practising least; the first listed on a tie. Closeness comes
 * before severity: a play-test's "You're absolutely right to be fed up… tell me everything", over-promising to
 * the judge, went the way of the harshest reply on offer ("You can hang up now").
 */
function nearestInWhatItBreaks(play: Play, offered: readonly Choice[], broken: readonly string[], closeness: ReadonlyMap<number, number>): Choice {
  const SEVERITY = { minor: 1, serious: 2, grave: 3 } as const;
  const key = (o: Choice): number[] => {
    const tags = resolveTags(play.catalog, o.principles);
    const bad = tags.filter((t) => t.polarity === 'violation');
    return [
      bad.filter((t) => broken.includes(t.id)).length,
      bad.length ? 1 : 0,
      closeness.get(o.index) ?? 0,
      bad.reduce((a, t) => a + SEVERITY[t.severity!] * t.weight, 0),
      -tags.filter((t) => t.polarity === 'practice').reduce((a, t) => a + t.weight, 0),
    ];
  };
  const better = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
    return false;
  };
  let best = offered[0]!;
  let bestKey = key(best);
  for (const o of offered.slice(1)) {
    const k = key(o);
    if (better(k, bestKey)) [best, bestKey] = [o, k];
  }
  return best;
}

/**
 * Nearly word for word: seven in ten of the reply's words are in the typed text, and seven in ten of all the
 * words of both are shared (Dice). Then the typed reply is that reply, scored as if typed word for word
 * ("实在对不起!是我推门太急撞到您了,您没被烫着吧?" for "对不起,是我推门太急,撞着您了。手烫着没有?"), where the
 * judge may find none of the reply's principles in it; unless the judge found a principle broken in it. Half a
 * reply, or a reply with as much again of the trainee's own, is read by the judge.
 */
export const NEARLY_WORD_FOR_WORD = 0.7;

export function nearlyTheSame(typed: string, reply: string, locale: Locale): number {
  const [a, b] = [words(typed, locale), words(reply, locale)];
  if (!a.size || !b.size) return 0;
  const both = sharedCount(a, b);
  const dice = (2 * both) / (a.size + b.size);
  return both / b.size >= NEARLY_WORD_FOR_WORD && dice >= NEARLY_WORD_FOR_WORD ? dice : 0;
}

function nearlyWordForWord(play: Play, offered: readonly Choice[], judged: JudgedText): Choice | undefined {
  // A broken principle the judge is sure of reads the text; its under-threshold guess does not.
  if (judged.principles.some((p) => !p.guess && play.catalog.get(p.id)?.polarity === 'violation')) return undefined;
  let best: Choice | undefined;
  let most = 0;
  for (const o of offered) {
    for (const [locale, t] of Object.entries(o.text) as [Locale, string | undefined][]) {
      const d = t ? nearlyTheSame(judged.text, t, locale) : 0;
      if (d > most) [best, most] = [o, d];
    }
  }
  return best;
}

/** A text's letters and digits only, folded (NFKC, lower case): to tell a reply typed word for word. */
function plainWords(text: string | undefined): string {
  return (text ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The time limit ran out with no reply. */
export function timeOut(play: Play, state: SessionState): SessionState {
  const node = currentNode(play, state);
  if (state.ending || !node?.onTimeout) throw new SessionError('nothing happens when time runs out here');
  return respond(play, state, node.onTimeout, -1, offeredChoices(play, state).map((c) => c.index), true);
}

/** Time passes; when the node's limit is reached the timeout fires. */
export function tick(play: Play, state: SessionState, ms: number): SessionState {
  if (state.ending || ms <= 0) return state;
  const node = currentNode(play, state);
  const elapsedMs = state.elapsedMs + ms;
  if (node?.timeLimit && node.onTimeout && elapsedMs >= node.timeLimit * 1000) return timeOut(play, { ...state, elapsedMs });
  return { ...state, elapsedMs };
}

export function expressionNow(play: Play, state: SessionState): Expression {
  const scripted = (currentNode(play, state) ?? play.scenario.endings[state.node])?.expression;
  if (scripted) return scripted;
  const ctx = state.customer.context;
  return customerProfiles[play.scenario.customer.type].expression(ctx.meters, ctx.lastDelta);
}

/**
 * Whether a persisted session-actor snapshot (a saved game) still matches this version of
 * the scenario: same id, and every node, ending, choice and line variant it refers to still
 * there. A saved game from before an edit fails and should be started afresh.
 */
export function snapshotFits(s: Scenario, snapshot: unknown): boolean {
  const ctx = (snapshot as { context?: Partial<SessionState> } | null)?.context;
  if (!ctx || ctx.scenarioId !== s.id || typeof ctx.node !== 'string') return false;
  if (!s.nodes[ctx.node] && !s.endings[ctx.node]) return false;
  if (ctx.ending !== undefined && !s.endings[ctx.ending]) return false;
  return (ctx.turns ?? []).every((t) => {
    const n = s.nodes[t.node];
    return !!n && (t.choice < 0 ? !!n.onTimeout : t.choice < n.choices.length) && t.offered.every((i) => i < n.choices.length) && t.variant < n.line.length;
  });
}

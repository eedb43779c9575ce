/**
 * The play scene's link to the engine: it owns the session actor for one scenario, turns
 * intents into events, and exposes what to show. It decides nothing: the offered choices,
 * the customer's reaction, the branching and the scores all come from src/engine.
 */
import { isTyped, pickIds, replayedReading, type TurnPick } from '../engine/session/picks.js';
import { createActor, type Actor } from 'xstate';
import type { Catalog } from '../engine/catalog/catalog.js';
import { customerProfiles } from '../engine/customers/index.js';
import type { Scenario } from '../engine/scenario/model.js';
import { asChoice, debrief, mistakesOf, modelChoice, replyOf, roundScore, turnScore, type BrokenPrinciple, type Debrief } from '../engine/scoring/debrief.js';
import { createSessionMachine, type SessionMachine } from '../engine/session/machine.js';
import { expressionNow, offeredChoices, type JudgedText, type Play, type SessionState, type TurnRecord } from '../engine/session/session.js';

export interface LastTurn {
  turn: TurnRecord;
  honoured: string[];
  broken: string[];
  /** The violations with their severity and cost, worst first. */
  mistakes: BrokenPrinciple[];
  score: number;
  /** The best reply that was on offer (−1: saying nothing), and what it would have scored; null when the reply taken was the best. */
  better: { choice: number; score: number; honoured: string[] } | null;
}

export class SessionController {
  readonly play: Play;
  private readonly actor: Actor<SessionMachine>;

  constructor(scenario: Scenario, catalog: Catalog, seed: number, snapshot?: unknown) {
    this.play = { scenario, catalog };
    const machine = createSessionMachine(this.play);
    this.actor = createActor(machine, snapshot ? { snapshot: snapshot as never, input: { seed } } : { input: { seed } });
    this.actor.start();
  }

  get state(): SessionState {
    return this.actor.getSnapshot().context;
  }

  get ended(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  subscribe(fn: (s: SessionState) => void): () => void {
    const sub = this.actor.subscribe((snap) => fn(snap.context));
    return () => sub.unsubscribe();
  }

  choose(index: number): void {
    this.actor.send({ type: 'trainee.choose', index });
  }

  /** A reply typed in the trainee's own words, as the judge read it (play/ownWords.ts). */
  say(judged: JudgedText): void {
    this.actor.send({ type: 'trainee.say', judged });
  }

  /** A turn as it was answered: its pick, or its typed reply with the reading it had. */
  private redo(t: TurnRecord): void {
    if (t.choice < 0) this.actor.send({ type: 'trainee.timeout' });
    else if (t.said) this.say({ text: t.said.text, principles: t.said.principles, closest: { node: t.node, reply: t.choice, similarity: t.said.similarity } });
    else this.choose(t.offered.indexOf(t.choice));
  }

  tick(ms: number): void {
    this.actor.send({ type: 'clock.tick', ms });
  }

  /**
   * A game rebuilt from its seed and its picks (each turn's choice as written, −1 for a
   * time-out), e.g. from a learning platform's few kilobytes of suspend data. Null when the
   * picks do not fit the scenario (it was edited since).
   */
  static replay(scenario: Scenario, catalog: Catalog, seed: number, picks: readonly TurnPick[]): SessionController | null {
    const c = new SessionController(scenario, catalog, seed);
    for (const p of picks) {
      if (c.ended) break;
      const before = c.state.turns.length;
      // A typed turn comes back without its words (a learning platform keeps only what scoring needs).
      if (isTyped(p)) {
        if (pickIds(p).some((id) => !catalog.get(id)) || !c.offered().some((o) => o.index === p.reply)) return c.stop(), null;
        c.say(replayedReading(p));
      } else if (p < 0) c.actor.send({ type: 'trainee.timeout' });
      else c.choose(c.offered().findIndex((o) => o.index === p));
      if (c.state.turns.length !== before + 1) {
        c.stop();
        return null;
      }
    }
    if (c.state.turns.length !== picks.length) {
      c.stop();
      return null;
    }
    return c;
  }

  /**
   * The moment before the last reply, to practise it again: a new session with the same seed
   * that replays every turn but the last (the engine is deterministic, so it reaches the same
   * line, variant and meters). Null before the first reply, or if the replay does not arrive
   * where the last turn was (it always should).
   */
  rewound(): SessionController | null {
    const turns = this.state.turns;
    const last = turns.at(-1);
    if (!last) return null;
    const c = new SessionController(this.play.scenario, this.play.catalog, this.state.seed);
    for (const t of turns.slice(0, -1)) c.redo(t);
    const s = c.state;
    if (c.ended || s.turns.length !== turns.length - 1 || s.node !== last.node || s.variant !== last.variant) {
      c.stop();
      return null;
    }
    return c;
  }

  persisted(): unknown {
    return this.actor.getPersistedSnapshot();
  }

  stop(): void {
    this.actor.stop();
  }

  offered() {
    return offeredChoices(this.play, this.state);
  }

  expression() {
    return expressionNow(this.play, this.state);
  }

  meters() {
    const profile = customerProfiles[this.play.scenario.customer.type];
    return profile.meters.map((m) => ({ ...m, value: this.state.customer.context.meters[m.id] ?? 0 }));
  }

  moodFor(meters: Record<string, number>): number {
    return customerProfiles[this.play.scenario.customer.type].mood(meters);
  }

  lastTurn(): LastTurn | undefined {
    const turn = this.state.turns.at(-1);
    if (!turn) return undefined;
    const reply = replyOf(this.play.scenario, turn);
    const honoured: string[] = [];
    const broken: string[] = [];
    for (const t of reply.principles) (this.play.catalog.get(t.id)?.polarity === 'practice' ? honoured : broken).push(t.id);
    const score = roundScore(turnScore(this.play, turn));
    const model = modelChoice(this.play, turn);
    const modelScore = roundScore(turnScore(this.play, asChoice(turn, model)));
    const better =
      (model !== turn.choice || !!turn.said) && modelScore > score
        ? {
            choice: model,
            score: modelScore,
            honoured: replyOf(this.play.scenario, asChoice(turn, model)).principles.filter((t) => this.play.catalog.get(t.id)?.polarity === 'practice').map((t) => t.id),
          }
        : null;
    return { turn, honoured, broken, mistakes: mistakesOf(this.play.catalog, reply), score, better };
  }

  /** Mean turn score so far (−100–100). */
  running(): { decisions: number; turns: number } {
    const t = this.state.turns;
    return { decisions: t.length ? Math.round(t.reduce((s, x) => s + turnScore(this.play, x), 0) / t.length) : 0, turns: t.length };
  }

  debrief(): Debrief {
    return debrief(this.play, this.state);
  }
}

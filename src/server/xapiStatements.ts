/**
 * A play as xAPI 1.0.3 statements, the same events the SCORM package reports: initialized,
 * one answered per decision (the reply's id as the response, the turn score scaled −1…1, the
 * principles honoured and broken as result extensions, the best reply on offer as the correct
 * response), then completed and passed or failed at the pass mark once it has ended.
 *
 * Statement ids are name-based UUIDs of (registration, what, turn), so a statement made again
 * for the same moment has the same id and is sent once; its timestamp is when it was first
 * seen (`stamp`). Activities are URNs under urn:complaint-dojo: (no domain is claimed).
 */
import { createHash } from 'node:crypto';
import { modelChoice, principleSides, replyOf, roundScore, turnScore } from '../engine/scoring/debrief.js';
import { debrief } from '../engine/scoring/debrief.js';
import type { Play, SessionState } from '../engine/session/session.js';
import type { LocalizedText } from '../engine/text.js';

export const XAPI_VERSION = '1.0.3';
export const NS = 'urn:complaint-dojo:';
export const EXT = {
  honoured: `${NS}xapi:principles-honoured`,
  broken: `${NS}xapi:principles-broken`,
  principle: `${NS}xapi:main-principle`,
  feedback: `${NS}xapi:feedback`,
  outcome: `${NS}xapi:outcome`,
  grade: `${NS}xapi:grade`,
  turn: `${NS}xapi:turn`,
  room: `${NS}xapi:classroom`,
  /** The reply was typed in the trainee's own words; the response is the reply it was read as. */
  typed: `${NS}xapi:typed`,
} as const;

const VERB = (id: string, en: string, zh: string) => ({ id: `http://adlnet.gov/expapi/verbs/${id}`, display: { 'en-US': en, 'zh-CN': zh } });
export const VERBS = {
  initialized: VERB('initialized', 'initialized', '开始'),
  answered: VERB('answered', 'answered', '回答'),
  completed: VERB('completed', 'completed', '完成'),
  passed: VERB('passed', 'passed', '通过'),
  failed: VERB('failed', 'failed', '未通过'),
};

export type Actor =
  | { objectType: 'Agent'; name?: string; account: { homePage: string; name: string } }
  | { objectType: 'Group'; name: string; account: { homePage: string; name: string } };

export interface Statement {
  id: string;
  actor: Actor;
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition: Record<string, unknown> };
  result?: Record<string, unknown>;
  context: Record<string, unknown>;
  timestamp: string;
  version: typeof XAPI_VERSION;
}

/** A name-based UUID (version 5 layout, SHA-1) from any text. */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(`complaint-dojo:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const lang = (t: LocalizedText): Record<string, string> => ({ ...(t['zh-CN'] ? { 'zh-CN': t['zh-CN'] } : {}), ...(t.en ? { 'en-US': t.en } : {}) });
const replyIdOf = (play: Play, node: string, choice: number) => {
  if (choice < 0) return 'timeout';
  const c = play.scenario.nodes[node]!.choices[choice]!;
  return c.id ?? `c${c.index}`;
};

/** ISO 8601 duration from milliseconds. */
export function isoDuration(ms: number): string {
  return `PT${(Math.max(0, Math.round(ms / 10)) / 100).toFixed(2)}S`;
}

export interface PlayContext {
  actor: Actor;
  /** One per play: the statements of one play share it. */
  registration: string;
  pass: number;
  /** When a statement (by id) was first seen; the builder asks for each. */
  stamp: (id: string) => string;
  /** Decision times (ms), by turn, when known. */
  latencies?: readonly (number | undefined)[];
  /** The classroom room the play happened in. */
  room?: { id: string; code: string };
  language?: string;
}

export function playStatements(play: Play, state: SessionState, c: PlayContext): Statement[] {
  const { scenario } = play;
  const scenarioId = `${NS}scenario:${scenario.id}`;
  const scenarioActivity = { objectType: 'Activity' as const, id: scenarioId, definition: { type: 'http://adlnet.gov/expapi/activities/simulation', name: lang(scenario.title), description: lang(scenario.brief) } };
  const context = (extra: Record<string, unknown> = {}) => ({
    registration: c.registration,
    platform: 'Complaint Dojo',
    ...(c.language ? { language: c.language } : {}),
    ...(c.room ? { extensions: { [EXT.room]: c.room } } : {}),
    ...extra,
  });
  const make = (key: string, verb: Statement['verb'], object: Statement['object'], result?: Record<string, unknown>, ctx = context()): Statement => {
    const id = nameUuid(`${c.registration}:${key}`);
    return { id, actor: c.actor, verb, object, ...(result ? { result } : {}), context: ctx, timestamp: c.stamp(id), version: XAPI_VERSION };
  };
  const out: Statement[] = [make('initialized', VERBS.initialized, scenarioActivity)];
  state.turns.forEach((t, i) => {
    const node = scenario.nodes[t.node]!;
    const reply = replyOf(scenario, t);
    const { honoured, broken } = principleSides(play.catalog, reply.principles);
    const score = roundScore(turnScore(play, t));
    const model = modelChoice(play, t);
    const choices = t.offered.map((k) => ({ id: replyIdOf(play, t.node, k), description: lang(node.choices[k]!.text) }));
    if (node.onTimeout) choices.push({ id: 'timeout', description: { 'zh-CN': '(超时未回复)', 'en-US': '(the time ran out)' } });
    const latency = c.latencies?.[i];
    const typed = !!t.said && !t.said.verbatim;
    out.push(
      make(
        `answered:${i + 1}`,
        VERBS.answered,
        {
          objectType: 'Activity',
          id: `${scenarioId}:node:${t.node}`,
          definition: {
            type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
            name: lang(node.line[t.variant] ?? node.line[0]!),
            interactionType: 'choice',
            choices,
            correctResponsesPattern: [replyIdOf(play, t.node, model)],
          },
        },
        {
          response: replyIdOf(play, t.node, t.choice),
          score: { scaled: score / 100, raw: score, min: -100, max: 100 },
          // A typed reply is judged on what was written: read as the model reply, it may still have broken a principle.
          success: typed ? score >= 75 : t.choice === model || score >= 75,
          ...(latency !== undefined ? { duration: isoDuration(latency) } : {}),
          extensions: {
            [EXT.turn]: i + 1,
            [EXT.honoured]: honoured,
            [EXT.broken]: broken,
            [EXT.principle]: typed ? (broken[0] ?? honoured[0] ?? null) : (reply.principles[0]?.id ?? null),
            [EXT.feedback]: lang(reply.feedback),
            ...(typed ? { [EXT.typed]: true } : {}),
          },
        },
        context({ contextActivities: { parent: [{ objectType: 'Activity', id: scenarioId }] }, ...(c.room ? { extensions: { [EXT.room]: c.room } } : {}) }),
      ),
    );
  });
  if (state.ending) {
    const d = debrief(play, state);
    const result = {
      score: { scaled: d.overall / 100, raw: d.overall, min: 0, max: 100 },
      success: d.overall >= c.pass,
      completion: true,
      extensions: { [EXT.outcome]: d.outcome, [EXT.grade]: d.grade },
    };
    out.push(make('completed', VERBS.completed, scenarioActivity, result));
    out.push(make(d.overall >= c.pass ? 'passed' : 'failed', d.overall >= c.pass ? VERBS.passed : VERBS.failed, scenarioActivity, result));
  }
  return out;
}

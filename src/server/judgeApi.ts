/**
 * The judge over HTTP, for the game and class rooms served by this server:
 *   POST /api/judge {text, locale?, scenario?, node?} → the judge's JSON with `source` ('llm' when a
 *     language model is set up and answered well, else 'offline', with the reason);
 *   GET /api/judge/info → {llm, model?} (never the model server's address or key).
 * Anyone may post (no login): each client address (trusted-proxy aware) has a budget, counted before
 * anything is read; bodies are capped; bad JSON gets 400 with what is wrong.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import { json, readBody } from './body.js';
import { Buckets } from './limits.js';
import type { ServerLibrary } from './library.js';
import type { AsyncJudge } from './llmJudge.js';
import { addressKey, clientAddress } from './trust.js';

export const JUDGE_PATH = '/api/judge';
export const JUDGE_MAX_BODY = 64 * 1024;
/** The longest reply taken (the judge reads its first MAX_CHARS and says so). */
export const JUDGE_MAX_TEXT = 20_000;
/** Replies one address may send: this many at once, then one every so many ms. */
export const JUDGE_BURST = 60;
export const JUDGE_REFILL_MS = 250;

const JudgeRequest = z.strictObject({
  text: z.string().max(JUDGE_MAX_TEXT),
  locale: z.enum(['zh-CN', 'en']).optional(),
  scenario: z.string().min(1).max(200).optional(),
  node: z.string().min(1).max(200).optional(),
});

export interface JudgeApiOptions {
  /** The judge, or why there is none (the signals file does not load). */
  judge: AsyncJudge | { error: string };
  info: { llm: boolean; model?: string };
  library: ServerLibrary;
  trustProxy?: number;
  burst?: number;
  refillMs?: number;
}

export class JudgeApi {
  private readonly posts: Buckets;

  constructor(private readonly o: JudgeApiOptions) {
    this.posts = new Buckets(o.burst ?? JUDGE_BURST, o.refillMs ?? JUDGE_REFILL_MS);
  }

  /** Requests under /api/judge; false for any other. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path === `${JUDGE_PATH}/info`) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' }), true;
      json(res, 200, this.o.info.llm ? { llm: true, model: this.o.info.model } : { llm: false });
      return true;
    }
    if (path !== JUDGE_PATH) return false;
    if (req.method !== 'POST') return json(res, 405, { error: 'method not allowed: POST a JSON reply {"text", "locale"?, "scenario"?, "node"?}' }), true;
    const key = addressKey(clientAddress({ address: req.socket.remoteAddress, headers: req.headers }, this.o.trustProxy ?? 0));
    if (!this.posts.take(key)) {
      const wait = Math.max(1, Math.ceil(this.posts.waitMs(key) / 1000));
      res.setHeader('Retry-After', String(wait));
      return json(res, 429, { error: `too many replies from this address: try again in ${wait} s`, retryAfter: wait }), true;
    }
    if (Number(req.headers['content-length'] ?? 0) > JUDGE_MAX_BODY) {
      res.setHeader('Connection', 'close');
      return json(res, 413, { error: `at most ${JUDGE_MAX_BODY} bytes` }), true;
    }
    if (!/^application\/json\b/.test(String(req.headers['content-type'] ?? ''))) return json(res, 415, { error: 'send JSON (Content-Type: application/json)' }), true;
    const text = await readBody(req, JUDGE_MAX_BODY);
    if (text === null) {
      res.setHeader('Connection', 'close');
      return json(res, 413, { error: `at most ${JUDGE_MAX_BODY} bytes` }), true;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return json(res, 400, { error: `not JSON: ${(e as Error).message}` }), true;
    }
    const parsed = JudgeRequest.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return json(res, 400, { error: `bad request: ${issue.path.join('.') || 'body'}: ${issue.message} (send {"text", "locale"?, "scenario"?, "node"?})` }), true;
    }
    const r = parsed.data;
    if ((r.scenario === undefined) !== (r.node === undefined)) return json(res, 400, { error: 'bad request: "scenario" and "node" go together' }), true;
    if ('error' in this.o.judge) return json(res, 503, { error: this.o.judge.error }), true;
    const entry = r.scenario === undefined ? undefined : this.o.library.get(r.scenario);
    if (r.scenario !== undefined && !entry) return json(res, 404, { error: `this server has no scenario "${r.scenario}"` }), true;
    const result = await this.o.judge(r.text, { ...(r.locale ? { locale: r.locale } : {}), ...(entry ? { scenario: entry.scenario, node: r.node! } : {}) });
    json(res, 200, result);
    return true;
  }
}

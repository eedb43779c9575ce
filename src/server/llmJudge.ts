/**
 * The optional language-model judge (DOJO_LLM_URL …, llmSettings.ts): asks an OpenAI-compatible
 * chat-completions endpoint for the offline judge's JSON, checks the answer like any untrusted input
 * (llmAnswer.ts), and falls back to the offline judge on any failure — refused connection, HTTP error,
 * timeout, an answer that is too large, not JSON, the wrong shape, empty, or with no finding that holds up —
 * saying so in the result (`source`, `reason`). At most `concurrency` requests are in flight; others wait
 * their turn within the same timeout, and past a short queue a reply is judged offline at once.
 * A model that fails several times in a row (down, or too slow) rests a while, so a class is not kept waiting
 * for the timeout on every reply. The key goes in the Authorization header only: no reason, log line or result ever holds it.
 */
import type { Catalog } from '../engine/catalog/catalog.js';
import { closestReply, MAX_CHARS, notice, readingsOf, type Judge, type JudgeOptions, type JudgeResult } from '../engine/judge/index.js';
import type { Locale } from '../engine/text.js';
import { checkFindings, completionContent, contentJson } from './llmAnswer.js';
import { answerSchema, requestBody, systemPrompt, userMessage, type ResponseFormat } from './llmPrompt.js';
import type { LlmSettings } from './llmSettings.js';

export type FallbackCode = 'no-words' | 'busy' | 'resting' | 'timeout' | 'unreachable' | 'http' | 'too-large' | 'malformed' | 'empty' | 'shape' | 'invalid';

export interface SourcedResult extends JudgeResult {
  source: 'llm' | 'offline';
  /** The model asked (source llm). */
  model?: string;
  /** Why the offline judge answered instead (source offline), in English for the operator, and as a code. */
  reason?: string;
  reasonCode?: FallbackCode;
  /** The model's findings that did not hold up, and why. */
  dropped?: string[];
}

export type AsyncJudge = (text: string, options?: JudgeOptions) => Promise<SourcedResult>;

export interface LlmJudgeOptions {
  settings: LlmSettings;
  catalog: Catalog;
  offline: Judge;
  fetch?: typeof fetch;
  /** Replies that may wait for a free slot (default 4 × concurrency); past it, offline at once. */
  maxQueue?: number;
  /** The largest answer read (default 256 KB); a larger one is cut off. */
  maxAnswerBytes?: number;
  /** Told of fallbacks and their reasons: each new reason at once, the same one again at most every `logEveryMs` (default 60 s), with a count. */
  log?: (message: string) => void;
  logEveryMs?: number;
  /** After this many outages in a row (no answer, refused, HTTP error, too large; default 3), the model rests … */
  restAfter?: number;
  /** … for this long (default 30 s): replies are judged offline at once, then one is sent to try it again. */
  restMs?: number;
  now?: () => number;
}

export interface LlmJudge {
  judge: AsyncJudge;
  info(): { llm: true; model: string };
}

class Failure extends Error {
  constructor(
    readonly code: FallbackCode,
    message: string,
  ) {
    super(message);
  }
}

const HAN = /\p{Script=Han}/u;
/** Failures that say the model server is down or overloaded, rather than one bad answer. */
const OUTAGE = new Set<FallbackCode>(['timeout', 'unreachable', 'http', 'too-large']);
const UNREADABLE = new Set(['empty', 'binary', 'no-words']);

/** The offline judge's answer, marked as such (for callers with no model set up). */
export function offlineJudge(offline: Judge): AsyncJudge {
  return (text, options) => Promise.resolve({ ...offline(text, options), source: 'offline' });
}

/** The body, read up to `max` bytes; past it the request is aborted. */
async function readLimited(res: Response, max: number, abort: () => void): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      abort();
      await reader.cancel().catch(() => undefined);
      throw new Failure('too-large', `the model server's answer is larger than ${Math.round(max / 1024)} KB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : (e as { code?: unknown }).code;
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return `cannot reach the model server (${code})`;
  const why = typeof cause?.message === 'string' && cause.message.length <= 60 ? cause.message : '';
  return `cannot reach the model server${why ? ` (${why})` : ''}`;
}

export function createLlmJudge(o: LlmJudgeOptions): LlmJudge {
  const { settings, catalog } = o;
  const doFetch = o.fetch ?? fetch;
  const maxQueue = o.maxQueue ?? settings.concurrency * 4;
  const maxBytes = o.maxAnswerBytes ?? 256 * 1024;
  const system = systemPrompt(catalog);
  const schema = answerSchema(catalog);
  // json_schema, until a server turns it down and then answers plain json_object: that for the rest of the run.
  let format: ResponseFormat = 'json_schema';
  let inFlight = 0;
  const queue: (() => void)[] = [];
  const now = o.now ?? Date.now;
  const restAfter = o.restAfter ?? 3;
  const restMs = o.restMs ?? 30_000;
  let outagesInRow = 0;
  let restUntil = 0;
  const logged = { code: '' as FallbackCode | '', at: 0, since: 0 };

  /** One line per new reason; a repeated one at most every logEveryMs, with how many went unsaid. */
  function tell(code: FallbackCode, reason: string): void {
    if (!o.log) return;
    const t = now();
    if (code === logged.code && t - logged.at < (o.logEveryMs ?? 60_000)) {
      logged.since++;
      return;
    }
    o.log(`language-model judge: ${reason}; judged offline${logged.since ? ` (${logged.since} more fallback${logged.since > 1 ? 's' : ''} since the last note)` : ''}`);
    Object.assign(logged, { code, at: t, since: 0 });
  }

  function release(): void {
    inFlight--;
    queue.shift()?.();
  }

  /** A slot, or a failure when the queue is full or the signal fires first. */
  function acquire(signal: AbortSignal): Promise<void> {
    if (inFlight < settings.concurrency) {
      inFlight++;
      return Promise.resolve();
    }
    if (queue.length >= maxQueue) return Promise.reject(new Failure('busy', `${inFlight} replies are with the model and ${queue.length} wait: this one was judged offline`));
    return new Promise((ok, bad) => {
      const go = () => {
        signal.removeEventListener('abort', gone);
        inFlight++;
        ok();
      };
      const gone = () => {
        queue.splice(queue.indexOf(go), 1);
        bad(new Failure('timeout', `no free slot for the model within ${settings.timeoutMs} ms`));
      };
      queue.push(go);
      signal.addEventListener('abort', gone, { once: true });
    });
  }

  async function post(user: string, controller: AbortController): Promise<unknown> {
    let sent = format;
    for (;;) {
      let res: Response;
      try {
        res = await doFetch(settings.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(settings.key ? { Authorization: `Bearer ${settings.key}` } : {}) },
          body: JSON.stringify(requestBody({ model: settings.model, system, user, schema, format: sent })),
          signal: controller.signal,
        });
      } catch (e) {
        if (controller.signal.aborted) throw new Failure('timeout', `the model did not answer within ${settings.timeoutMs} ms`);
        throw new Failure('unreachable', networkReason(e));
      }
      const body = await readLimited(res, maxBytes, () => controller.abort());
      // A server without JSON-schema output turns the request down: ask again for plain JSON, and keep
      // to that once it works (a 400 for another reason fails the same way both times).
      if ((res.status === 400 || res.status === 422) && sent === 'json_schema') {
        sent = 'json_object';
        continue;
      }
      if (!res.ok) throw new Failure('http', `the model server answered HTTP ${res.status}`);
      format = sent;
      try {
        return JSON.parse(body);
      } catch {
        throw new Failure('malformed', "the model server's answer is not JSON");
      }
    }
  }

  async function ask(text: string, locale: Locale, options: JudgeOptions): Promise<Pick<SourcedResult, 'principles' | 'dropped'>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), settings.timeoutMs);
    let held = false;
    try {
      await acquire(controller.signal);
      held = true;
      const body = await post(userMessage(text, locale, options.scenario, options.node), controller).catch((e: unknown) => {
        if (e instanceof Failure) throw e;
        if (controller.signal.aborted) throw new Failure('timeout', `the model did not answer within ${settings.timeoutMs} ms`);
        throw new Failure('unreachable', networkReason(e));
      });
      const content = completionContent(body);
      if (!content.ok) throw new Failure(/empty/.test(content.error) ? 'empty' : 'shape', content.error);
      const data = contentJson(content.value);
      if (!data.ok) throw new Failure('malformed', data.error);
      const checked = checkFindings(data.value, text, catalog);
      if (!checked.ok) throw new Failure('shape', checked.error);
      const { findings, dropped } = checked.value;
      if (!findings.length && dropped.length) throw new Failure('invalid', `none of the model's ${dropped.length} finding(s) held up (${dropped[0]})`);
      return { principles: findings, ...(dropped.length ? { dropped } : {}) };
    } finally {
      clearTimeout(timer);
      if (held) release();
    }
  }

  const readOf = readingsOf(o.offline);
  const judge: AsyncJudge = async (raw, options = {}) => {
    const offline = o.offline(raw, options);
    const fallback = (code: FallbackCode, reason: string): SourcedResult => {
      tell(code, reason);
      return { ...offline, source: 'offline', reason, reasonCode: code };
    };
    if (offline.notice && UNREADABLE.has(offline.notice.code)) return { ...offline, source: 'offline', reason: 'nothing in the reply to send to the model', reasonCode: 'no-words' };
    const text = raw.length > MAX_CHARS ? raw.slice(0, MAX_CHARS) : raw;
    const locale = options.locale ?? (HAN.test(text) ? 'zh-CN' : 'en');
    if (now() < restUntil) return fallback('resting', `the model failed ${outagesInRow} times in a row: resting until ${new Date(restUntil).toISOString()}`);
    let got: Pick<SourcedResult, 'principles' | 'dropped'>;
    try {
      got = await ask(text, locale, options);
      outagesInRow = 0;
    } catch (e) {
      const f = e instanceof Failure ? e : new Failure('unreachable', 'the model could not be asked');
      if (OUTAGE.has(f.code) && ++outagesInRow >= restAfter) restUntil = now() + restMs;
      return fallback(f.code, f.message);
    }
    const ids = got.principles.map((f) => f.id);
    const unknownNode = offline.notice?.code === 'unknown-node';
    // The authored replies read as the offline judge reads them, as it does for its own findings (closest.ts).
    const closest = options.scenario && options.node !== undefined && !unknownNode ? closestReply(options.scenario, options.node, text, ids, locale, { read: (t) => readOf(t, locale) }) : undefined;
    const note = unknownNode ? offline.notice : raw.length > MAX_CHARS ? notice('too-long', MAX_CHARS) : ids.length ? undefined : notice('nothing-recognised');
    return { ...got, ...(closest ? { closest } : {}), ...(note ? { notice: note } : {}), source: 'llm', model: settings.model };
  };

  return { judge, info: () => ({ llm: true, model: settings.model }) };
}

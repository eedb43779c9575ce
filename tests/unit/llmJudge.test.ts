/**
 * The optional language-model judge against a fake OpenAI-compatible endpoint on 127.0.0.1: a good answer,
 * a slow one, malformed JSON, wrong ids and spans, HTTP 500, a refused connection, a huge body; the offline
 * judge answers whenever the model fails, and says why. Then POST /api/judge and its limits, and the CLI.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, relative, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readCatalog, readScenario, readSignals } from '../../src/cli/files.js';
import { closestReply, createJudge } from '../../src/engine/judge/index.js';
import { checkFindings, contentJson, locate } from '../../src/server/llmAnswer.js';
import { createLlmJudge, type SourcedResult } from '../../src/server/llmJudge.js';
import { completionsUrl, llmSettings, type LlmSettings } from '../../src/server/llmSettings.js';
import { Client, ok, startServer, until } from './classroomServer.helpers.js';

const c = readCatalog();
if ('problems' in c) throw new Error('catalog does not load');
const catalog = c.catalog;
const s = readSignals(catalog);
if ('problems' in s) throw new Error('signals do not load');
const offline = createJudge(s.signals);
const KEY = 'sk-test-7f3a9c1e-never-log-me';
const REPLY = '我理解您的心情,但是规定就是规定。';

type Handler = (req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse) => void | Promise<void>;
interface Seen {
  auth: string | undefined;
  body: Record<string, unknown>;
}

/** The fake model server: answers with whatever `handler` says; keeps what it was sent. */
let handler: Handler = () => undefined;
const seen: Seen[] = [];
let inFlight = 0;
let maxInFlight = 0;
let fake: Server;
let url = '';

const completion = (content: string) => ({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
const answer = (res: ServerResponse, content: unknown, status = 200) => {
  const text = JSON.stringify(completion(typeof content === 'string' ? content : JSON.stringify(content)));
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(text);
};
const GOOD = {
  principles: [
    { id: 'understand-feelings', polarity: 'practice', confidence: 0.9, evidence: '理解您的心情' },
    { id: 'hide-behind-rules', polarity: 'violation', confidence: 0.85, evidence: '规定就是规定' },
  ],
};

beforeAll(async () => {
  fake = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      seen.push({ auth: req.headers.authorization, body });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('close', () => inFlight--);
      void handler(req, body, res);
    });
  });
  await new Promise<void>((ok) => fake.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/v1/chat/completions`;
});
afterAll(() => new Promise<void>((ok) => fake.close(() => ok())));
afterEach(() => {
  seen.length = 0;
  maxInFlight = 0;
  handler = () => undefined;
});

const settings = (o: Partial<LlmSettings> = {}): LlmSettings => ({ url, model: 'fake-7b', key: KEY, timeoutMs: 400, concurrency: 2, ...o });
const logs: string[] = [];
const judgeWith = (o: Partial<LlmSettings> = {}, extra: { maxQueue?: number } = {}) => createLlmJudge({ settings: settings(o), catalog, offline, log: (m) => logs.push(m), ...extra }).judge;

/** Judges REPLY, timing it. */
async function timed(judge: ReturnType<typeof judgeWith>, text = REPLY): Promise<{ r: SourcedResult; ms: number }> {
  const t = performance.now();
  const r = await judge(text, { locale: 'zh-CN' });
  return { r, ms: performance.now() - t };
}

const ids = (r: SourcedResult) => r.principles.map((f) => `${f.id}:${f.polarity}`);
const offlineIds = ids({ ...offline(REPLY, { locale: 'zh-CN' }), source: 'offline' });

describe('the language-model judge against a fake endpoint', () => {
  it('a good answer: the model’s findings, offsets found in the reply, the key sent as Bearer, the catalog in the prompt', async () => {
    handler = (_req, _body, res) => answer(res, GOOD);
    const { r, ms } = await timed(judgeWith());
    expect(r.source).toBe('llm');
    expect(r.model).toBe('fake-7b');
    expect(r.reason).toBeUndefined();
    expect(r.principles).toEqual([
      { id: 'understand-feelings', polarity: 'practice', confidence: 0.9, evidence: [REPLY.indexOf('理解'), REPLY.indexOf('理解') + 6] },
      { id: 'hide-behind-rules', polarity: 'violation', confidence: 0.85, evidence: [REPLY.indexOf('规定'), REPLY.indexOf('规定') + 6] },
    ]);
    expect(ms).toBeLessThan(1000);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.auth).toBe(`Bearer ${KEY}`);
    const body = seen[0]!.body as { model: string; messages: { role: string; content: string }[]; response_format: { type: string; json_schema?: { schema: { properties: { principles: { items: { properties: { id: { enum: string[] } } } } } } } } };
    expect(body.model).toBe('fake-7b');
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema!.schema.properties.principles.items.properties.id.enum).toEqual(catalog.principles.map((p) => p.id));
    expect(body.messages[0]!.content).toContain('- hide-behind-rules (violation):');
    expect(JSON.parse(body.messages[1]!.content)).toEqual({ language: 'zh-CN', reply: REPLY });
    expect(JSON.stringify(body)).not.toContain(KEY);
  });

  it('with a scenario and node: the customer’s line goes along, and the closest authored reply is found from the model’s principles', async () => {
    const sc = readScenario('scenarios/library/kettle-return.yaml', catalog);
    if (!sc.ok) throw new Error('kettle-return does not load');
    const text = '您好,您慢慢说,这壶是哪儿不对劲了?';
    handler = (_req, _body, res) => answer(res, { principles: [{ id: 'show-patience', polarity: 'practice', confidence: 0.8, evidence: '您慢慢说' }] });
    const r = await judgeWith()(text, { scenario: sc.scenario, node: 'open' });
    expect(r.source).toBe('llm');
    expect(r.closest).toMatchObject({ node: 'open' });
    // As the offline judge finds it for its own findings: the authored replies also by its reading of their words.
    expect(r.closest).toEqual(closestReply(sc.scenario, 'open', text, ['show-patience'], 'zh-CN', { read: (t) => offline(t, { locale: 'zh-CN' }).principles.map((f) => f.id) }));
    expect(JSON.parse((seen[0]!.body.messages as { content: string }[])[1]!.content).customerSaid).toBeTruthy();
  });

  it('a server without JSON-schema output (400) is asked again for a JSON object, and only once per run', async () => {
    handler = (_req, body, res) => {
      if ((body.response_format as { type: string }).type === 'json_schema') return void res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":{"message":"json_schema not supported"}}');
      answer(res, '```json\n' + JSON.stringify(GOOD) + '\n```');
    };
    const judge = judgeWith();
    expect((await judge(REPLY)).source).toBe('llm');
    expect((await judge(REPLY)).source).toBe('llm');
    expect(seen.map((x) => (x.body.response_format as { type: string }).type)).toEqual(['json_schema', 'json_object', 'json_object']);
    // A 400 for another reason (both ways): HTTP error, and the schema is still asked for next time.
    seen.length = 0;
    const other = judgeWith();
    handler = (_req, _body, res) => void res.writeHead(400).end('{"error":"context too long"}');
    expect(await other(REPLY)).toMatchObject({ source: 'offline', reasonCode: 'http', reason: 'the model server answered HTTP 400' });
    handler = (_req, _body, res) => answer(res, GOOD);
    expect((await other(REPLY)).source).toBe('llm');
    expect(seen.map((x) => (x.body.response_format as { type: string }).type)).toEqual(['json_schema', 'json_object', 'json_schema']);
  });

  const failures: [string, Handler | 'refused', string, RegExp][] = [
    ['slow (past the timeout)', (_q, _b, res) => void setTimeout(() => answer(res, GOOD), 3000).unref(), 'timeout', /did not answer within 400 ms/],
    ['malformed JSON in the message', (_q, _b, res) => answer(res, '{"principles": [{"id": "understand-feel'), 'malformed', /did not answer with JSON/],
    ['a body that is not JSON', (_q, _b, res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end('<html>oops'), 'malformed', /not JSON/],
    ['HTTP 500', (_q, _b, res) => void res.writeHead(500).end('{"error":"boom"}'), 'http', /HTTP 500/],
    ['a refused connection', 'refused', 'unreachable', /cannot reach the model server \(ECONNREFUSED\)/],
    ['a huge body', (_q, _b, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let n = 0;
      const more = () => { while (n++ < 64 && res.write(chunk)); if (n < 64) res.once('drain', more); else res.end(); };
      res.on('error', () => undefined);
      more();
    }, 'too-large', /larger than 256 KB/],
    ['an empty message', (_q, _b, res) => answer(res, '  '), 'empty', /empty answer/],
    ['the wrong shape', (_q, _b, res) => answer(res, { findings: [] }), 'shape', /no "principles" list/],
    ['no choices at all', (_q, _b, res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"object":"error"}'), 'shape', /not a chat completion/],
    ['only wrong ids and spans', (_q, _b, res) => answer(res, { principles: [{ id: 'be-nice', polarity: 'practice', confidence: 0.9, evidence: '理解' }, { id: 'understand-feelings', polarity: 'practice', confidence: 0.9, evidence: '我非常理解' }] }), 'invalid', /none of the model's 2 finding\(s\) held up/],
  ];
  for (const [what, h, code, reason] of failures) {
    it(`${what}: the offline judge answers, saying why`, async () => {
      let judge = judgeWith();
      if (h === 'refused') {
        const closed = createServer();
        await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
        const port = (closed.address() as AddressInfo).port;
        await new Promise<void>((ok) => closed.close(() => ok()));
        judge = judgeWith({ url: `http://127.0.0.1:${port}/v1/chat/completions` });
      } else handler = h;
      logs.length = 0;
      const { r, ms } = await timed(judge);
      expect(r.source).toBe('offline');
      expect(r.reasonCode).toBe(code);
      expect(r.reason).toMatch(reason);
      expect(ids(r)).toEqual(offlineIds);
      expect(ms).toBeLessThan(1500);
      expect(logs.join('\n')).toContain('judged offline');
    });
  }

  it('wrong ids, polarities, confidences and spans are dropped one by one; what holds up stays', async () => {
    handler = (_req, _body, res) =>
      answer(res, {
        principles: [
          GOOD.principles[0],
          { id: 'be-nice', polarity: 'practice', confidence: 0.9, evidence: '理解' },
          { id: 'hide-behind-rules', polarity: 'practice', confidence: 0.9, evidence: '规定就是规定' },
          { id: 'hide-behind-rules', polarity: 'violation', confidence: 7, evidence: '规定就是规定' },
          { id: 'flat-refusal', polarity: 'violation', confidence: 0.6, evidence: '不行,不退' },
          'understand-feelings',
        ],
      });
    const r = await judgeWith()(REPLY);
    expect(r.source).toBe('llm');
    expect(ids(r)).toEqual(['understand-feelings:practice']);
    expect(r.dropped).toHaveLength(5);
    expect(r.dropped!.join('\n')).toMatch(/be-nice: not a catalog principle[\s\S]*polarity practice is not the catalog's \(violation\)[\s\S]*confidence 7[\s\S]*not in the reply[\s\S]*not an object/);
  });

  it('the JSON may come in a fence, after a <think> block, or inside a sentence; anything else is not JSON', () => {
    const j = JSON.stringify(GOOD);
    for (const c of [j, '```json\n' + j + '\n```', `<think>the customer is upset {maybe}</think>\n${j}`, `Here is the grading: ${j} Hope it helps.`]) expect(contentJson(c)).toEqual({ ok: true, value: GOOD });
    for (const c of ['{"principles": [', 'no braces', '} backwards {', '']) expect(contentJson(c)).toEqual({ ok: false, error: 'the model did not answer with JSON' });
  });

  it('evidence is located in the reply (quotes and spaces around it forgiven), never taken from the model', () => {
    expect(locate('“规定就是规定”', REPLY)).toEqual([REPLY.indexOf('规定'), REPLY.indexOf('规定') + 6]);
    expect(locate(' I’m listening ', 'Take your time, I\'m listening.')).toEqual([16, 29]);
    expect(locate('不存在', REPLY)).toBeUndefined();
    expect(locate('', REPLY)).toBeUndefined();
    const r = checkFindings({ principles: [{ id: 'understand-feelings', polarity: 'good', confidence: 1, evidence: '心情', start: 0, end: 99 }] }, REPLY, catalog);
    expect(r).toEqual({ ok: true, value: { findings: [{ id: 'understand-feelings', polarity: 'practice', confidence: 1, evidence: [REPLY.indexOf('心情'), REPLY.indexOf('心情') + 2] }], dropped: [] } });
    expect(checkFindings({ principles: Array(100).fill({ id: 'x' }) }, REPLY, catalog)).toMatchObject({ ok: true, value: { findings: [], dropped: expect.arrayContaining(['40 findings past the first 60']) } });
  });

  it('an empty, binary or emoji-only reply is not sent; nothing goes to the model', async () => {
    const judge = judgeWith();
    for (const t of ['', '   ', '\u0000\u0001abc', '😀😀😀']) {
      const r = await judge(t);
      expect(r).toMatchObject({ source: 'offline', reasonCode: 'no-words', principles: [] });
      expect(r.notice).toBeDefined();
    }
    expect(seen).toHaveLength(0);
  });

  it('a 10,000-character reply: only the first 2,000 go to the model, and the result says so', async () => {
    handler = (_req, _body, res) => answer(res, GOOD);
    const r = await judgeWith()(REPLY + '好'.repeat(10_000));
    expect(r.source).toBe('llm');
    expect(r.notice?.code).toBe('too-long');
    expect(JSON.parse((seen[0]!.body.messages as { content: string }[])[1]!.content).reply).toHaveLength(2000);
  });

  it('bounded concurrency: at most N at the model, a short queue waits its turn, past it the reply is judged offline at once', async () => {
    handler = (_req, _body, res) => void setTimeout(() => answer(res, GOOD), 150);
    const judge = judgeWith({ concurrency: 1, timeoutMs: 2000 }, { maxQueue: 1 });
    const rs = await Promise.all([judge(REPLY), judge(REPLY), judge(REPLY)]);
    expect(rs.map((r) => r.source)).toEqual(['llm', 'llm', 'offline']);
    expect(rs[2]!.reasonCode).toBe('busy');
    expect(maxInFlight).toBe(1);
    // A reply still waiting when its time runs out is judged offline and leaves the queue. (A stand-in
    // fetch that ignores the abort holds the one slot past the waiting reply's deadline.)
    let calls = 0;
    const stubborn = (() => {
      calls++;
      const body = JSON.stringify(completion(JSON.stringify(GOOD)));
      return new Promise((ok) => setTimeout(() => ok(new Response(body, { status: 200 })), calls === 1 ? 400 : 10));
    }) as unknown as typeof fetch;
    const short = createLlmJudge({ settings: settings({ concurrency: 1, timeoutMs: 250 }), catalog, offline, fetch: stubborn, maxQueue: 5 }).judge;
    const [a, b] = await Promise.all([short(REPLY), short(REPLY)]);
    expect(a!.source).toBe('llm');
    expect(b).toMatchObject({ source: 'offline', reasonCode: 'timeout' });
    expect(b!.reason).toMatch(/no free slot for the model within 250 ms/);
    expect((await short(REPLY)).source).toBe('llm');
    expect(calls).toBe(2);
  });

  it('a model down several times in a row rests (replies judged offline at once, nothing sent), then is tried again; the log says each reason once a minute', async () => {
    let t = 1_000_000;
    logs.length = 0;
    const judge = createLlmJudge({ settings: settings(), catalog, offline, log: (m) => logs.push(m), now: () => t, restAfter: 2, restMs: 30_000 }).judge;
    handler = (_req, _body, res) => void res.writeHead(503).end();
    expect((await judge(REPLY)).reasonCode).toBe('http');
    expect((await judge(REPLY)).reasonCode).toBe('http');
    const rest = await timed(judge);
    expect(rest.r).toMatchObject({ source: 'offline', reasonCode: 'resting' });
    expect(rest.r.reason).toMatch(/failed 2 times in a row: resting until/);
    expect(rest.ms).toBeLessThan(50);
    expect((await judge(REPLY)).reasonCode).toBe('resting');
    expect(seen).toHaveLength(2);
    t += 30_001;
    handler = (_req, _body, res) => answer(res, GOOD);
    expect((await judge(REPLY)).source).toBe('llm');
    expect(seen).toHaveLength(3);
    // A good answer ends the run of failures: two more are needed before it rests again.
    handler = (_req, _body, res) => void res.writeHead(503).end();
    await judge(REPLY);
    t += 61_000;
    expect((await judge(REPLY)).reasonCode).toBe('http');
    expect(seen).toHaveLength(5);
    expect(logs).toEqual([
      'language-model judge: the model server answered HTTP 503; judged offline',
      expect.stringMatching(/^language-model judge: the model failed 2 times in a row: resting until .*; judged offline \(1 more fallback since the last note\)$/),
      'language-model judge: the model server answered HTTP 503; judged offline (1 more fallback since the last note)',
      'language-model judge: the model server answered HTTP 503; judged offline',
    ]);
  });

  it('the key is never logged nor in any result, whatever fails', async () => {
    const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((m) => vi.spyOn(console, m));
    logs.length = 0;
    const out: unknown[] = [];
    for (const h of [(_q: unknown, _b: unknown, res: ServerResponse) => void res.writeHead(401).end(`{"error":"bad key ${KEY}"}`), (_q: unknown, _b: unknown, res: ServerResponse) => answer(res, `not json ${KEY}`), (_q: unknown, _b: unknown, res: ServerResponse) => answer(res, GOOD)] as Handler[]) {
      handler = h;
      out.push(await judgeWith()(REPLY));
    }
    out.push(await judgeWith({ url: 'http://127.0.0.1:1/v1/chat/completions' })(REPLY)); // a port fetch refuses to use
    expect(seen.every((x) => x.auth === `Bearer ${KEY}`)).toBe(true);
    const printed = spies.flatMap((sp) => sp.mock.calls.flat().map(String));
    for (const sp of spies) sp.mockRestore();
    expect([...logs, ...printed, JSON.stringify(out)].join('\n')).not.toContain(KEY);
    expect(logs.length).toBe(3);
  });
});

describe('DOJO_LLM_* settings', () => {
  it('off without a URL; the address completed to /v1/chat/completions; bad values named without the key', () => {
    expect(llmSettings({})).toBeNull();
    expect(llmSettings({ DOJO_LLM_URL: 'http://127.0.0.1:11434/v1', DOJO_LLM_MODEL: 'qwen2.5:7b' })).toEqual({ url: 'http://127.0.0.1:11434/v1/chat/completions', model: 'qwen2.5:7b', timeoutMs: 8000, concurrency: 2 });
    expect(completionsUrl(new URL('http://h:8080'))).toBe('http://h:8080/v1/chat/completions');
    expect(completionsUrl(new URL('http://h/api/v1/chat/completions'))).toBe('http://h/api/v1/chat/completions');
    expect(llmSettings({ DOJO_LLM_URL: 'http://h', DOJO_LLM_MODEL: 'm', DOJO_LLM_KEY: ' k ', DOJO_LLM_TIMEOUT_MS: '500' })).toMatchObject({ key: 'k', timeoutMs: 500 });
    expect(llmSettings({ DOJO_LLM_URL: 'http://h' })).toEqual({ error: expect.stringMatching(/DOJO_LLM_MODEL is not/) });
    expect(llmSettings({ DOJO_LLM_URL: 'nope', DOJO_LLM_MODEL: 'm', DOJO_LLM_KEY: KEY })).toEqual({ error: expect.not.stringContaining(KEY) });
    expect(llmSettings({ DOJO_LLM_URL: 'ftp://h', DOJO_LLM_MODEL: 'm' })).toEqual({ error: expect.stringMatching(/http\(s\)/) });
    expect(llmSettings({ DOJO_LLM_URL: 'http://u:p@h', DOJO_LLM_MODEL: 'm' })).toEqual({ error: expect.stringMatching(/DOJO_LLM_KEY/) });
    expect(llmSettings({ DOJO_LLM_URL: 'http://h', DOJO_LLM_MODEL: 'm', DOJO_LLM_TIMEOUT_MS: 'soon' })).toEqual({ error: expect.stringMatching(/DOJO_LLM_TIMEOUT_MS must be a whole number/) });
  });
});

describe('POST /api/judge and GET /api/judge/info', () => {
  const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/judge`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('without a model: the offline judge answers, and info says so', async () => {
    const s = await startServer();
    try {
      expect(await (await fetch(`${s.url}/api/judge/info`)).json()).toEqual({ llm: false });
      const r = await post(s.url, { text: REPLY, locale: 'zh-CN', scenario: 'kettle-return', node: 'open' });
      expect(r.status).toBe(200);
      const body = (await r.json()) as SourcedResult;
      expect(body.source).toBe('offline');
      expect(ids(body)).toEqual(offlineIds);
      expect(body.closest?.node).toBe('open');
    } finally {
      await s.close();
    }
  });

  it('with a model: its answer, the fallback when it fails; bad input gets 400/404/405/413/415 with a clear message; the limit per address gives 429; the server stays up', async () => {
    const s = await startServer({ llm: settings(), judgeBurst: 12, judgeRefillMs: 60_000, trustProxy: 1 });
    try {
      const info = await (await fetch(`${s.url}/api/judge/info`)).text();
      expect(JSON.parse(info)).toEqual({ llm: true, model: 'fake-7b' });
      expect(info).not.toContain('127.0.0.1');
      expect(info).not.toContain(KEY);
      handler = (_req, _body, res) => answer(res, GOOD);
      const from = (n: number) => ({ 'X-Forwarded-For': `203.0.113.${n}` });
      const good = (await (await post(s.url, { text: REPLY, locale: 'zh-CN' }, from(1))).json()) as SourcedResult;
      expect(good).toMatchObject({ source: 'llm', model: 'fake-7b' });
      expect(ids(good)).toEqual(['understand-feelings:practice', 'hide-behind-rules:violation']);
      handler = (_req, _body, res) => void res.writeHead(500).end();
      expect(await (await post(s.url, { text: REPLY }, from(1))).json()).toMatchObject({ source: 'offline', reasonCode: 'http' });

      const bad = async (body: unknown, status: number, message: RegExp, headers: Record<string, string> = {}) => {
        const r = await post(s.url, body, { ...from(2), ...headers });
        expect(r.status).toBe(status);
        expect(((await r.json()) as { error: string }).error).toMatch(message);
      };
      await bad('{"text": "hi"', 400, /^not JSON: /);
      await bad({ words: 'hi' }, 400, /bad request: .*(text|words)/);
      await bad({ text: 'hi', locale: 'fr' }, 400, /locale/);
      await bad({ text: 'hi', scenario: 'kettle-return' }, 400, /"scenario" and "node" go together/);
      await bad({ text: 'hi', scenario: 'no-such', node: 'open' }, 404, /no scenario "no-such"/);
      await bad({ text: 'x'.repeat(70_000) }, 413, /at most 65536 bytes/);
      await bad('text=hi', 415, /send JSON/, { 'Content-Type': 'text/plain' });
      expect((await fetch(`${s.url}/api/judge`)).status).toBe(405);
      // Seven from 203.0.113.2 so far (the 405 came from the server itself); five more fit, then 429.
      for (let i = 0; i < 5; i++) expect((await post(s.url, { text: '' }, from(2))).status).toBe(200);
      const over = await post(s.url, { text: 'hi' }, from(2));
      expect(over.status).toBe(429);
      expect(over.headers.get('retry-after')).toBe('60');
      // Another address is not held back, and the server is still up.
      expect((await post(s.url, { text: '😀' }, from(3))).status).toBe(200);
      expect((await fetch(`${s.url}/api/judge/info`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('class rooms in own words, with a model set up', () => {
  it('the model reads the typed replies (one request for a reply the phone sent twice); when it fails the offline judge does, and the turn still counts', async () => {
    const s = await startServer({ llm: settings({ timeoutMs: 3000 }) });
    const clients: Client[] = [];
    const client = () => {
      const c = new Client(s.url);
      clients.push(c);
      return c;
    };
    try {
      const host = client();
      const made = ok(await host.ask<{ code: string; hostToken: string }>('room.create', { scenario: 'kettle-return', mode: 'solo', ownWords: true }));
      const phone = client();
      const { token } = ok(await phone.ask<{ token: string }>('trainee.join', { code: made.code, nickname: 'Lin' }));
      ok(await host.ask('host.act', { code: made.code, hostToken: made.hostToken, action: { type: 'start' } }));
      await until(() => phone.trainee?.solo?.now.node === 'open');
      const text = 'Hello there, take your time and put the box on the counter, dear. What seems to be wrong with the kettle?';
      // The offline judge finds open-questions and show-patience here; the model also a greeting.
      expect(offline(text, { locale: 'en' }).principles.map((p) => p.id)).not.toContain('welcome-greeting');
      handler = async (_req, body, res) => {
        await new Promise((r) => setTimeout(r, 300));
        expect(JSON.stringify(body)).toContain('kettle');
        answer(res, {
          principles: [
            { id: 'welcome-greeting', polarity: 'practice', confidence: 0.8, evidence: 'Hello' },
            { id: 'show-patience', polarity: 'practice', confidence: 0.9, evidence: 'take your time' },
            { id: 'open-questions', polarity: 'practice', confidence: 0.9, evidence: 'What seems to be wrong with the kettle?' },
          ],
        });
      };
      const say = (seq: number, turn: number, words = text) => phone.ask<{ askedAgain?: number }>('trainee.say', { code: made.code, token, turn, text: words, seq });
      // The phone heard nothing in time and sent it again: both answered, the model asked once.
      const [a, b] = await Promise.all([say(1, 0), say(1, 0)]);
      ok(a);
      ok(b);
      expect(seen).toHaveLength(1);
      const last = (await until(() => phone.trainee?.solo?.last?.said && phone.trainee.solo.last)).said!;
      expect(last.found.map((f) => f.id).sort()).toEqual(['open-questions', 'show-patience', 'welcome-greeting']);
      const greeting = last.found.find((f) => f.id === 'welcome-greeting')!;
      expect(text.slice(greeting.start, greeting.end)).toBe('Hello');
      expect(phone.trainee!.solo!.now.turn).toBe(1);

      // The model fails: the offline judge reads the next reply, and the conversation goes on.
      handler = (_req, _body, res) => void res.writeHead(500).end();
      const node = phone.trainee!.solo!.now.node;
      const offered = phone.trainee!.solo!.now.choices ?? [];
      expect(offered.length).toBeGreaterThan(0);
      const verbatim = offered[0]!.text;
      const words = typeof verbatim === 'string' ? verbatim : (verbatim.en ?? Object.values(verbatim)[0]!);
      ok(await say(2, 1, words));
      await until(() => phone.trainee?.solo && (phone.trainee.solo.now.turn === 2 || phone.trainee.solo.now.ending || phone.trainee.solo.result));
      expect(phone.trainee!.solo!.now.node === node && !phone.trainee!.solo!.now.ending).toBe(false);
      expect(seen.length).toBeGreaterThanOrEqual(2);
    } finally {
      for (const c of clients) c.close();
      await s.close();
    }
  });
});

/** The real command line, run without blocking this process (the fake endpoint lives here). */
function dojo(args: string[], env: Record<string, string>, input = ''): Promise<{ code: number; out: string; err: string }> {
  return new Promise((ok) => {
    const child = execFile(process.execPath, ['bin/dojo.mjs', 'judge', ...args], { env: { ...process.env, ...env }, timeout: 90_000 }, (e, out, err) =>
      ok({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err }),
    );
    child.stdin?.end(input);
  });
}

describe('dojo judge --llm', { timeout: 180_000 }, () => {
  it('asks the model set up in the environment; falls back with a note on stderr; never prints the key', async () => {
    handler = (_req, _body, res) => answer(res, GOOD);
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const shut = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/v1`;
    await new Promise<void>((ok) => closed.close(() => ok()));
    const env = { DOJO_LLM_URL: url.replace('/chat/completions', ''), DOJO_LLM_MODEL: 'fake-7b', DOJO_LLM_KEY: KEY };
    const [good, lines, none] = await Promise.all([
      dojo(['--llm', '--text', REPLY, '--json'], env),
      dojo(['--llm', '--jsonl'], { ...env, DOJO_LLM_URL: shut }, [JSON.stringify({ id: 'a', text: REPLY }), 'not json', JSON.stringify({ id: 'b', text: '' })].join('\n')),
      dojo(['--llm', '--text', 'Take your time.'], { DOJO_LLM_URL: '' }),
    ]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toMatchObject({ source: 'llm', model: 'fake-7b' });
    expect(good.err).toContain('judged by the language model fake-7b');
    expect(lines.code).toBe(0);
    const answers = lines.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(answers.map((x) => [x.id, x.source ?? x.error])).toEqual([['a', 'offline'], [null, expect.stringMatching(/^not JSON/)], ['b', 'offline']]);
    expect(lines.err).toMatch(/^note: a: judged offline: cannot reach the model server \(ECONNREFUSED\)$/m);
    expect(none.code).toBe(0);
    expect(none.err).toMatch(/DOJO_LLM_URL is not set/);
    expect(none.out).toContain('show-patience');
    expect(seen[0]!.auth).toBe(`Bearer ${KEY}`);
    for (const r of [good, lines, none]) expect(r.out + r.err).not.toContain(KEY);
  });
});

describe('never in the static game', () => {
  it('no module the browser pages load (game, host, join, SCORM) reaches the language-model judge or DOJO_LLM_*', () => {
    const entries = ['index.html', 'host.html', 'join.html', 'scorm.html'].map((page) => {
      const m = /<script type="module" src="\.\/([^"]+)"/.exec(readFileSync(page, 'utf8'));
      if (!m) throw new Error(`${page} has no module script`);
      return m[1]!;
    });
    const reached = new Set<string>();
    const walk = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/DOJO_LLM|chat\/completions/);
      for (const m of code.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
        const target = resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'));
        const rel = relative(process.cwd(), target);
        if (existsSync(target) && /\.ts$/.test(target)) walk(rel);
      }
    };
    for (const e of entries) walk(e);
    expect(reached.size).toBeGreaterThan(50);
    // The classroom pages share the message protocol with the server; nothing else of it.
    expect([...reached].filter((f) => f.startsWith('src/server/'))).toEqual(['src/server/protocol.ts']);
  });
});

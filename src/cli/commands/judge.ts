/**
 * `dojo judge`: the offline own-words judge on one reply (--text) or on JSON lines from standard input
 * (--jsonl: one answer line per input line, in order; a bad line gets {"id", "error"} and the rest go on).
 * `--lint` checks the signals file (file:line:col). `--llm` asks the language model set up by DOJO_LLM_URL …
 * (server/llmJudge.ts) and says on stderr whenever the offline judge answers instead.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../engine/catalog/catalog.js';
import { createJudge, verdictOf, type Judge, type JudgeOptions, type JudgeResult } from '../../engine/judge/index.js';
import type { Scenario } from '../../engine/scenario/model.js';
import { LOCALES, pick, type Locale } from '../../engine/text.js';
import { createLlmJudge, offlineJudge, type SourcedResult } from '../../server/llmJudge.js';
import { llmSettings } from '../../server/llmSettings.js';
import { stringFlag, UsageError, parseArgs } from '../args.js';
import { DEFAULT_SIGNALS, PROJECT_ROOT, readScenario, readSignals } from '../files.js';
import type { Output } from '../main.js';
import { catalogOf, printProblems } from './common.js';

const LIBRARY = join(PROJECT_ROOT, 'scenarios/library');

/** A scenario by file path, or by id among the bundled library; an error message when neither. */
function scenarioOf(ref: string, catalog: Catalog, cache: Map<string, Scenario | string>): Scenario | string {
  const hit = cache.get(ref);
  if (hit) return hit;
  let file = ref;
  if (!existsSync(ref)) {
    const named = readdirSync(LIBRARY).find((f) => f === `${ref}.yaml`);
    if (!named) {
      cache.set(ref, `no scenario file or bundled scenario id "${ref}"`);
      return cache.get(ref)!;
    }
    file = join(LIBRARY, named);
  }
  const r = readScenario(file, catalog);
  const out = r.ok ? r.scenario : `scenario ${ref} does not load: ${r.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('; ')}`;
  cache.set(ref, out);
  return out;
}

const asLocale = (v: unknown): Locale | undefined => ((LOCALES as readonly unknown[]).includes(v) ? (v as Locale) : undefined);

/** The answer line for one JSON input line. */
async function answerLine(line: string, judge: AnyJudge, catalog: Catalog, cache: Map<string, Scenario | string>): Promise<Record<string, unknown>> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (e) {
    return { id: null, error: `not JSON: ${(e as Error).message}` };
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { id: null, error: 'each line must be a JSON object {"id", "text", "locale"?, "scenario"?, "node"?}' };
  const o = input as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : null;
  if (typeof o.text !== 'string') return { id, error: '"text" must be a string' };
  if (o.locale !== undefined && !asLocale(o.locale)) return { id, error: `"locale" must be one of ${LOCALES.join(', ')}` };
  if ((o.scenario === undefined) !== (o.node === undefined)) return { id, error: '"scenario" and "node" go together' };
  let scenario: Scenario | undefined;
  if (o.scenario !== undefined) {
    if (typeof o.scenario !== 'string' || typeof o.node !== 'string') return { id, error: '"scenario" and "node" must be strings' };
    const s = scenarioOf(o.scenario, catalog, cache);
    if (typeof s === 'string') return { id, error: s };
    scenario = s;
  }
  const locale = asLocale(o.locale);
  const r = await judge(o.text, { ...(locale ? { locale } : {}), ...(scenario ? { scenario, node: o.node as string } : {}) });
  return { id, ...r };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The offline judge as it is, or (--llm) the language model's with the offline one behind it. */
type AnyJudge = (text: string, options: JudgeOptions) => JudgeResult | Promise<SourcedResult>;

/** With --llm: the judge from DOJO_LLM_* (a note on stderr and the offline judge when it is not set); an exit code for a bad setting. */
function withLlm(offline: Judge, catalog: Catalog, io: Output): AnyJudge | number {
  const settings = llmSettings(process.env);
  if (settings && 'error' in settings) {
    io.err(settings.error);
    return 2;
  }
  if (!settings) {
    io.err('note: --llm: DOJO_LLM_URL is not set, so the offline judge answers (see README: a local language model)');
    return offlineJudge(offline);
  }
  return createLlmJudge({ settings, catalog, offline }).judge;
}

/** The stderr note when the model did not answer and the offline judge did. */
function fallbackNote(r: JudgeResult | SourcedResult, io: Output, id?: unknown): void {
  if ('source' in r && r.source === 'offline' && r.reason) io.err(`note: ${id !== undefined && id !== null ? `${String(id)}: ` : ''}judged offline: ${r.reason}`);
}

const WORDS = {
  'zh-CN': { none: '(没有识别出原则)', verdict: '判断', good: '好', bad: '差', neutral: '中性', closest: '最接近预设回复', similarity: '相似度', evidence: '依据' },
  en: { none: '(no principle recognised)', verdict: 'Verdict', good: 'good', bad: 'bad', neutral: 'neutral', closest: 'Closest authored reply', similarity: 'similarity', evidence: 'evidence' },
} as const;

function human(text: string, r: JudgeResult, catalog: Catalog, locale: Locale, io: Output): void {
  const w = WORDS[locale];
  if (r.notice) io.out(pick(r.notice.message, locale));
  for (const f of r.principles) {
    const p = catalog.get(f.id)!;
    const mark = f.polarity === 'practice' ? '✓' : '✗';
    io.out(`${mark} ${pick(p.name, locale)} (${f.id})  ${f.confidence.toFixed(2)}  ${w.evidence}: “${text.slice(f.evidence[0], f.evidence[1])}” [${f.evidence[0]}, ${f.evidence[1]})`);
  }
  if (!r.principles.length && !r.notice) io.out(w.none);
  io.out(`${w.verdict}: ${w[verdictOf(r.principles.map((f) => f.polarity))]}`);
  if (r.closest) io.out(`${w.closest}: ${String.fromCharCode(65 + r.closest.reply)} (${r.closest.node}${r.closest.id ? `/${r.closest.id}` : ''}), ${w.similarity} ${r.closest.similarity.toFixed(2)}`);
}

export async function judgeCommand(argv: string[], io: Output): Promise<number> {
  const args = parseArgs(argv, { booleans: ['json', 'jsonl', 'lint', 'llm'], values: ['text', 'locale', 'scenario', 'node', 'signals', 'catalog'] });
  const catalog = catalogOf(args, io);
  if (!catalog) return 1;
  const signalsPath = stringFlag(args, 'signals') ?? DEFAULT_SIGNALS;
  const s = readSignals(catalog, signalsPath);
  if ('problems' in s) {
    printProblems(io, s.problems);
    return 1;
  }
  if (args.flags.has('lint')) {
    const cues = s.signals.principles.reduce((n, p) => n + p.cues['zh-CN'].length + p.cues.en.length, 0);
    io.out(`${s.signals.principles.length} principles, ${cues} patterns: no problems.`);
    return 0;
  }
  const offline = createJudge(s.signals);
  const judge = args.flags.has('llm') ? withLlm(offline, catalog, io) : offline;
  if (typeof judge === 'number') return judge;
  const cache = new Map<string, Scenario | string>();
  if (args.flags.has('jsonl')) {
    if (stringFlag(args, 'text') !== undefined) throw new UsageError('give --text or --jsonl, not both');
    for (const line of (await readStdin()).split('\n')) {
      if (!line.trim()) continue;
      const answer = await answerLine(line, judge, catalog, cache);
      fallbackNote(answer as unknown as JudgeResult, io, answer.id);
      io.out(JSON.stringify(answer));
    }
    return 0;
  }
  const text = stringFlag(args, 'text');
  if (text === undefined) throw new UsageError('give --text "…" (or --jsonl to read JSON lines from standard input, or --lint)');
  const given = stringFlag(args, 'locale');
  if (given !== undefined && !asLocale(given)) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}`);
  const ref = stringFlag(args, 'scenario');
  const node = stringFlag(args, 'node');
  if ((ref === undefined) !== (node === undefined)) throw new UsageError('--scenario and --node go together');
  let scenario: Scenario | undefined;
  if (ref !== undefined) {
    const sc = scenarioOf(ref, catalog, cache);
    if (typeof sc === 'string') {
      io.err(sc);
      return 1;
    }
    scenario = sc;
  }
  const locale: Locale = asLocale(given) ?? (/\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en');
  const r = await judge(text, { locale, ...(scenario ? { scenario, node: node! } : {}) });
  fallbackNote(r, io);
  if ('source' in r && r.source === 'llm') io.err(`note: judged by the language model ${r.model}${r.dropped ? ` (${r.dropped.length} of its findings dropped: ${r.dropped.join('; ')})` : ''}`);
  if (args.flags.has('json')) io.out(JSON.stringify(r, null, 2));
  else human(text, r, catalog, locale, io);
  return 0;
}

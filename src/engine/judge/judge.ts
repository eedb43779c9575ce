/**
 * The offline judge: which catalog principles a typed reply practises or violates. Pure (no I/O, no clock):
 * give it the compiled signals once (`createJudge`), then call it per reply. Cues from the signals file are
 * matched clause by clause, with negation and scope handling (clauses.ts); a principle whose cues match is
 * found, with a confidence combined from its cues' weights and the first strongest match as evidence, unless
 * a principle it yields to is found too. Both languages' cues run where the reply holds that script, so a
 * mixed-script reply is read in both. With a trained model (model.ts, scenarios/judge-model.json), a principle
 * is also found when the model's probability for the whole reply reaches its polarity's threshold: wordings
 * nobody wrote a cue for; with nothing found, its "says something" head may still report the likeliest one.
 */
import type { Scenario } from '../scenario/model.js';
import type { Locale } from '../text.js';
import { clauses, negated, type Span } from './clauses.js';
import { closestReply, type Closest } from './closest.js';
import { ANY_HEAD, loadModel, logits, sigmoid, type LoadedModel } from './model.js';
import { notice, type Notice } from './notices.js';
import type { Signals } from './signals.js';

export interface Finding {
  id: string;
  polarity: 'practice' | 'violation';
  /** 0–1: how sure the cues make the judge. */
  confidence: number;
  /** [start, end) in the reply text, in UTF-16 code units (JavaScript string indices). */
  evidence: [number, number];
  /**
   * Set on the model's "says something" fallback: nothing reached a threshold and this is the likeliest
   * principle, its confidence under the thresholds. A guess weighs by its confidence in a typed turn's score
   * and never makes a reply close to an authored one.
   */
  guess?: true;
}

export interface JudgeOptions {
  locale?: Locale;
  scenario?: Scenario;
  node?: string;
}

export interface JudgeResult {
  principles: Finding[];
  closest?: Closest;
  notice?: Notice;
}

export type Judge = (text: string, options?: JudgeOptions) => JudgeResult;

/** Longer replies are judged on their first MAX_CHARS characters. */
export const MAX_CHARS = 2000;

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]{2}/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/gu;

function screen(text: string): Notice | undefined {
  if (!text.trim()) return notice('empty');
  if (text.includes('\u0000') || (text.match(CONTROL)?.length ?? 0) > Math.max(1, text.length / 20)) return notice('binary');
  if (!/\p{L}/u.test(text)) return notice('no-words');
  return undefined;
}

/** good: practices and no violation; bad: any violation; neutral: nothing found. */
export type Verdict = 'good' | 'bad' | 'neutral';

export function verdictOf(polarities: readonly ('practice' | 'violation')[]): Verdict {
  if (polarities.includes('violation')) return 'bad';
  return polarities.length ? 'good' : 'neutral';
}

/** Compiles every pattern once (V8 compiles regular expressions on first use), so no reply pays for it. */
const WARM_UP = '您好,我理解您的心情,不过规定就是规定。 Hello, I understand, but those are the rules. Take care!';

/**
 * Found by the model (its probability reaches the polarity's threshold): confidence = the probability, evidence =
 * the clause it scores highest, trimmed of end punctuation. A principle whose cue matched only negated or excluded
 * is not found this way either; one the cues found keeps their evidence and the higher confidence. When nothing at
 * all is found and the model's "says something" head (ANY_HEAD) reaches `threshold.any`, the likeliest principle
 * is reported rather than nothing (a violation preferred while its probability × `threshold.violationBias` is the
 * higher): a reply that plainly practises or violates something in words nobody wrote
 * down is read as such, while a neutral question (the head stays low) still finds nothing.
 */
function modelFindings(m: LoadedModel, signals: Signals, text: string, spans: Span[], hits: Map<string, Finding>, denied: ReadonlySet<string>, fallback: boolean): void {
  const z = logits(m, text);
  let perClause: Float64Array[] | undefined;
  const byId = new Map(signals.principles.map((p) => [p.id, p]));
  const add = (id: string, i: number, polarity: Finding['polarity'], prob: number, guess = false) => {
    perClause ??= spans.length > 1 ? spans.map((c) => logits(m, text.slice(c.start, c.end))) : [z];
    let best = 0;
    perClause.forEach((l, k) => {
      if (l[i]! > perClause![best]![i]!) best = k;
    });
    const c = spans[best] ?? { start: 0, end: text.length };
    const end = c.start + text.slice(c.start, c.end).replace(/[\s。!?!?;;,,.、…]+$/u, '').length;
    hits.set(id, { id, polarity, confidence: Math.round(prob * 1000) / 1000, evidence: [c.start, end > c.start ? end : c.end], ...(guess ? { guess: true as const } : {}) });
  };
  const likeliest: Partial<Record<Finding['polarity'], { id: string; i: number; prob: number }>> = {};
  m.model.principles.forEach((id, i) => {
    const prob = sigmoid(z[i]!);
    const p = byId.get(id);
    if (!p || p.unlessReply?.test(text)) return;
    const cued = hits.get(id);
    if (!cued && !denied.has(id) && prob > (likeliest[p.polarity]?.prob ?? 0)) likeliest[p.polarity] = { id, i, prob };
    if (prob < m.model.threshold[p.polarity]) return;
    if (!cued && denied.has(id)) return;
    if (cued) {
      cued.confidence = Math.max(cued.confidence, Math.round(prob * 1000) / 1000);
      return;
    }
    add(id, i, p.polarity, prob);
  });
  const head = m.model.principles.indexOf(ANY_HEAD);
  const { any, violationBias = 1 } = m.model.threshold;
  if (!fallback || hits.size || head < 0 || any === undefined || sigmoid(z[head]!) < any) return;
  // A violation is picked over a likelier practice while its probability × violationBias is the higher.
  const { practice, violation } = likeliest;
  const pick = practice && (!violation || practice.prob >= violation.prob * violationBias) ? { ...practice, polarity: 'practice' as const } : violation && { ...violation, polarity: 'violation' as const };
  if (pick) add(pick.id, pick.i, pick.polarity, pick.prob, true);
}

/** A judge's reading of authored replies (no scenario: no closest), kept per text and language. */
export function readingsOf(judge: Judge): (text: string, locale: Locale) => readonly string[] {
  const readings = new Map<string, readonly string[]>();
  return (t, locale) => {
    const key = `${locale}\u0000${t}`;
    let r = readings.get(key);
    if (!r) {
      if (readings.size > 5000) readings.clear();
      readings.set(key, (r = judge(t, { locale }).principles.map((f) => f.id)));
    }
    return r;
  };
}

/**
 * What of a reply's findings its closeness to an authored reply is weighed on: each finding as sure, a guessed
 * practice at its confidence (a 0.3 guess of understand-feelings moves a reply a little towards the empathetic
 * reply), a guessed violation not at all ("It's our fault, I own it" guessed as plead-own-difficulty at 0.23 was
 * read as close to a reply that pleads difficulty).
 */
export function matchable(found: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of found) {
    const sure = f.guess ? (f.polarity === 'practice' ? f.confidence : 0) : 1;
    if (sure > (out.get(f.id) ?? 0)) out.set(f.id, sure);
  }
  return out;
}

/** What a judge with these signals can find at all: its cues' principles and its model's (closest.ts leaves other tags out). */
export function judgeVocabulary(signals: Signals): Set<string> {
  return new Set([...signals.principles.map((p) => p.id), ...(signals.model?.principles ?? []).filter((id) => id !== ANY_HEAD)]);
}

export function createJudge(signals: Signals): Judge {
  const model = signals.model ? loadModel(signals.model) : undefined;
  // Authored replies are read without the "says something" fallback: their author's tags stand beside the
  // reading (closest.ts), and a guessed principle there would only make a canned typed reply look closer.
  const readOf = readingsOf((t, o) => run(t, o ?? {}, false));
  const judge: Judge = (raw, options = {}) => run(raw, options, true);
  const known = judgeVocabulary(signals);
  const run = (raw: string, options: JudgeOptions, fallback: boolean): JudgeResult => {
    const locale = options.locale ?? (HAN.test(raw) ? 'zh-CN' : 'en');
    const bad = screen(raw);
    const withClosest = (r: JudgeResult, found: ReadonlyMap<string, number>, text: string): JudgeResult => {
      if (!options.scenario || options.node === undefined) return r;
      if (!options.scenario.nodes[options.node]) return { ...r, notice: notice('unknown-node') };
      const c = closestReply(options.scenario, options.node, text, found, locale, { read: (t) => readOf(t, locale), known });
      return c ? { ...r, closest: c } : r;
    };
    if (bad) return { principles: [], notice: bad };
    // Curly apostrophes read as straight ones; the replacement keeps every index, so evidence spans hold.
    const text = (raw.length > MAX_CHARS ? raw.slice(0, MAX_CHARS) : raw).replace(/[\u2018\u2019]/g, "'");
    const locales = (['zh-CN', 'en'] as const).filter((l) => (l === 'zh-CN' ? HAN.test(text) : LATIN.test(text)));
    const spans = clauses(text);
    const hits = new Map<string, Finding>();
    /** Principles whose cue matched but was negated or excluded ("我不理解"): the model may not find them either. */
    const denied = new Set<string>();
    for (const p of signals.principles) {
      if (p.unlessReply?.test(text)) continue;
      let miss = 1;
      let evidence: [number, number] | undefined;
      let strongest = 0;
      for (const l of locales) {
        for (const cue of p.cues[l]) {
          for (const c of spans) {
            const clause = text.slice(c.start, c.end);
            const m = cue.re.exec(clause);
            if (!m || !m[0]) continue;
            const at = c.start + m.index;
            if (negated(text, c.start, at, l) || cue.unless?.test(clause)) {
              denied.add(p.id);
              continue;
            }
            miss *= 1 - cue.weight;
            if (cue.weight > strongest) {
              strongest = cue.weight;
              evidence = [at, at + m[0].length];
            }
            break;
          }
        }
      }
      if (evidence) hits.set(p.id, { id: p.id, polarity: p.polarity, confidence: Math.round((1 - miss) * 1000) / 1000, evidence });
    }
    if (model) modelFindings(model, signals, text, spans, hits, denied, fallback);
    const yields = new Map(signals.principles.map((p) => [p.id, p.yieldsTo]));
    const principles = [...hits.values()]
      .filter((f) => !(yields.get(f.id) ?? []).some((y) => hits.has(y)))
      .sort((a, b) => a.evidence[0] - b.evidence[0] || a.id.localeCompare(b.id));
    const note = raw.length > MAX_CHARS ? notice('too-long', MAX_CHARS) : principles.length ? undefined : notice('nothing-recognised');
    return withClosest({ principles, ...(note ? { notice: note } : {}) }, matchable(principles), text);
  };
  for (const text of [WARM_UP, WARM_UP.repeat(20), 'a'.repeat(MAX_CHARS), '好'.repeat(MAX_CHARS)]) judge(text);
  return judge;
}

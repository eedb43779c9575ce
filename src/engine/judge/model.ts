/**
 * The judge's learned half: per-principle logistic regression over character and word n-grams, trained by
 * bench/judgeTrain.ts from the train-only labelled replies into scenarios/judge-model.json. It reads wordings
 * nobody wrote a cue for; the cues stay (they give exact evidence spans and trainers can edit them). Pure: the
 * weights arrive as data, scoring is sums and one exponential per principle.
 *
 * Features (binary, scaled to unit length per text): Chinese runs give character 1–3-grams; Latin words give
 * the word, the word pair, and character 3–5-grams of the word padded with spaces (lowercased).
 */

export interface FeatureOptions {
  /** Longest Chinese character n-gram. */
  zhMax: number;
  /** Word pairs for Latin-script text. */
  enPairs: boolean;
  /** Character n-gram lengths within Latin words ([] for none). */
  enChars: readonly number[];
}

export const FEATURES: FeatureOptions = { zhMax: 3, enPairs: true, enChars: [3, 4, 5] };

/**
 * A pseudo-principle in the model's list: "the reply practises or violates something" (trained on every labelled
 * reply, positive when it has any label). When neither the cues nor the per-principle thresholds find anything
 * and this head reaches `threshold.any`, the judge reports the likeliest principle instead of "nothing".
 */
export const ANY_HEAD = '_any';

/** The shipped model: weights are integers (`w × scale`), one list per feature of [principle index, weight] pairs. */
export interface JudgeModel {
  version: 1;
  features: FeatureOptions;
  /** Principle ids, in the order the weight pairs index them (perhaps with ANY_HEAD, the "says something" head). */
  principles: string[];
  /** Per principle, the intercept × scale. */
  bias: number[];
  scale: number;
  /**
   * A principle is found when its probability reaches its polarity's threshold; with nothing found, the likeliest
   * principle is when the ANY_HEAD probability reaches `any`, a violation preferred while its probability ×
   * `violationBias` (default 1) is the higher (all chosen by cross-validation on train data).
   */
  threshold: { practice: number; violation: number; any?: number; violationBias?: number };
  weights: Record<string, number[]>;
}

const RUN = /\p{Script=Han}+|[\p{L}\p{N}']+/gu;
const HAN_RUN = /^\p{Script=Han}/u;

/** The distinct features of a text. */
export function featuresOf(text: string, o: FeatureOptions = FEATURES): string[] {
  const out = new Set<string>();
  let prev = '';
  for (const m of text.toLowerCase().matchAll(RUN)) {
    const run = m[0];
    if (HAN_RUN.test(run)) {
      prev = '';
      const chars = [...run];
      for (let n = 1; n <= o.zhMax; n++) for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
      continue;
    }
    const w = run.replace(/^'+|'+$/g, '');
    if (!w) continue;
    out.add(`w:${w}`);
    if (o.enPairs && prev) out.add(`b:${prev} ${w}`);
    prev = w;
    const padded = ` ${w} `;
    for (const n of o.enChars) for (let i = 0; i + n <= padded.length; i++) out.add(`c:${padded.slice(i, i + n)}`);
  }
  return [...out];
}

/** A model ready to score: the weights file's lists, looked up by feature. */
export interface LoadedModel {
  model: JudgeModel;
  weights: Map<string, number[]>;
}

export function loadModel(model: JudgeModel): LoadedModel {
  return { model, weights: new Map(Object.entries(model.weights)) };
}

/** The log-odds of every principle (model order) for a text. */
export function logits(m: LoadedModel, text: string): Float64Array {
  const { model } = m;
  const out = Float64Array.from(model.bias, (b) => b / model.scale);
  const feats = featuresOf(text, model.features);
  if (!feats.length) return out;
  const norm = 1 / Math.sqrt(feats.length) / model.scale;
  for (const f of feats) {
    const w = m.weights.get(f);
    if (!w) continue;
    for (let i = 0; i < w.length; i += 2) out[w[i]!]! += w[i + 1]! * norm;
  }
  return out;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** What is wrong with a weights file (parsed JSON), or undefined; `known` are the catalog's principle ids. */
export function modelProblem(data: unknown, known: ReadonlySet<string>): string | undefined {
  const m = data as Partial<JudgeModel> | null;
  if (!m || typeof m !== 'object' || m.version !== 1) return 'not a judge model (version 1)';
  if (!Array.isArray(m.principles) || !Array.isArray(m.bias) || m.bias.length !== m.principles.length) return 'principles and bias must be lists of the same length';
  const unknown = m.principles.find((p) => !known.has(p) && p !== ANY_HEAD);
  if (unknown !== undefined) return `unknown principle "${String(unknown)}" (retrain: npm run judge:train)`;
  const inRange = (x: unknown) => typeof x === 'number' && x > 0 && x < 1;
  if (typeof m.scale !== 'number' || !(m.scale > 0) || !inRange(m.threshold?.practice) || !inRange(m.threshold?.violation)) return 'scale must be > 0 and threshold.practice and threshold.violation within (0, 1)';
  if (m.principles.includes(ANY_HEAD) !== (m.threshold!.any !== undefined) || (m.threshold!.any !== undefined && !inRange(m.threshold!.any))) return `threshold.any (within (0, 1)) goes with the "${ANY_HEAD}" head, and only with it`;
  const bias = m.threshold!.violationBias;
  if (bias !== undefined && (typeof bias !== 'number' || !(bias > 0) || m.threshold!.any === undefined)) return 'threshold.violationBias must be a number > 0, with threshold.any';
  const f = m.features;
  if (!f || typeof f.zhMax !== 'number' || typeof f.enPairs !== 'boolean' || !Array.isArray(f.enChars)) return 'features must give zhMax, enPairs and enChars';
  if (!m.weights || typeof m.weights !== 'object') return 'weights missing';
  const n = m.principles.length;
  for (const [k, w] of Object.entries(m.weights)) {
    if (!Array.isArray(w) || w.length % 2 || w.some((x, i) => !Number.isInteger(x) || (i % 2 === 0 && (x < 0 || x >= n)))) return `weights of "${k}" must be [principle index, integer weight] pairs`;
  }
  return undefined;
}

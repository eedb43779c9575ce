/**
 * The judge's compiled signals as plain JSON and back: the game ships them as data (built from
 * scenarios/judge-signals.yaml when the game is built, src/platform/judgeSignalsPlugin.ts), so the browser
 * compiles a few hundred regular expressions instead of loading the YAML parser and the schema to read
 * the file. Patterns keep the flags loadSignals gives them.
 */
import type { Locale } from '../text.js';
import type { JudgeModel } from './model.js';
import type { Cue, PrincipleSignals, Signals } from './signals.js';

export interface PortableCue {
  re: string;
  weight: number;
  unless?: string;
  /** The pattern as written, when it is not `re` (the file's text is kept for explanations). */
  source?: string;
}

export interface PortableSignals {
  principles: {
    id: string;
    polarity: 'practice' | 'violation';
    yieldsTo: string[];
    unlessReply?: string;
    cues: Record<Locale, PortableCue[]>;
  }[];
  /** The trained weights, already plain data (scenarios/judge-model.json). */
  model?: JudgeModel;
}

const cueOut = (c: Cue): PortableCue => ({ re: c.re.source, weight: c.weight, ...(c.source !== c.re.source ? { source: c.source } : {}), ...(c.unless ? { unless: c.unless.source } : {}) });
const cueIn = (c: PortableCue): Cue => ({ re: new RegExp(c.re, 'iu'), weight: c.weight, source: c.source ?? c.re, ...(c.unless ? { unless: new RegExp(c.unless, 'iu') } : {}) });

export function toPortable(s: Signals): PortableSignals {
  return {
    principles: s.principles.map((p) => ({
      id: p.id,
      polarity: p.polarity,
      yieldsTo: [...p.yieldsTo],
      ...(p.unlessReply ? { unlessReply: p.unlessReply.source } : {}),
      cues: { 'zh-CN': p.cues['zh-CN'].map(cueOut), en: p.cues.en.map(cueOut) },
    })),
    ...(s.model ? { model: s.model } : {}),
  };
}

export function fromPortable(p: PortableSignals): Signals {
  return {
    principles: p.principles.map(
      (x): PrincipleSignals => ({
        id: x.id,
        polarity: x.polarity,
        yieldsTo: [...x.yieldsTo],
        ...(x.unlessReply ? { unlessReply: new RegExp(x.unlessReply, 'iu') } : {}),
        cues: { 'zh-CN': x.cues['zh-CN'].map(cueIn), en: x.cues.en.map(cueIn) },
      }),
    ),
    ...(p.model ? { model: p.model } : {}),
  };
}

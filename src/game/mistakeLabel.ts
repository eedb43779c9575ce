/**
 * How a mistake is named to the trainee: the principle, its severity and what it cost. The cost is the severity's
 * points times how strongly the reply shows the mistake, so a flagrant minor one can cost more than a serious one
 * shown only in part; the label says which (the play-test: "minor, −38" beside "serious, −25" read as nonsense).
 */
import type { BrokenPrinciple } from '../engine/scoring/debrief.js';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export function degreeKey(weight: number): 'severity.inPart' | 'severity.flagrant' | undefined {
  return weight < 1 ? 'severity.inPart' : weight > 1 ? 'severity.flagrant' : undefined;
}

export function mistakeLabel(t: Translate, name: string, m: BrokenPrinciple): string {
  const degree = degreeKey(m.weight);
  const severity = t(`severity.${m.severity}`) + (degree ? t('severity.joiner') + t(degree) : '');
  return t('play.mistake', { name, severity, points: m.points });
}

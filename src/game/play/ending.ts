/** How an ending is shown: the customer's last line (or what happened, in brackets) and their face. */
import type { Ending } from '../../engine/scenario/model.js';
import type { Expression } from '../../engine/scenario/schema.js';
import { readableSources } from '../../engine/sources.js';
import { pick, type Locale } from '../../engine/text.js';

export function endingLine(ending: Ending, variant: number, locale: Locale, silentExit: string): string {
  if (ending.line.length) return pick(ending.line[variant] ?? ending.line[0]!, locale);
  return ending.outcome === 'left-silently' ? silentExit : `(${readableSources(pick(ending.summary, locale), locale)})`;
}

export function endingExpression(ending: Ending, now: Expression): Expression {
  return ending.expression ?? (ending.outcome === 'left-silently' ? 'withdrawn' : now);
}

/**
 * What the coaching card says (and a screen reader reads) of each principle the judge found in a typed reply:
 * "✓ name: “the words”"; for its under-threshold guess, "✓ name, perhaps (the judge is not sure)" with no words
 * (its span is only the clause it scored highest, not evidence); without the words, when a resumed game did not
 * keep them, "✓ name".
 */
import type { SaidReply } from '../../engine/session/session.js';

type Translate = (key: string, vars: Record<string, unknown>) => string;

export function evidenceLines(said: Pick<SaidReply, 'text' | 'principles'>, found: SaidReply['principles'], good: (id: string) => boolean, name: (id: string) => string, t: Translate): string[] {
  const kept = said.text !== '';
  return found.map((p) => {
    const mark = good(p.id) ? '✓' : '✗';
    if (p.guess) return t('ownWords.evidenceGuess', { mark, name: name(p.id) });
    return kept ? t('ownWords.evidence', { mark, name: name(p.id), words: said.text.slice(p.evidence[0], p.evidence[1]) }) : `${mark} ${name(p.id)}`;
  });
}

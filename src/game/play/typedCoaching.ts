/**
 * What the coaching card shows of a turn typed in the trainee's own words (play/coaching.ts `typed`): the
 * text with the judge's evidence marked (stage/echo.ts, play/typedEcho.ts), which reply it was read as
 * (numbered as the replies are on screen), and for a screen reader what each marked span counts for.
 */
import type { Catalog } from '../../engine/catalog/catalog.js';
import type { Scenario } from '../../engine/scenario/model.js';
import type { TurnRecord } from '../../engine/session/session.js';
import { pick, type Locale } from '../../engine/text.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { TypedEcho } from '../stage/echo.js';
import type { CoachingInput } from './coaching.js';
import { echoRuns } from './typedEcho.js';
import { evidenceLines } from './typedEvidence.js';

export function typedCoaching(scene: BaseScene, turn: TurnRecord, scenario: Scenario, catalog: Catalog, locale: Locale): { typed: NonNullable<CoachingInput['typed']>; echo: TypedEcho } | null {
  const said = turn.said;
  if (!said) return null;
  const name = (id: string) => pick(catalog.get(id)?.name ?? { en: id }, locale);
  const good = (id: string) => catalog.get(id)?.polarity === 'practice';
  // Typed word for word as a reply on offer: the whole text is that reply, nothing to mark word by word.
  const found = said.verbatim ? [] : said.principles;
  // Resumed from a learning platform's record, which keeps what was found but not the words.
  const kept = said.text !== '';
  // The judge's under-threshold guess is not marked: its span is only the clause it scored highest.
  const spans = kept ? found.filter((p) => !p.guess).map((p) => ({ start: p.evidence[0], end: p.evidence[1], good: good(p.id), name: name(p.id) })) : [];
  const [open, close] = kept ? ['“', '”'] : ['', ''];
  const shown = kept ? said.text : scene.t('ownWords.notKept');
  const echo = new TypedEcho(scene.svc.overlay, echoRuns(shown, spans), open, close);
  const n = turn.offered.indexOf(turn.choice) + 1;
  const reply = pick(scenario.nodes[turn.node]!.choices[turn.choice]!.text, locale);
  const t = (k: string, v: Record<string, unknown>) => scene.t(k, { ...v, interpolation: { escapeValue: false } });
  return {
    echo,
    typed: {
      heading: scene.t('ownWords.youWrote'),
      readAs: t('ownWords.readAs', { n, text: reply }),
      spoken: `${scene.t('ownWords.youWrote')} ${open}${shown}${close}`,
      evidence: evidenceLines(said, found, good, name, t),
      place: (x, y, w, size) => echo.place(x, y, w, size),
      shift: (dy) => echo.shift(dy),
    },
  };
}

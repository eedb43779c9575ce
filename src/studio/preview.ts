/**
 * "Play from this node": the edited scenario played with the engine's own session functions in
 * a small DOM player beside the editor. Chosen over an iframe of the game: it starts at once
 * (no Phaser boot per keystroke), shows any node directly, and plays exactly the text in the
 * editor, not a saved file.
 */
import type { Catalog } from '../engine/catalog/catalog.js';
import type { Scenario } from '../engine/scenario/model.js';
import { choose, offeredChoices, startSessionAt, type SessionState } from '../engine/session/session.js';
import { pick } from '../engine/text.js';
import { locale, t } from './text.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.textContent = text;
  return e;
}

export function playPreview(box: HTMLElement, scenario: Scenario, catalog: Catalog, node: string): void {
  const play = { scenario, catalog };
  let state: SessionState = startSessionAt(play, node);
  const draw = () => {
    box.replaceChildren();
    box.append(el('p', 'preview-from', t('playingFrom', { node })));
    const at = scenario.nodes[state.node] ?? scenario.endings[state.node];
    if (at) box.append(el('p', 'preview-line', pick(at.line[state.variant] ?? at.line[0]!, locale())));
    if (state.ending) {
      const e = scenario.endings[state.ending]!;
      box.append(el('p', `preview-ending outcome-${e.outcome}`, t('ending', { id: e.id, outcome: e.outcome })));
      const again = el('button', 'preview-again', t('restart'));
      again.type = 'button';
      again.addEventListener('click', () => playPreview(box, scenario, catalog, node));
      box.append(again);
      again.focus();
      return;
    }
    const list = el('ol', 'preview-choices');
    offeredChoices(play, state).forEach((c, i) => {
      const li = el('li', '');
      const b = el('button', 'preview-choice', pick(c.text, locale()));
      b.type = 'button';
      b.addEventListener('click', () => {
        state = choose(play, state, i);
        draw();
      });
      li.append(b);
      list.append(li);
    });
    box.append(list);
    list.querySelector('button')?.focus();
  };
  draw();
}

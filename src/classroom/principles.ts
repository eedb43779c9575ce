/** Principle names as chips: honoured in green (✓), broken in red (✗) with how bad it was. */
import type { PrincipleInfo } from '../server/protocol.js';
import { el } from './dom.js';
import { t, tg, txt } from './text.js';

export function principleChips(principles: Record<string, PrincipleInfo>, honoured: readonly string[], broken: readonly string[]): HTMLElement | null {
  if (!honoured.length && !broken.length) return null;
  const chip = (id: string, good: boolean) =>
    el(
      'li',
      { class: good ? 'chip chip--good' : 'chip chip--bad' },
      el('span', { attrs: { 'aria-hidden': 'true' } }, good ? '✓ ' : '✗ '),
      el('span', { class: 'visually-hidden' }, good ? t('principles.honoured') : t('principles.broken')),
      txt(principles[id]?.name ?? { en: id }),
      ...(!good && principles[id]?.severity ? [el('span', { class: 'chip-severity' }, ` · ${tg(`severity.${principles[id]!.severity}`)}`)] : []),
    );
  return el('ul', { class: 'chips', attrs: { 'aria-label': t('principles.label') } }, honoured.map((id) => chip(id, true)), broken.map((id) => chip(id, false)));
}

/** A horizontal share bar (0–1) with its number beside it. */
export function shareBar(share: number, label: string, strong = false): HTMLElement {
  const fill = el('span', { class: 'bar-fill' });
  fill.style.width = `${Math.round(share * 100)}%`;
  return el('div', { class: strong ? 'bar bar--strong' : 'bar' }, el('span', { class: 'bar-track', attrs: { 'aria-hidden': 'true' } }, fill), el('span', { class: 'bar-label' }, label));
}

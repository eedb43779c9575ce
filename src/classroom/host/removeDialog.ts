/**
 * "Remove this trainee?": a modal dialog (the browser's own <dialog>: focus stays inside,
 * Escape cancels) with the choice to ban the name too, so that neither it nor a name that looks
 * like it can join this room again. One dialog for the page, outside the list of people, which
 * is rebuilt on every update.
 */
import type { ParticipantView } from '../../server/protocol.js';
import { el } from '../dom.js';
import { t } from '../text.js';

let dialog: HTMLDialogElement | undefined;
let pending: ((ban: boolean) => void) | undefined;

function build(): HTMLDialogElement {
  const d = el('dialog', { class: 'remove-dialog', attrs: { 'aria-labelledby': 'remove-heading', 'aria-describedby': 'remove-text' } });
  d.addEventListener('close', () => {
    const act = pending;
    pending = undefined;
    if (d.returnValue === 'remove') act?.((d.querySelector<HTMLInputElement>('#remove-ban')?.checked) ?? false);
  });
  document.body.append(d);
  return d;
}

/** Ask; `onRemove` runs only if the trainer confirms (with whether to ban the name). */
export function askRemove(p: ParticipantView, onRemove: (ban: boolean) => void): void {
  dialog ??= build();
  const d = dialog;
  if (d.open) d.close('cancel');
  d.returnValue = '';
  d.replaceChildren(
    el(
      'form',
      { attrs: { method: 'dialog' } },
      el('h2', { attrs: { id: 'remove-heading' } }, t('people.removeHeading', { name: p.name })),
      el('p', { attrs: { id: 'remove-text' } }, t('people.removeText')),
      el(
        'label',
        { class: 'check' },
        el('input', { key: 'remove-ban', attrs: { id: 'remove-ban', type: 'checkbox' } }),
        el('span', null, t('people.ban')),
      ),
      el(
        'div',
        { class: 'actions' },
        el('button', { class: 'btn btn--danger', key: 'remove-confirm', attrs: { value: 'remove' } }, t('people.removeButton')),
        el('button', { class: 'btn btn--secondary', key: 'remove-cancel', attrs: { value: 'cancel', autofocus: true } }, t('people.cancel')),
      ),
    ),
  );
  pending = onRemove;
  d.showModal();
}

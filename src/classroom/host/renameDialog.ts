/**
 * "Rename this trainee": a modal dialog (the browser's <dialog>: focus stays inside, Escape
 * cancels) with the name to show on the projector. The server checks it as it checks a name
 * typed on a phone, and says why when it refuses.
 */
import type { ParticipantView } from '../../server/protocol.js';
import { NICKNAME_MAX } from '../limits.js';
import { el } from '../dom.js';
import { t } from '../text.js';

let dialog: HTMLDialogElement | undefined;
let pending: ((name: string) => void) | undefined;

function build(): HTMLDialogElement {
  const d = el('dialog', { class: 'remove-dialog rename-dialog', attrs: { 'aria-labelledby': 'rename-heading' } });
  d.addEventListener('close', () => {
    const act = pending;
    pending = undefined;
    const name = d.querySelector<HTMLInputElement>('#rename-name')?.value.trim() ?? '';
    if (d.returnValue === 'rename' && name) act?.(name);
  });
  document.body.append(d);
  return d;
}

/** Ask for the new name; `onRename` runs only if the trainer confirms with a name. */
export function askRename(p: ParticipantView, onRename: (name: string) => void): void {
  dialog ??= build();
  const d = dialog;
  if (d.open) d.close('cancel');
  d.returnValue = '';
  d.replaceChildren(
    el(
      'form',
      { attrs: { method: 'dialog' } },
      el('h2', { attrs: { id: 'rename-heading' } }, t('people.renameHeading', { name: p.name })),
      el('label', { class: 'field', attrs: { for: 'rename-name' } }, t('people.newName')),
      el('input', { key: 'rename-name', attrs: { id: 'rename-name', type: 'text', value: p.name, maxlength: NICKNAME_MAX, required: true, autocomplete: 'off', autofocus: true } }),
      el(
        'div',
        { class: 'actions' },
        el('button', { class: 'btn btn--primary', key: 'rename-confirm', attrs: { value: 'rename' } }, t('people.renameButton')),
        el('button', { class: 'btn btn--secondary', key: 'rename-cancel', attrs: { value: 'cancel', formnovalidate: true } }, t('people.cancel')),
      ),
    ),
  );
  pending = onRename;
  d.showModal();
}

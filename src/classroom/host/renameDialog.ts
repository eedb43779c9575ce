/**
 * "Rename this trainee": a modal dialog with the name to show on the projector. The server
 * checks it as it checks a name typed on a phone, and says why when it refuses.
 */
import type { ParticipantView } from '../../server/protocol.js';
import { NICKNAME_MAX } from '../limits.js';
import { el } from '../dom.js';
import { t } from '../text.js';
import { dialogActions, dialogShell } from './dialogShell.js';

const shell = dialogShell<string>({
  class: 'remove-dialog rename-dialog',
  attrs: { 'aria-labelledby': 'rename-heading' },
  confirm: 'rename',
  // A blank name is no answer.
  read: (d) => d.querySelector<HTMLInputElement>('#rename-name')?.value.trim() || undefined,
});

/** Ask for the new name; `onRename` runs only if the trainer confirms with a name. */
export function askRename(p: ParticipantView, onRename: (name: string) => void): void {
  shell.ask(
    el(
      'form',
      { attrs: { method: 'dialog' } },
      el('h2', { attrs: { id: 'rename-heading' } }, t('people.renameHeading', { name: p.name })),
      el('label', { class: 'field', attrs: { for: 'rename-name' } }, t('people.newName')),
      el('input', { key: 'rename-name', attrs: { id: 'rename-name', type: 'text', value: p.name, maxlength: NICKNAME_MAX, required: true, autocomplete: 'off', autofocus: true } }),
      dialogActions(
        el('button', { class: 'btn btn--primary', key: 'rename-confirm', attrs: { value: 'rename' } }, t('people.renameButton')),
        el('button', { class: 'btn btn--secondary', key: 'rename-cancel', attrs: { value: 'cancel', formnovalidate: true } }, t('people.cancel')),
      ),
    ),
    onRename,
  );
}

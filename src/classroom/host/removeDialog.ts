/**
 * "Remove this trainee?": a modal dialog with the choice to ban the name too, so that neither it
 * nor a name that looks like it can join this room again.
 */
import type { ParticipantView } from '../../server/protocol.js';
import { el } from '../dom.js';
import { t } from '../text.js';
import { dialogActions, dialogShell } from './dialogShell.js';

const shell = dialogShell<boolean>({
  class: 'remove-dialog',
  attrs: { 'aria-labelledby': 'remove-heading', 'aria-describedby': 'remove-text' },
  confirm: 'remove',
  read: (d) => d.querySelector<HTMLInputElement>('#remove-ban')?.checked ?? false,
});

/** Ask; `onRemove` runs only if the trainer confirms (with whether to ban the name). */
export function askRemove(p: ParticipantView, onRemove: (ban: boolean) => void): void {
  shell.ask(
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
      dialogActions(
        el('button', { class: 'btn btn--danger', key: 'remove-confirm', attrs: { value: 'remove' } }, t('people.removeButton')),
        el('button', { class: 'btn btn--secondary', key: 'remove-cancel', attrs: { value: 'cancel', autofocus: true } }, t('people.cancel')),
      ),
    ),
    onRemove,
  );
}

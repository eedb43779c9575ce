/**
 * The shell the host's modal questions share (the browser's own <dialog>: focus stays inside,
 * Escape cancels): one dialog per question for the page, outside the list of people, which is
 * rebuilt on every update. `ask` fills it with a form of buttons; when it closes with the
 * confirming button's value, `read` takes the answer from the form and `act` gets it, unless
 * `read` returns undefined.
 */
import { el } from '../dom.js';

export interface DialogShell<A> {
  ask(form: HTMLFormElement, act: (answer: A) => void): void;
}

export function dialogShell<A>(o: { class: string; attrs: Record<string, string>; confirm: string; read: (d: HTMLDialogElement) => A | undefined }): DialogShell<A> {
  let dialog: HTMLDialogElement | undefined;
  let pending: ((answer: A) => void) | undefined;

  const build = (): HTMLDialogElement => {
    const d = el('dialog', { class: o.class, attrs: o.attrs });
    d.addEventListener('close', () => {
      const act = pending;
      pending = undefined;
      if (d.returnValue !== o.confirm) return;
      const answer = o.read(d);
      if (answer !== undefined) act?.(answer);
    });
    document.body.append(d);
    return d;
  };

  return {
    ask(form, act) {
      dialog ??= build();
      const d = dialog;
      if (d.open) d.close('cancel');
      d.returnValue = '';
      d.replaceChildren(form);
      pending = act;
      d.showModal();
    },
  };
}

/** The dialog's row of buttons: confirm, then cancel. */
export function dialogActions(confirm: HTMLElement, cancel: HTMLElement): HTMLElement {
  return el('div', { class: 'actions' }, confirm, cancel);
}

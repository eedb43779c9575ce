/** The join form: the room code (prefilled from the QR code's link) and a nickname. */
import { cleanedCode, normalizeRoomCode, ROOM_CODE_LENGTH } from '../../engine/classroom/code.js';
import { nicknameProblem } from '../../engine/classroom/nickname.js';
import { el } from '../dom.js';
import { NICKNAME_MAX } from '../limits.js';
import { t } from '../text.js';

export interface FormOptions {
  /** What is typed so far: kept by the page, so switching language keeps it. */
  draft: { code: string; nickname: string };
  onJoin(code: string, nickname: string): Promise<void>;
}

export function joinForm(o: FormOptions): HTMLElement {
  const code = el('input', {
    class: 'input input--code',
    key: 'code',
    attrs: {
      id: 'join-code',
      name: 'code',
      type: 'text',
      value: o.draft.code,
      inputmode: 'text',
      autocapitalize: 'characters',
      autocomplete: 'off',
      autocorrect: 'off',
      spellcheck: 'false',
      maxlength: 9,
      enterkeyhint: 'next',
      required: true,
      'aria-describedby': 'join-code-help',
    },
  });
  const name = el('input', {
    class: 'input',
    key: 'nickname',
    attrs: {
      id: 'join-name',
      name: 'nickname',
      type: 'text',
      value: o.draft.nickname,
      autocomplete: 'nickname',
      maxlength: NICKNAME_MAX,
      enterkeyhint: 'go',
      required: true,
      'aria-describedby': 'join-name-help',
    },
  });
  const codeHelp = el('p', { class: 'help', attrs: { id: 'join-code-help' } }, t('join.codeHelp'));
  const nameHelp = el('p', { class: 'help', attrs: { id: 'join-name-help' } }, t('join.nameHelp'));
  const submit = el('button', { class: 'btn btn--primary btn--big btn--block', key: 'join', attrs: { type: 'submit' } }, t('join.submit'));

  const invalid = (input: HTMLInputElement, help: HTMLElement, message: string | undefined, normal: string) => {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    help.textContent = message ?? normal;
    help.classList.toggle('help--error', !!message);
  };

  code.addEventListener('input', () => {
    const caret = code.selectionStart;
    code.value = code.value.toUpperCase();
    if (caret !== null) code.setSelectionRange(caret, caret);
    o.draft.code = code.value;
  });
  name.addEventListener('input', () => (o.draft.nickname = name.value));

  const form = el(
    'form',
    {
      class: 'join-form',
      attrs: { novalidate: true },
      on: {
        submit: (e) => {
          e.preventDefault();
          const c = normalizeRoomCode(code.value);
          const n = name.value.normalize('NFC').replace(/\s+/g, ' ').trim();
          // Five characters, but one a code never has (0 O 1 I L, easily confused): say so, not "5 letters and digits".
          const typed = cleanedCode(code.value);
          const confusable = !c && typed.length === ROOM_CODE_LENGTH && /^[A-Z0-9]+$/.test(typed) && /[01OIL]/.test(typed);
          invalid(code, codeHelp, c ? undefined : t(confusable ? 'join.codeConfusable' : 'join.codeInvalid'), t('join.codeHelp'));
          // The server's own rules, checked here first so the reason shows under the field.
          const problem = n ? nicknameProblem(n) : undefined;
          invalid(name, nameHelp, !n ? t('join.nameMissing') : problem ? t(`errors.name-${problem}`) : undefined, t('join.nameHelp'));
          if (!c) return code.focus();
          if (!n || problem) return name.focus();
          submit.disabled = true;
          submit.textContent = t('join.joining');
          void o.onJoin(c, n).finally(() => {
            submit.disabled = false;
            submit.textContent = t('join.submit');
          });
        },
      },
    },
    el('div', { class: 'field' }, el('label', { class: 'label', attrs: { for: 'join-code' } }, t('join.code')), code, codeHelp),
    el('div', { class: 'field' }, el('label', { class: 'label', attrs: { for: 'join-name' } }, t('join.name')), name, nameHelp),
    submit,
  );
  return el('section', { class: 'screen join-screen' }, el('h1', null, t('join.heading')), el('p', { class: 'lead' }, t('join.lead')), form);
}

/** A button that asks once more before it acts (ending a session cannot be undone). */
import { el } from '../dom.js';

export function confirmButton(label: string, confirmLabel: string, onConfirm: () => void, key: string, disabled = false): HTMLButtonElement {
  let armed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const b = el('button', { class: 'btn btn--danger', key, attrs: { type: 'button', disabled } }, label);
  const disarm = () => {
    armed = false;
    b.textContent = label;
    b.classList.remove('btn--armed');
  };
  b.addEventListener('click', () => {
    if (!armed) {
      armed = true;
      b.textContent = confirmLabel;
      b.classList.add('btn--armed');
      timer = setTimeout(disarm, 5000);
      return;
    }
    clearTimeout(timer);
    disarm();
    onConfirm();
  });
  b.addEventListener('blur', () => {
    clearTimeout(timer);
    disarm();
  });
  return b;
}

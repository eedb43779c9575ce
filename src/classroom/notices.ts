/**
 * What the page tells the person besides the screen itself: failed requests in a visible
 * alert region (friendly text for the common errors, the server's words otherwise), and
 * a polite live region for the customer's line and status changes.
 */
import { byId } from './dom.js';
import { KNOWN_ERRORS } from './errorCodes.js';
import { t } from './text.js';

/** A refusal as the page has it: from the server (a Failure), from the connection, or made here. */
export interface Refusal {
  error: string;
  message: string;
}

export function errorText(f: Refusal): string {
  return KNOWN_ERRORS.has(f.error) ? t(`errors.${f.error}`) : f.message || t('errors.unknown');
}

let alertTimer: ReturnType<typeof setTimeout> | undefined;

/** Show a failure (or any message) in the alert region; it clears itself after a while. */
export function showError(f: Refusal | string): void {
  show(typeof f === 'string' ? f : errorText(f), false);
}

/** News that is no failure (the trainer renamed you), in the same region, drawn calm. */
export function showNews(text: string): void {
  show(text, true);
}

function show(text: string, news: boolean): void {
  const node = byId('alert');
  node.classList.toggle('alert--news', news);
  node.textContent = text;
  node.hidden = false;
  // A tap or click puts it away (on the host page it floats over the screen's top).
  node.onclick = clearError;
  clearTimeout(alertTimer);
  alertTimer = setTimeout(clearError, 12_000);
}

export function clearError(): void {
  const node = document.getElementById('alert');
  if (!node) return;
  node.hidden = true;
  node.textContent = '';
}

let lastSaid = '';

/** Say something through the live region once (repeats of the same text are not re-read). */
export function announce(text: string): void {
  if (!text || text === lastSaid) return;
  lastSaid = text;
  byId('live').textContent = text;
}

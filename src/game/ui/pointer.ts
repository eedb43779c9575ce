/** Whether the trainee mostly touches the screen (a phone or tablet) rather than using keys and a mouse. */
export function touchFirst(): boolean {
  return globalThis.matchMedia?.('(pointer: coarse)').matches ?? false;
}

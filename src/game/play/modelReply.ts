/**
 * The model reply as the trainee reads it (coaching, the debrief): its words, or, when the
 * better move was to say nothing (a silent customer who needs the pause), what to do instead.
 * "(no reply)" is what the trainee did on a time-out, never advice.
 */
import type { DialogueNode } from '../../engine/scenario/model.js';
import { pick, type Locale } from '../../engine/text.js';

/** `choice` −1: let the time run out. `wait`: the words for that (play.waitQuietly); `quote` puts words in quotation marks. */
export function modelReplyText(node: DialogueNode, choice: number, locale: Locale, wait: string, quote = false): string {
  const c = choice < 0 ? undefined : node.choices[choice];
  if (!c) return wait;
  const text = pick(c.text, locale);
  return quote ? `“${text}”` : text;
}

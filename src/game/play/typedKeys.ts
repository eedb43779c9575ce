/**
 * What a key pressed in the own-words text box does. Enter sends and Shift+Enter starts a new line; while
 * an input method is composing (Chinese pinyin, say) every key is the input method's: the Enter that
 * commits a candidate must not also send. Browsers mark those keys differently — `isComposing` (Chrome,
 * Firefox), keyCode 229 (Safari fires compositionend before the keydown), or only the composition events —
 * so all three count. Escape pauses, as it does everywhere in the game (the draft stays in the box).
 * Every other key is the text box's own: the game's keys (1–4, Space, H …) never act while typing.
 */
export type TypedKeyAction = 'send' | 'newline' | 'pause' | 'type';

export interface TypedKey {
  key: string;
  shiftKey: boolean;
  isComposing: boolean;
  keyCode: number;
}

/** `composing`: between compositionstart and compositionend, as the box saw them. */
export function typedKeyAction(e: TypedKey, composing: boolean): TypedKeyAction {
  if (composing || e.isComposing || e.keyCode === 229) return 'type';
  if (e.key === 'Enter') return e.shiftKey ? 'newline' : 'send';
  if (e.key === 'Escape') return 'pause';
  return 'type';
}

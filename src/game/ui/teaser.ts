/** A card's one-line teaser of a longer text. */

/** The text on one line, cut at `max` characters (at a word in English) with an ellipsis. */
export function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, Math.floor(max) - 1).join('');
  // English: end at a word, not in the middle of one.
  const word = /[A-Za-z0-9]$/.test(cut) ? cut.replace(/\s+\S*$/, '') : cut;
  // No stop, comma or space before the ellipsis (".…", "，…").
  return `${(word.length > max / 2 ? word : cut).replace(/[\s.,;:!?。，、；：！？]+$/u, '')}…`;
}

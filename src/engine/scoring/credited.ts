/**
 * A typed turn's practices, told apart: those the judge found in the trainee's words, and those credited only
 * through the authored reply the words were read as (a play-test: "credited with what I never wrote"). The game's
 * coaching and the class phone's both show them so; a picked turn, or one typed word for word, is all "wrote".
 */
export function creditedApart(honoured: readonly string[], found: readonly { id: string }[] | undefined): { wrote: string[]; credited: string[] } {
  if (!found) return { wrote: [...honoured], credited: [] };
  const ids = new Set(found.map((f) => f.id));
  return { wrote: honoured.filter((id) => ids.has(id)), credited: honoured.filter((id) => !ids.has(id)) };
}

/**
 * The i18n key and values for the line naming what a typed turn was credited with through the reply it was read as:
 * in full, or in part — the share `creditFor` gives its similarity (a play-test: a loose paraphrase scored 47 with
 * nothing on the card saying why).
 */
export function creditedLineOf(names: string, share: number): { key: 'play.credited' | 'play.creditedPart'; vars: { names: string; share: number } } {
  const pct = Math.round(share * 100);
  return { key: pct >= 100 ? 'play.credited' : 'play.creditedPart', vars: { names, share: pct } };
}

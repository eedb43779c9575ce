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

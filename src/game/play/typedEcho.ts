/**
 * A typed reply cut into runs for the coaching card: the words the judge took as evidence for a principle
 * (its [start, end) span) marked good or bad, the rest plain. Spans of two principles may overlap: the
 * earlier keeps the shared words, the later is marked from where the earlier ends. Spans outside the text
 * are clipped; empty ones are dropped.
 */
export interface EchoSpan {
  start: number;
  end: number;
  good: boolean;
  /** The principle's name, for a tooltip. */
  name: string;
}

export interface EchoRun {
  text: string;
  mark: null | { good: boolean; names: string[] };
}

export function echoRuns(text: string, spans: readonly EchoSpan[]): EchoRun[] {
  const sorted = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: EchoRun[] = [];
  let at = 0;
  for (const s of sorted) {
    const start = Math.max(at, s.start);
    if (start >= s.end) {
      // Wholly inside the run before: its name joins that mark.
      const last = runs.at(-1);
      if (last?.mark && !last.mark.names.includes(s.name)) last.mark.names.push(s.name);
      continue;
    }
    if (start > at) runs.push({ text: text.slice(at, start), mark: null });
    runs.push({ text: text.slice(start, s.end), mark: { good: s.good, names: [s.name] } });
    at = s.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), mark: null });
  return runs;
}

/**
 * The language model's answer, read like any untrusted input: the completion must hold one message whose
 * content is JSON; each finding must name a catalog principle with the polarity the catalog gives it, a
 * confidence from 0 to 1, and evidence that is words actually in the reply (its offsets are found here, never
 * taken from the model). What fails is dropped, with a short reason; a wrong overall shape is an error.
 */
import type { Catalog } from '../engine/catalog/catalog.js';
import type { Finding } from '../engine/judge/index.js';

/** More findings than this in one answer are not read. */
export const MAX_FINDINGS = 60;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const short = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/** The assistant message's text from a chat-completions response body. */
export function completionContent(body: unknown): Checked<string> {
  const choice = (body as { choices?: unknown })?.choices;
  const first = Array.isArray(choice) ? (choice[0] as { message?: { content?: unknown; refusal?: unknown } } | undefined) : undefined;
  if (!first || typeof first !== 'object' || !first.message || typeof first.message !== 'object') return { ok: false, error: 'the answer is not a chat completion (no choices[0].message)' };
  if (typeof first.message.refusal === 'string' && first.message.refusal) return { ok: false, error: 'the model refused to answer' };
  const content = first.message.content;
  if (typeof content !== 'string' || !content.trim()) return { ok: false, error: 'the model gave an empty answer' };
  return { ok: true, value: content };
}

/**
 * The content as JSON. Allowed around it: a reasoning model's <think>…</think>, a ```json fence, or a sentence
 * before and after the one {…} object.
 */
export function contentJson(content: string): Checked<unknown> {
  const bare = content.replace(/^\s*<think>[\s\S]*?<\/think>/i, '').trim();
  const fenced = /^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i.exec(bare);
  const body = fenced ? fenced[1]! : bare;
  for (const candidate of [body, body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1)]) {
    try {
      if (candidate) return { ok: true, value: JSON.parse(candidate) };
    } catch {
      /* try the next reading */
    }
  }
  return { ok: false, error: 'the model did not answer with JSON' };
}

const QUOTES = /^[\s"'“”‘’「」『』《》]+|[\s"'“”‘’「」『』《》]+$/g;

/** Where the quoted evidence stands in the reply: as given, or without surrounding spaces and quote marks. */
export function locate(evidence: string, text: string): [number, number] | undefined {
  const curly = text.replace(/[\u2018\u2019]/g, "'");
  for (const e of new Set([evidence, evidence.trim(), evidence.replace(QUOTES, '')])) {
    if (!e) continue;
    for (const hay of [text, curly]) {
      const at = hay.indexOf(hay === curly ? e.replace(/[\u2018\u2019]/g, "'") : e);
      if (at >= 0) return [at, at + e.length];
    }
  }
  return undefined;
}

const POLARITY: Record<string, 'practice' | 'violation'> = { practice: 'practice', violation: 'violation', good: 'practice', bad: 'violation' };

/** The findings that hold up, and why the others were dropped. */
export function checkFindings(data: unknown, text: string, catalog: Catalog): Checked<{ findings: Finding[]; dropped: string[] }> {
  const list = Array.isArray(data) ? data : (data as { principles?: unknown } | null)?.principles;
  if (!Array.isArray(list)) return { ok: false, error: 'the answer has no "principles" list' };
  const dropped: string[] = [];
  const best = new Map<string, Finding>();
  if (list.length > MAX_FINDINGS) dropped.push(`${list.length - MAX_FINDINGS} findings past the first ${MAX_FINDINGS}`);
  for (const item of list.slice(0, MAX_FINDINGS)) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      dropped.push(`${short(item)}: not an object`);
      continue;
    }
    const f = item as Record<string, unknown>;
    const id = typeof f.id === 'string' ? f.id.trim() : '';
    const ids = catalog.get(id) ? [id] : (catalog.alias(id)?.to ?? []);
    if (!ids.length) {
      dropped.push(`${short(f.id)}: not a catalog principle`);
      continue;
    }
    const polarity = typeof f.polarity === 'string' ? POLARITY[f.polarity.trim().toLowerCase()] : undefined;
    const c = f.confidence;
    if (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 1) {
      dropped.push(`${id}: confidence ${short(c)} is not a number from 0 to 1`);
      continue;
    }
    const span = typeof f.evidence === 'string' ? locate(f.evidence, text) : undefined;
    if (!span) {
      dropped.push(`${id}: evidence ${short(f.evidence)} is not in the reply`);
      continue;
    }
    for (const one of ids) {
      if (catalog.get(one)!.polarity !== polarity) {
        dropped.push(`${one}: polarity ${short(f.polarity)} is not the catalog's (${catalog.get(one)!.polarity})`);
        continue;
      }
      const finding: Finding = { id: one, polarity, confidence: Math.round(c * 1000) / 1000, evidence: span };
      const had = best.get(one);
      if (!had || had.confidence < finding.confidence) best.set(one, finding);
    }
  }
  const findings = [...best.values()].sort((a, b) => a.evidence[0] - b.evidence[0] || a.id.localeCompare(b.id));
  return { ok: true, value: { findings, dropped } };
}

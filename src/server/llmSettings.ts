/**
 * The optional language-model judge's settings, from the environment: DOJO_LLM_URL (an OpenAI-compatible
 * chat-completions endpoint, e.g. a local Ollama or llama.cpp server), DOJO_LLM_MODEL, DOJO_LLM_KEY (sent as a
 * Bearer token), DOJO_LLM_TIMEOUT_MS and DOJO_LLM_CONCURRENCY. Off (null) without a URL.
 */

export interface LlmSettings {
  /** The full chat-completions address. */
  url: string;
  model: string;
  key?: string;
  timeoutMs: number;
  /** Requests in flight at once; more wait their turn (within the timeout). */
  concurrency: number;
}

export const DEFAULT_LLM_TIMEOUT_MS = 8000;
export const DEFAULT_LLM_CONCURRENCY = 2;

/** A base address (…/, …/v1) completed to its /v1/chat/completions; a full path kept as given. */
export function completionsUrl(given: URL): string {
  const u = new URL(given.href);
  const path = u.pathname.replace(/\/+$/, '');
  if (/\/chat\/completions$/.test(path)) return u.href;
  u.pathname = /\/v1$/.test(path) ? `${path}/chat/completions` : `${path}/v1/chat/completions`;
  return u.href;
}

function whole(env: NodeJS.ProcessEnv, name: string, min: number, max: number, fallback: number): number | { error: string } {
  const v = env[name]?.trim();
  if (!v) return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : { error: `${name} must be a whole number from ${min} to ${max}, not "${v}"` };
}

/** The settings; null when DOJO_LLM_URL is unset; an error message (never holding the key) when one is wrong. */
export function llmSettings(env: NodeJS.ProcessEnv): LlmSettings | null | { error: string } {
  const raw = env.DOJO_LLM_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: 'DOJO_LLM_URL is not an address (e.g. http://127.0.0.1:11434/v1/chat/completions)' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `DOJO_LLM_URL must be http(s), not ${url.protocol}` };
  if (url.username || url.password) return { error: 'DOJO_LLM_URL must not hold a user name or password: give the key in DOJO_LLM_KEY' };
  const model = env.DOJO_LLM_MODEL?.trim();
  if (!model) return { error: 'DOJO_LLM_URL is set but DOJO_LLM_MODEL is not: name the model to ask (e.g. qwen2.5:7b-instruct)' };
  const timeoutMs = whole(env, 'DOJO_LLM_TIMEOUT_MS', 100, 600_000, DEFAULT_LLM_TIMEOUT_MS);
  if (typeof timeoutMs !== 'number') return timeoutMs;
  const concurrency = whole(env, 'DOJO_LLM_CONCURRENCY', 1, 64, DEFAULT_LLM_CONCURRENCY);
  if (typeof concurrency !== 'number') return concurrency;
  const key = env.DOJO_LLM_KEY?.trim();
  return { url: completionsUrl(url), model, ...(key ? { key } : {}), timeoutMs, concurrency };
}

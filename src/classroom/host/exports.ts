/**
 * Links to a room's results: CSV (opens in Excel, Chinese intact), the same as an Excel workbook, JSON (everything) and the
 * plays as xAPI statements (JSON, for a learning record store: src/server/xapi.ts).
 * From another device the trainer's key goes in a request header, never in a link: a link
 * shows on the projector when hovered and stays in the browser's history.
 */
import { el } from '../dom.js';
import { hostToken } from '../prefs.js';
import { locale, t } from '../text.js';

export function exportHref(idOrCode: string, kind: 'csv' | 'xlsx' | 'json' | 'xapi'): string {
  const q = new URLSearchParams({ lang: locale() });
  if (kind === 'xapi') return `/api/rooms/${encodeURIComponent(idOrCode)}/xapi.json`;
  return `/api/rooms/${encodeURIComponent(idOrCode)}/export.${kind}?${q}`;
}

/** Fetch with the key (or the room's host token) and hand the file to the browser as a download. */
async function download(href: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(href, { headers });
  if (!res.ok) throw new Error(`${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'dojo-export';
  const url = URL.createObjectURL(await res.blob());
  const a = el('a', { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportLinks(idOrCode: string, key: string | undefined, compact = false): HTMLElement {
  // The host token of a room this browser hosts also opens its results (not the past list's ids).
  const token = key ? undefined : hostToken(idOrCode);
  const headers: Record<string, string> | undefined = key ? { 'x-dojo-key': key } : token ? { 'x-dojo-host-token': token } : undefined;
  return el(
    'p',
    { class: compact ? 'exports exports--compact' : 'exports' },
    (['csv', 'xlsx', 'json', 'xapi'] as const).map((kind) => {
      const href = exportHref(idOrCode, kind);
      const a = el(
        'a',
        {
          class: compact ? 'link-btn' : 'btn btn--secondary',
          key: `export-${kind}-${idOrCode}`,
          attrs: { href, download: true, 'data-export': kind },
        },
        t(compact ? `exports.${kind}Short` : `exports.${kind}`),
      );
      if (headers)
        a.addEventListener('click', (e) => {
          e.preventDefault();
          download(href, headers).catch(() => window.alert(t('errors.internal')));
        });
      return a;
    }),
  );
}

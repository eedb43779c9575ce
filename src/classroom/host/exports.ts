/** Links to a room's results: CSV (opens in Excel, Chinese intact) and JSON (everything). */
import { el } from '../dom.js';
import { locale, t } from '../text.js';

export function exportHref(idOrCode: string, kind: 'csv' | 'json', key: string | undefined): string {
  const q = new URLSearchParams({ lang: locale() });
  if (key) q.set('key', key);
  return `/api/rooms/${encodeURIComponent(idOrCode)}/export.${kind}?${q}`;
}

export function exportLinks(idOrCode: string, key: string | undefined, compact = false): HTMLElement {
  return el(
    'p',
    { class: compact ? 'exports exports--compact' : 'exports' },
    (['csv', 'json'] as const).map((kind) =>
      el(
        'a',
        {
          class: compact ? 'link-btn' : 'btn btn--secondary',
          key: `export-${kind}-${idOrCode}`,
          attrs: { href: exportHref(idOrCode, kind, key), download: true, 'data-export': kind },
        },
        t(compact ? `exports.${kind}Short` : `exports.${kind}`),
      ),
    ),
  );
}

/** Small JSON request bodies for the server's POST endpoints: read with a size cap, answered as JSON. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A body this much over the cap is not read to its end: the connection is cut. */
const MAX_DRAIN = 1024 * 1024;

/** The body as text; null when it is larger than `max` bytes (or the request fails). */
export function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Too large: the rest is read and thrown away, so the answer (413) still reaches the
      // sender; past MAX_DRAIN the connection is cut rather than read on.
      if (size > MAX_DRAIN) req.destroy();
      else if (size > max) resolve(null);
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const buf = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': buf.length, 'Cache-Control': 'no-store' });
  res.end(buf);
}

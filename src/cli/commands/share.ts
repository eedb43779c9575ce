/**
 * `dojo share FILE --server URL [--key TRAINER_KEY]`: upload a scenario to a class server
 * (POST /api/scenarios). Prints the version it became, or the server's problems as
 * file:line:col, as `dojo check` prints them.
 */
import { basename } from 'node:path';
import type { Problem } from '../../engine/problems.js';
import { parseArgs, stringFlag, UsageError } from '../args.js';
import { readText } from '../files.js';
import type { Output } from '../main.js';
import { messageLocale, printProblems } from './common.js';

export async function shareCommand(argv: string[], io: Output): Promise<number> {
  const args = parseArgs(argv, { values: ['server', 'key', 'locale'] });
  const locale = messageLocale(args);
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) throw new UsageError('give one scenario file: dojo share FILE --server URL [--key TRAINER_KEY]');
  const server = stringFlag(args, 'server');
  if (!server) throw new UsageError('give the class server: --server http://HOST:PORT');
  let base: URL;
  try {
    base = new URL(server);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error();
  } catch {
    throw new UsageError(`--server must be an http:// or https:// address, not "${server}"`);
  }
  const read = readText(file);
  if ('problem' in read) {
    printProblems(io, [read.problem], locale);
    return 1;
  }
  const key = stringFlag(args, 'key') ?? process.env.DOJO_TRAINER_KEY;
  const url = new URL(`/api/scenarios?name=${encodeURIComponent(basename(file))}`, base);
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: read.text, headers: { 'content-type': 'text/yaml; charset=utf-8', ...(key ? { 'x-dojo-key': key } : {}) } });
  } catch (e) {
    io.err(`cannot reach ${base.origin}: ${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}`);
    return 1;
  }
  const body = (await res.json().catch(() => ({}))) as { id?: string; version?: number; error?: string; problems?: Problem[]; warnings?: Problem[] };
  if (res.ok && body.version !== undefined) {
    printProblems(io, body.warnings ?? [], locale);
    io.out(locale === 'en' ? `shared ${body.id} as version ${body.version} on ${base.origin}` : `已共享 ${body.id},第 ${body.version} 版,服务器 ${base.origin}`);
    return 0;
  }
  // Positions name the file as given here, not the bare name the server saw.
  const problems = (body.problems ?? []).map((p) => ({ ...p, file: p.file === basename(file) ? file : p.file }));
  if (problems.length) printProblems(io, problems, locale);
  else io.err(`${base.origin} refused the file (${res.status}): ${body.error ?? res.statusText}`);
  if (res.status === 403) io.err('give the trainer key printed by the server: --key KEY (or DOJO_TRAINER_KEY)');
  return 1;
}

#!/usr/bin/env node
// `npm start` runs this after building: the game, the classroom pages and the classroom server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server/main.ts');
const code = await main(process.argv.slice(2));
// A start that failed (a busy port, a bad option) ends here, whatever is still open.
if (code >= 0) process.exit(code);

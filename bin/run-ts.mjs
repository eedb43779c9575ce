#!/usr/bin/env node
// Run a TypeScript entry point (benchmarks, scripts) through tsx: `node bin/run-ts.mjs FILE [ARGS…]`.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const [file, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(file), ...rest];
await import(pathToFileURL(resolve(file)).href);

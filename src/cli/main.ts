/** `dojo`: the Complaint Dojo command line. Exit 0 ok, 1 invalid input, 2 bad usage. */
import { UsageError } from './args.js';
import { auditCommand } from './commands/audit.js';
import { checkCommand } from './commands/check.js';
import { coverageCommand } from './commands/coverage.js';
import { exportCommand } from './commands/export.js';
import { graphCommand } from './commands/graph.js';
import { judgeCommand } from './commands/judge.js';
import { lintCommand } from './commands/lint.js';
import { newCommand } from './commands/new.js';
import { pathsCommand } from './commands/paths.js';
import { playCommand } from './commands/play.js';
import { principlesCommand } from './commands/principles.js';
import { recordCommand } from './commands/record.js';
import { schemaCommand } from './commands/schema.js';
import { shareCommand } from './commands/share.js';
import { stringsCommand } from './commands/strings.js';
import { testCommand } from './commands/test.js';

export const USAGE = `dojo — Complaint Dojo (投诉应对实训) command line

Usage:
  dojo principles [--json] [--locale zh-CN|en]        list the principle catalog
  dojo new --type angry|silent|talkative|expert --id ID [--out FILE]
                                                       write a commented starter scenario
  dojo check FILE… [--locale zh-CN|en]                 validate scenario files (messages: --locale, else LANG)
  dojo lint FILE… [--json] [--locale zh-CN|en]         check, plus graph and teaching checks
  dojo graph FILE [--svg|--html] [--out F] [--locale …]
                                                       a Mermaid flowchart, or a picture with the best
                                                       and worst paths marked (no browser needed)
  dojo coverage [FILE|DIR…] [--json] [--locale …]      principles each scenario exercises (as the best
                                                       reply, as a tempting wrong one), trains never
                                                       used, catalog principles no scenario exercises
  dojo play FILE [--choices 1,2,t] [--seed N] [--locale zh-CN|en] [--json]
                                                       play; without --choices, interactively in the terminal
  dojo paths FILE [--json] [--locale zh-CN|en]         every ending, and the best and worst routes
  dojo audit FILE… [--json] [--seeds N]                can it be won without reading? reading-free
                                                       strategies in both languages, and the giveaways
  dojo strings export FILE… --out sheet.xlsx|.csv     every text with a stable id, zh-CN and en side by side
  dojo strings import SHEET --into FILE…              write a sheet's texts back (only the text changes;
                                                       rows that cannot be placed are reported by row:col)
  dojo share FILE --server URL [--key TRAINER_KEY]     share a checked scenario on a class server: prints
                                                       its version, or the problems as file:line:col
  dojo schema                                          print the scenario JSON Schema (for editors)
  dojo record FILE (--choices 1,2 | --path best|worst) [--name N] [--seed N] [--locale …]
                                                       write a golden transcript to scenarios/transcripts/
  dojo test [TRANSCRIPT…]                              replay golden transcripts and report differences
  dojo export scorm FILE… --out course.zip [--pass 65] [--locale zh-CN|en|both] [--title T] [--game DIR]
                                                       a SCORM 1.2 package for an LMS (Moodle …): the full
                                                       game with these scenarios, one SCO each (docs/lms.md)
  dojo judge --text "…" [--locale zh-CN|en] [--scenario ID|FILE --node ID] [--json]
                                                       the offline judge: principles a typed reply practises
                                                       or violates, with evidence, and the closest authored reply
  dojo judge --jsonl                                   the same for JSON lines {"id", "text", "locale"?,
                                                       "scenario"?, "node"?} on stdin, one answer line each
  dojo judge --lint [--signals FILE]                   check the judge's cue patterns (scenarios/judge-signals.yaml)
  dojo judge … --llm                                   ask the language model set up by DOJO_LLM_URL, DOJO_LLM_MODEL
                                                       (…: README); the offline judge when it fails (noted on stderr)

Options:
  --catalog FILE   use another principle catalog (default: scenarios/principles.yaml)
  --help           show this help

Exit status: 0 success, 1 invalid scenario or choices, 2 bad usage.`;

type Command = (argv: string[], out: Output) => Promise<number> | number;

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const commands: Record<string, Command> = {
  principles: principlesCommand,
  check: checkCommand,
  play: playCommand,
  paths: pathsCommand,
  schema: schemaCommand,
  record: recordCommand,
  test: testCommand,
  lint: lintCommand,
  graph: graphCommand,
  new: newCommand,
  audit: auditCommand,
  export: exportCommand,
  judge: judgeCommand,
  coverage: coverageCommand,
  strings: stringsCommand,
  share: shareCommand,
};

const stdio: Output = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
};

export async function main(argv: string[], io: Output = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`dojo: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help')) {
    io.out(USAGE);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`dojo ${name}: ${e.message}\nRun "dojo --help" for usage.`);
      return 2;
    }
    // Anything else is our bug, not the trainer's: say so in one line, without a stack trace.
    io.err(`dojo ${name}: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 70;
  }
}

/** `dojo new --type angry --id my-case [--out FILE]`: a valid, commented starter scenario. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { customerProfiles } from '../../engine/customers/index.js';
import { article } from '../../engine/text.js';
import { CUSTOMER_TYPES, type CustomerType } from '../../engine/scenario/schema.js';
import { parseArgs, stringFlag, UsageError } from '../args.js';
import { displayName, PROJECT_ROOT } from '../files.js';
import type { Output } from '../main.js';

export function starter(type: CustomerType, id: string, schemaPath: string, filePath = `${id}.yaml`): string {
  const profile = customerProfiles[type];
  const practices = profile.signature.practices;
  const violations = profile.signature.violations;
  const [p1, p2 = p1, p3 = p1] = practices;
  const [v1, v2 = v1] = violations;
  const rest = (xs: readonly string[], from: number) => xs.slice(from).map((x) => `, ${x}`).join('');
  const meters = profile.meters.map((m) => `${m.id} (starts at ${m.start})`).join(', ');
  const first = profile.meters[0]!;
  const bad = profile.breakdownOutcome;
  return `# yaml-language-server: $schema=${schemaPath}
# A Complaint Dojo scenario: one file, everything in it. Replace the text in « » with your own.
# Check it:  npx dojo lint ${filePath}      Try it:  npx dojo play ${filePath}
# Full guide: docs/authoring.md. Principle ids: npx dojo principles.

# A unique id (lowercase letters, digits, hyphens).
id: ${id}
# Text is { zh-CN: …, en: … }. You may write only one language; the game falls back to it and lint reminds you.
title:
  zh-CN: "«场景标题»"
  en: "«Scenario title»"
difficulty: 1 # 1 introductory, 2 intermediate, 3 hard
setting: service-counter # call-centre, service-counter, station, train, shop, restaurant, office, warehouse, site, hotel
brief:
  zh-CN: "«给学员的一句话说明:发生了什么,你的角色是什么。»"
  en: "«One line for the trainee: what happened, and who you are.»"
# The principles this scenario mainly trains (shown on the scenario card and in the guide).
trains: [${p1}, ${v1}]
customer:
  # angry | silent | talkative | expert. The type decides how the customer reacts to the principles you tag.
  # ${article(type).replace('a', 'A')} ${type} customer has these meters (0–100): ${meters}.
  type: ${type}
  name:
    zh-CN: "«王先生»"
    en: "«Mr Wang»"
  persona:
    zh-CN: "«客户是谁:年龄、处境、为什么来。»"
    en: "«Who the customer is: age, situation, why they came.»"
  # Optional: starting meter values, e.g. a customer who arrives already fuming.
  start: { ${first.id}: ${first.start} }

# Dialogue nodes. Each has the customer's line and the replies the trainee can choose.
nodes:
  - id: open
    # Several lines give variants: the session picks one with its seeded RNG, so replays differ.
    line:
      - zh-CN: "«客户的第一句话。»"
        en: "«The customer's opening line.»"
      - zh-CN: "«同一个意思的另一种说法。»"
        en: "«The same, put another way.»"
    note:
      zh-CN: "«(舞台提示,可选。)»"
      en: "«(A stage direction, optional.)»"
    choices:
      # Each reply: what the trainee says, the principles it practises or violates (weight 1 by default),
      # the coaching shown afterwards, and where the talk goes next.
      - id: right # an id lets a later condition refer to this choice as open.right
        text:
          zh-CN: "«一句做得好的回应。»"
          en: "«A reply that does it right.»"
        principles: [{ id: ${p1}, weight: 2 }, ${p2}${rest(practices, 3)}]
        feedback:
          zh-CN: "«为什么好:点名原则。»"
          en: "«Why it works, naming the principle.»"
        next: middle
      - text:
          zh-CN: "«一句员工常说、但不该说的话。»"
          en: "«Something staff often say, but shouldn't.»"
        principles: [${v1}]
        feedback:
          zh-CN: "«为什么不好:点名原则。»"
          en: "«Why it hurts, naming the principle.»"
        next: middle

  - id: middle
    line:
      zh-CN: "«客户的第二句话。»"
      en: "«The customer's second line.»"
    # Optional: seconds to reply, and what happens if the time runs out (a reply of its own).
    timeLimit: 20
    onTimeout:
      principles: [${v2}]
      feedback:
        zh-CN: "«沉默的代价。»"
        en: "«What the silence cost.»"
      next: end-bad
    # Write the poor replies as long and as polite as the good one, and vary where the good one sits:
    # npx dojo audit checks that picking the longest or the politest reply does not win.
    choices:
      - text:
          zh-CN: "«不好的回应。»"
          en: "«A poor reply.»"
        principles: [${v2}${rest(violations, 2)}]
        feedback:
          zh-CN: "«为什么不好。»"
          en: "«Why it hurts.»"
        next: end-bad
      - text:
          zh-CN: "«得体的回应。»"
          en: "«A good reply.»"
        principles: [${p3}]
        feedback:
          zh-CN: "«为什么好。»"
          en: "«Why it works.»"
        # A list of branches: the first whose condition holds is taken; the last has none.
        # Conditions can name earlier choices (chose / notChose) or meters, e.g. when: { trust: { min: 60 } }.
        next:
          - when: { chose: [open.right] }
            to: end-good
          - to: end-ok

# Endings: won-back, resolved, unresolved, escalated or left-silently.
# When ${article(type)} ${type} customer breaks off (a meter past its limit), the game goes to the first "${bad}" ending.
endings:
  - id: end-good
    outcome: won-back
    line:
      zh-CN: "«客户满意的最后一句。»"
      en: "«The customer's happy last words.»"
    summary:
      zh-CN: "«复盘里的一句总结。»"
      en: "«A one-line summary for the debrief.»"
  - id: end-ok
    outcome: resolved
    summary:
      zh-CN: "«问题解决了,但客户没有被打动。»"
      en: "«Fixed, but the customer was not won over.»"
  - id: end-bad
    outcome: ${bad}
    summary:
      zh-CN: "«没处理好的结局。»"
      en: "«How it went wrong.»"
`;
}

export function newCommand(argv: string[], io: Output): number {
  const args = parseArgs(argv, { values: ['type', 'id', 'out'], booleans: ['force'] });
  const type = stringFlag(args, 'type');
  const id = stringFlag(args, 'id');
  if (!type || !(CUSTOMER_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${CUSTOMER_TYPES.join(', ')}`);
  if (!id || !/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError('--id is lowercase letters, digits and hyphens, e.g. --id late-delivery');
  const out = resolve(stringFlag(args, 'out') ?? `${id}.yaml`);
  if (existsSync(out) && !args.flags.has('force')) {
    io.err(`${relative(process.cwd(), out) || out}: already exists (use --force to overwrite)`);
    return 1;
  }
  const shown = displayName(out).split('\\').join('/');
  const schema = relative(dirname(out), join(PROJECT_ROOT, 'scenarios/scenario.schema.json')).split('\\').join('/');
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, starter(type as CustomerType, id, schema, shown));
  } catch (e) {
    io.err(`${relative(process.cwd(), out) || out}:1:1: cannot write the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 1;
  }
  io.out(`wrote ${relative(process.cwd(), out) || out}: ${article(type)} ${type}-customer starter. Next: npx dojo lint ${relative(process.cwd(), out)}`);
  return 0;
}

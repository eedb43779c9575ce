/**
 * The trainer's first screen: pick a scenario (grouped by customer type), how the class
 * plays it, and how long each vote stays open; then make the room.
 */
import type { Mode, ScenarioInfo } from '../../server/protocol.js';
import { VOTE_SECONDS } from '../limits.js';
import { button, el } from '../dom.js';
import { t, tg, txt } from '../text.js';

export interface StartChoice {
  scenario?: string;
  mode: Mode;
  voteSeconds: number;
  /** Everyone plays: trainees type their replies in their own words. */
  ownWords: boolean;
}

export interface StartOptions {
  scenarios: ScenarioInfo[];
  choice: StartChoice;
  onCreate(c: Required<StartChoice>): void;
  onPast(): void;
}

export function startScreen(o: StartOptions): HTMLElement {
  const c = o.choice;
  c.scenario ??= o.scenarios[0]?.id;

  const groups = new Map<string, ScenarioInfo[]>();
  // Scenarios trainers shared on this server come last, in a group of their own.
  for (const s of o.scenarios) {
    const g = s.shared ? 'shared' : s.type;
    groups.set(g, [...(groups.get(g) ?? []), s]);
  }

  const scenarioField = el(
    'fieldset',
    { class: 'field scenario-field' },
    el('legend', { class: 'step' }, t('start.scenario')),
    o.scenarios.length ? null : el('p', { class: 'muted' }, t('start.noScenarios')),
    [...groups].map(([type, list]) =>
      el(
        'div',
        { class: 'scenario-group' },
        el('h3', { class: `type-heading type-${type}` }, type === 'shared' ? t('start.shared') : tg(`types.${type}`)),
        el('div', { class: 'cards' }, list.map((s) => scenarioCard(s, s.id === c.scenario, (id) => (c.scenario = id)))),
      ),
    ),
  );

  const seconds = el('input', {
    class: 'input input--number',
    attrs: { id: 'vote-seconds', type: 'number', min: VOTE_SECONDS.min, max: VOTE_SECONDS.max, step: 5, value: c.voteSeconds, inputmode: 'numeric', required: true },
  });
  const secondsField = el(
    'div',
    { class: 'field seconds-field' },
    el('label', { class: 'step', attrs: { for: 'vote-seconds' } }, t('start.seconds')),
    el('div', { class: 'seconds-row' }, seconds, el('span', { class: 'unit' }, t('start.secondsUnit'))),
    el('p', { class: 'help', attrs: { id: 'seconds-help' } }, t('start.secondsHelp', { min: VOTE_SECONDS.min, max: VOTE_SECONDS.max })),
  );
  seconds.setAttribute('aria-describedby', 'seconds-help');
  // Everyone plays: replies picked from the list, or typed in the trainees' own words.
  const ownWords = el('input', { class: 'check-input', key: 'own-words', attrs: { id: 'own-words', type: 'checkbox', checked: c.ownWords, 'aria-describedby': 'own-words-help' } });
  ownWords.addEventListener('change', () => (c.ownWords = ownWords.checked));
  const ownWordsField = el(
    'div',
    { class: 'field own-words-field' },
    el('p', { class: 'step' }, t('start.replies')),
    el('label', { class: 'check', attrs: { for: 'own-words' } }, ownWords, el('span', null, t('start.ownWords'))),
    el('p', { class: 'help', attrs: { id: 'own-words-help' } }, t('start.ownWordsHelp')),
  );
  const syncSeconds = () => {
    secondsField.hidden = c.mode !== 'vote';
    ownWordsField.hidden = c.mode !== 'solo';
  };

  const modeField = el(
    'fieldset',
    { class: 'field mode-field' },
    el('legend', { class: 'step' }, t('start.mode')),
    el(
      'div',
      { class: 'cards cards--two' },
      (['vote', 'solo'] as const).map((m) =>
        radioCard('mode', m, c.mode === m, [el('strong', { class: 'card-title' }, t(`mode.${m}`)), el('span', { class: 'card-text' }, t(`mode.${m}About`))], () => {
          c.mode = m;
          syncSeconds();
        }),
      ),
    ),
  );
  syncSeconds();

  const form = el(
    'form',
    {
      class: 'start-form',
      attrs: { novalidate: true },
      on: {
        submit: (e) => {
          e.preventDefault();
          const n = Number(seconds.value);
          if (c.mode === 'vote' && (!Number.isInteger(n) || n < VOTE_SECONDS.min || n > VOTE_SECONDS.max)) {
            seconds.setAttribute('aria-invalid', 'true');
            seconds.focus();
            return;
          }
          seconds.removeAttribute('aria-invalid');
          if (c.mode === 'vote') c.voteSeconds = n;
          if (!c.scenario) return;
          o.onCreate({ scenario: c.scenario, mode: c.mode, voteSeconds: c.voteSeconds, ownWords: c.mode === 'solo' && c.ownWords });
        },
      },
    },
    scenarioField,
    modeField,
    secondsField,
    ownWordsField,
    el(
      'div',
      { class: 'actions' },
      el('button', { class: 'btn btn--primary btn--big', key: 'create', attrs: { type: 'submit', disabled: !o.scenarios.length } }, t('start.create')),
      button(t('start.past'), o.onPast, { key: 'past', class: 'btn btn--secondary' }),
    ),
  );

  return el('section', { class: 'screen start' }, el('h1', null, t('start.heading')), el('p', { class: 'lead' }, t('start.lead')), form);
}

function scenarioCard(s: ScenarioInfo, checked: boolean, onPick: (id: string) => void): HTMLElement {
  const dots = '●'.repeat(s.difficulty) + '○'.repeat(Math.max(0, 3 - s.difficulty));
  return radioCard(
    'scenario',
    s.id,
    checked,
    [
      el('strong', { class: 'card-title' }, txt(s.title)),
      el(
        'span',
        { class: 'card-meta' },
        el('span', { class: 'difficulty', attrs: { 'aria-hidden': 'true' } }, dots),
        ' ',
        el('span', { class: 'visually-hidden' }, t('start.difficultyLabel', { n: s.difficulty })),
        el('span', { attrs: { 'aria-hidden': 'true' } }, t(`difficulty.${s.difficulty}`)),
        ' · ',
        tg(`settings.${s.setting}`),
        ' · ',
        txt(s.customer.name),
        s.shared ? ` · ${t('start.sharedVersion', { n: s.shared.version })}` : null,
      ),
      el('span', { class: 'card-text' }, txt(s.brief)),
    ],
    () => onPick(s.id),
  );
}

function radioCard(name: string, value: string, checked: boolean, body: HTMLElement[], onPick: () => void): HTMLElement {
  const id = `${name}-${value}`;
  const input = el('input', { class: 'card-radio', key: id, attrs: { type: 'radio', name, value, id, checked } });
  input.addEventListener('change', () => input.checked && onPick());
  return el('label', { class: 'card', attrs: { for: id, 'data-value': value } }, input, el('span', { class: 'card-body' }, body));
}

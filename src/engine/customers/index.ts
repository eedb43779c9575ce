/** The four customer types: each one's definition (profile, rules, machine), by type. */
import type { CustomerType } from '../scenario/schema.js';
import { angry } from './angry.js';
import type { Customer } from './define.js';
import { expert } from './expert.js';
import type { CustomerProfile, ReactionRule } from './reaction.js';
import { silent } from './silent.js';
import { talkative } from './talkative.js';

export const customers: Record<CustomerType, Customer> = { angry, silent, talkative, expert };

export const customerMachines = {
  angry: angry.machine,
  silent: silent.machine,
  talkative: talkative.machine,
  expert: expert.machine,
} as const;

export const customerProfiles: Record<CustomerType, CustomerProfile> = {
  angry: angry.profile,
  silent: silent.profile,
  talkative: talkative.profile,
  expert: expert.profile,
};

export const customerRules: Record<CustomerType, readonly ReactionRule[]> = {
  angry: angry.rules,
  silent: silent.rules,
  talkative: talkative.rules,
  expert: expert.rules,
};

export function meterIds(type: CustomerType): string[] {
  return customerProfiles[type].meters.map((m) => m.id);
}

/** The four customer types: profile (meters, breakdown, faces) and machine, by type. */
import type { CustomerType } from '../scenario/schema.js';
import { angryMachine, angryProfile, angryRules } from './angry.js';
import { expertMachine, expertProfile, expertRules } from './expert.js';
import type { CustomerProfile, ReactionRule } from './reaction.js';
import { silentMachine, silentProfile, silentRules } from './silent.js';
import { talkativeMachine, talkativeProfile, talkativeRules } from './talkative.js';

export const customerMachines = {
  angry: angryMachine,
  silent: silentMachine,
  talkative: talkativeMachine,
  expert: expertMachine,
} as const;

export const customerProfiles: Record<CustomerType, CustomerProfile> = {
  angry: angryProfile,
  silent: silentProfile,
  talkative: talkativeProfile,
  expert: expertProfile,
};

export const customerRules: Record<CustomerType, readonly ReactionRule[]> = {
  angry: angryRules,
  silent: silentRules,
  talkative: talkativeRules,
  expert: expertRules,
};

export function meterIds(type: CustomerType): string[] {
  return customerProfiles[type].meters.map((m) => m.id);
}

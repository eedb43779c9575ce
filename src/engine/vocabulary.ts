/**
 * The fixed words of the scenario format — customer types, outcomes, faces, settings and
 * principle categories — without the schema that checks files, so the game can name them
 * without loading the validator (it comes with the scenario library, later).
 */
export const CUSTOMER_TYPES = ['angry', 'silent', 'talkative', 'expert'] as const;
export const OUTCOMES = ['won-back', 'resolved', 'unresolved', 'escalated', 'left-silently'] as const;
/** The outcomes' names, for what is written out of the game (the scenario graph, the classroom's exports). */
export const OUTCOME_NAMES = {
  'zh-CN': { 'won-back': '赢回客户', resolved: '问题解决', unresolved: '没有解决', escalated: '投诉升级', 'left-silently': '客户默默离开' },
  en: { 'won-back': 'won back', resolved: 'resolved', unresolved: 'unresolved', escalated: 'escalated', 'left-silently': 'left silently' },
} as const;
export const EXPRESSIONS = ['neutral', 'annoyed', 'angry', 'furious', 'withdrawn', 'doubtful', 'relieved', 'pleased'] as const;
export const SETTINGS = ['call-centre', 'service-counter', 'telecom-hall', 'station', 'train', 'shop', 'appliance-store', 'restaurant', 'office', 'warehouse', 'site', 'hotel'] as const;
export const CATEGORY_IDS = ['emotion', 'listening', 'ownership', 'expectations', 'etiquette', 'tactics'] as const;
/** How bad a violation is (see the catalog's severity field). */
export const SEVERITIES = ['minor', 'serious', 'grave'] as const;

/** How the customer looks (customer.look): see scenario/look.ts for the drawn characters. */
export const GENDERS = ['man', 'woman'] as const;
export const AGE_BANDS = ['20s', '30s', '40s', '50s', '60s', '70s'] as const;
/** What the customer wears, by what they do. */
export const ROLES = ['shopkeeper', 'office', 'business', 'engineer', 'site', 'workwear', 'retiree', 'traveller', 'student', 'casual'] as const;
/** Face to face, or on the phone (then shown in a call frame, never standing in your place). */
export const CHANNELS = ['in-person', 'phone'] as const;

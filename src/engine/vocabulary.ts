/**
 * The fixed words of the scenario format — customer types, outcomes, faces, settings and
 * principle categories — without the schema that checks files, so the game can name them
 * without loading the validator (it comes with the scenario library, later).
 */
export const CUSTOMER_TYPES = ['angry', 'silent', 'talkative', 'expert'] as const;
export const OUTCOMES = ['won-back', 'resolved', 'unresolved', 'escalated', 'left-silently'] as const;
export const EXPRESSIONS = ['neutral', 'annoyed', 'angry', 'furious', 'withdrawn', 'doubtful', 'relieved', 'pleased'] as const;
export const SETTINGS = ['call-centre', 'service-counter', 'station', 'train', 'shop', 'restaurant', 'office', 'warehouse', 'site', 'hotel'] as const;
export const CATEGORY_IDS = ['emotion', 'listening', 'ownership', 'expectations', 'etiquette', 'tactics'] as const;
/** How bad a violation is (see the catalog's severity field). */
export const SEVERITIES = ['minor', 'serious', 'grave'] as const;

// Stable ids of the lint rules, kept apart from the rules so the config can check names without loading them.
export const RULE_IDS = [
  'schema',
  'stale-update',
  'open-but-operational',
  'maintenance-overdue',
  'empty-update',
  'customer-impact',
  'jargon',
  'empty-apology',
  'blame-shifting',
  'over-promise',
  'template-placeholder',
  'all-clear-data-loss',
  'postmortem-overdue',
  'third-party-in-social',
  'social-too-long',
  'draft',
  'example-clock',
  'bare-clock-time',
  'time-token',
  'vague-time',
  'internal-names',
  'mirror-not-deployed',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

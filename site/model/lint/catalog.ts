// Every lint rule, in the order they run and are documented: the communication rules of rules.ts, then the ones
// kept in files of their own. The documentation is generated from this list.
import { internalNamesRule } from './internal-names.ts';
import { RULES, type Rule } from './rules.ts';
import { STATUS_OVER_TIME_RULES } from './status-over-time.ts';
import { vagueTime } from './vague-time.ts';

export const ALL_RULES: Rule[] = [...RULES, ...STATUS_OVER_TIME_RULES, vagueTime, internalNamesRule];

// Every lint rule, in the order they run and are documented: the communication rules of rules.ts, then the ones
// kept in files of their own. The documentation is generated from this list.
import { mirrorNotDeployed } from './deploy.ts';
import { RULE_IDS } from './ids.ts';
import { internalNamesRule } from './internal-names.ts';
import { RULES, type Rule } from './rules.ts';
import { STATUS_OVER_TIME_RULES } from './status-over-time.ts';
import { vagueTime } from './vague-time.ts';

// In the order of RULE_IDS, so the config's "use one of" list, `candor lint` and the docs page agree.
export const ALL_RULES: Rule[] = [...RULES, ...STATUS_OVER_TIME_RULES, vagueTime, internalNamesRule, mirrorNotDeployed].sort((a, b) => RULE_IDS.indexOf(a.id) - RULE_IDS.indexOf(b.id));

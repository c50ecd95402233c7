// `--component ID=STATE` flags (repeatable), shared by `candor new` and `candor update`, checked against the config.
import { COMPONENT_STATES, type ComponentStateName } from '../../site/model/states.ts';
import { checkIds } from './ids.ts';

export function parseComponents(flags: string[] | undefined, known: string[]): Record<string, ComponentStateName> {
  const out: Record<string, ComponentStateName> = {};
  for (const f of flags ?? []) {
    const [id = '', state = ''] = f.split('=');
    checkIds('--component', 'component', [id], known);
    checkIds('--component', 'state', [state], [...COMPONENT_STATES]);
    out[id] = state as ComponentStateName;
  }
  return out;
}

// Values of the secrets the config names. A channel may name only secrets declared for notifications: their names
// start with CANDOR_NOTIFY_ (the schema refuses any other), and this lookup answers for no other name, whatever the
// environment holds — so no config can reach NPM_TOKEN, GH_TOKEN, an org secret or PATH. In GitHub Actions the
// notify step receives only the named ones: the plan job lists them (`candor github deploy-matrix` prints
// notify_secrets=[…]) and the step maps each to a numbered slot (CANDOR_SECRET_1: ${{ secrets[fromJSON(…)[0]] }}).
// Locally, CANDOR_SECRETS (a JSON object) or environment variables of those names work.
import { SECRET_PREFIX, type NotificationsConfig } from '../../site/model/schema/notifications.ts';
import { CliError } from '../lib/cli-error.ts';

export { SECRET_PREFIX };

export type SecretLookup = (name: string) => string | undefined;

/** How many secrets the notify step has slots for (deploy.yml); a config naming more is refused in the plan job. */
export const SECRET_SLOTS = 16;

/** Every secret name the notification channels use, in config order, each once. */
export function namedSecrets(config: NotificationsConfig): string[] {
  const names = new Set<string>();
  const collect = (o: object) => {
    for (const [key, value] of Object.entries(o)) {
      if (key.endsWith('_secret') && typeof value === 'string') names.add(value);
      else if (value && typeof value === 'object' && !Array.isArray(value)) collect(value);
    }
  };
  for (const channel of config.channels) collect(channel);
  if (names.size > SECRET_SLOTS) throw new CliError(`the notification channels name ${names.size} secrets; the notify job has slots for ${SECRET_SLOTS}: share secrets between channels, or add slots in deploy.yml and SECRET_SLOTS`);
  return [...names];
}

export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): SecretLookup {
  const parse = (json: string | undefined): Record<string, unknown> => {
    if (!json) return {};
    try {
      const value: unknown = JSON.parse(json);
      return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  };
  const secrets = parse(env.CANDOR_SECRETS);
  // The numbered slots the workflow fills, under the names the config uses.
  const names: unknown = JSON.parse(env.CANDOR_SECRET_NAMES || '[]');
  if (Array.isArray(names)) names.forEach((name, i) => typeof name === 'string' && env[`CANDOR_SECRET_${i + 1}`] && (secrets[name] = env[`CANDOR_SECRET_${i + 1}`]));
  return (name) => {
    // An allow-list by name: anything not declared for notifications does not exist here.
    if (!name.startsWith(SECRET_PREFIX)) return undefined;
    const value = secrets[name] ?? env[name];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
}

/** A delivery that cannot work until someone changes a setting: not retried, reported with the fix. */
export class PermanentError extends Error {}

export function requireSecret(lookup: SecretLookup, name: string, what: string): string {
  const value = lookup(name);
  if (!value) throw new PermanentError(`the secret ${name} (${what}) is not set; add it under Settings → Secrets and variables → Actions, or export it`);
  return value;
}

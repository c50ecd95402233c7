// Values of the secrets and variables the config names. In GitHub Actions the notify step receives all of them
// at once as JSON (`CANDOR_SECRETS: ${{ toJSON(secrets) }}`, `CANDOR_VARS: ${{ toJSON(vars) }}`), so adding a
// channel needs no workflow edit; elsewhere, plain environment variables of the same names work.
export type SecretLookup = (name: string) => string | undefined;

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
  const vars = parse(env.CANDOR_VARS);
  return (name) => {
    const value = secrets[name] ?? vars[name] ?? env[name];
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

// The email subscriber list: YAML the team keeps out of the public repository (a secret, or a file from a
// private repository checked out beside it). Read with the same parser and schema style as the content, so a
// mistake names the line, the field and the fix.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatError } from '../../site/model/errors.ts';
import { parseYamlFile } from '../../site/model/frontmatter.ts';
import { issuesToErrors } from '../../site/model/schema/issues.ts';
import { subscribersFileSchema, type ChannelConfig, type Subscriber } from '../../site/model/schema/notifications.ts';
import { PermanentError, type SecretLookup } from './secrets.ts';

type Email = Extract<ChannelConfig, { type: 'email' }>;

/** The channel's subscribers; undefined when their source is not available to this run (a dry run on a laptop). */
export function readSubscribers(root: string, channel: Email, secrets: SecretLookup): Subscriber[] | undefined {
  let text: string | undefined;
  let source: string;
  if (channel.subscribers_secret) {
    source = `secret ${channel.subscribers_secret}`;
    text = secrets(channel.subscribers_secret);
  } else {
    source = channel.subscribers_file!;
    try {
      text = readFileSync(resolve(root, source), 'utf8');
    } catch {
      text = undefined;
    }
  }
  if (text === undefined) return undefined;
  return parseSubscribers(text, source);
}

export function parseSubscribers(text: string, source: string): Subscriber[] {
  const parsed = parseYamlFile(text);
  const fail = (problems: string[]) => {
    throw new PermanentError(`the subscriber list has problems:\n${problems.join('\n')}`);
  };
  if (!('data' in parsed)) return fail([formatError({ file: source, line: parsed.line, message: parsed.message, fix: 'write it as "subscribers:" followed by "- email: name@example.com" lines' })]);
  const result = subscribersFileSchema.safeParse(parsed.data);
  if (!result.success) return fail(issuesToErrors(result.error.issues, parsed.data, subscribersFileSchema, source, parsed.lineOf).map(formatError));
  const seen = new Set<string>();
  return result.data.subscribers.filter((s) => !seen.has(s.email.toLowerCase()) && seen.add(s.email.toLowerCase()));
}

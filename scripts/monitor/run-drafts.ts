// What `candor alert` and `candor monitor` share once they have signals: the GitHub client, the templates in the
// team's language, and the draft writer.
import { formatErrors } from '../../site/model/errors.ts';
import type { Site } from '../../site/model/site.ts';
import { loadTemplates, templatesFor } from '../../site/model/templates/library.ts';
import { CliError } from '../lib/cli-error.ts';
import { github, repoFromEnv } from '../github/client.ts';
import { actOnSignals } from './drafts.ts';
import type { Signal } from './signal.ts';

export async function runDrafts(root: string, site: Site, signals: Signal[], base: string, now: Date): Promise<string[]> {
  const loaded = await loadTemplates(root);
  if (!loaded.ok) throw new CliError(`the templates have problems:\n\n${formatErrors(loaded.errors)}`);
  // The bot token, when there is one: pull requests and pushes made with GITHUB_TOKEN start no workflows (no
  // Validate on the draft, no Deploy after an automatic publish).
  const gh = github({ token: process.env.CANDOR_BOT_TOKEN || process.env.GITHUB_TOKEN });
  return actOnSignals({ gh, repo: repoFromEnv(), base, root, site, templates: templatesFor(loaded.value, site.config.locale), now }, signals);
}

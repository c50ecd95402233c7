// Writes the generated issue forms into the repository, touching only those whose text changed, so the workflow
// that runs it commits only when a list people choose from really changed. `candor init` takes the same forms
// (generatedForms) for a new site, so there is one writer of their text.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { siteMoment } from '../../site/model/example-clock.ts';
import { loadPublishable } from '../lib/publishable.ts';
import { issueForms } from './form-templates.ts';

/** The forms' text by path, for the site at root as the pages show it at now. */
export async function generatedForms(root: string, now: Date): Promise<Record<string, string>> {
  // What the pages show: an incident with a broken file is still listed, as it was last valid.
  const { site } = await loadPublishable(root, now);
  return issueForms(site, siteMoment(site.config, now));
}

export async function writeIssueForms(root: string, now: Date): Promise<string[]> {
  const changed: string[] = [];
  for (const [path, text] of Object.entries(await generatedForms(root, now))) {
    const file = join(root, path);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    changed.push(path);
  }
  return changed;
}

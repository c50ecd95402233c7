// Reads and validates `candor.config.yaml`, including references between its own entries.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentError } from '../errors.ts';
import { parseYamlFile } from '../frontmatter.ts';
import { configSchema, type Config } from '../schema/config.ts';
import { CONFIG_EXAMPLES, issuesToErrors } from '../schema/issues.ts';
import { docsUrl } from '../docs.ts';
import { knownList } from '../suggest.ts';
import { UI_LOCALES, uiLocaleFor } from '../../i18n/index.ts';
import { RULE_IDS } from '../lint/ids.ts';
import { readText } from './files.ts';
import { readBrand } from './brand.ts';
import type { Brand } from '../brand/brand.ts';

export const CONFIG_FILE = 'candor.config.yaml';

export async function readConfig(root: string): Promise<{ config?: Config; brand?: Brand; errors: ContentError[] }> {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) {
    return { errors: [{ file: CONFIG_FILE, message: 'is missing', fix: `create it at the repository root; see ${docsUrl('getting-started', 'your-status-site-in-ten-minutes')}` }] };
  }
  const read = await readText(root, path);
  if (!read.ok) return { errors: [read.error] };
  const parsed = parseYamlFile(read.text);
  if (!('data' in parsed)) return { errors: [{ file: CONFIG_FILE, line: parsed.line, message: parsed.message, fix: parsed.fix }] };
  const result = configSchema.safeParse(parsed.data);
  if (!result.success) {
    return { errors: issuesToErrors(result.error.issues, parsed.data, configSchema, CONFIG_FILE, parsed.lineOf, CONFIG_EXAMPLES) };
  }
  const { brand, errors: brandErrors } = await readBrand(root, result.data);
  const errors = [...crossCheck(result.data), ...brandErrors].map(({ path, ...e }) => ({ ...e, file: CONFIG_FILE, line: parsed.lineOf(path) }));
  return errors.length ? { errors } : { config: result.data, brand, errors: [] };
}

interface RefError extends Omit<ContentError, 'file'> {
  path: (string | number)[];
}

function crossCheck(config: Config): RefError[] {
  const errors: RefError[] = [];
  const regions = config.regions.map((r) => r.id);
  const groups = config.groups.map((g) => g.id);
  const ref = (path: (string | number)[], kind: string, value: string, known: string[]) => {
    if (!known.includes(value)) {
      errors.push({ path, field: path.join('.'), message: `unknown ${kind} "${value}"`, fix: knownList(value, known) });
    }
  };
  const unique = (list: { id: string }[], key: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) {
        errors.push({ path: [key, i, 'id'], field: `${key}.${i}.id`, message: `"${item.id}" is used twice`, fix: `give each entry in ${key} its own id` });
      }
      seen.add(item.id);
    });
  };
  for (const id of Object.keys(config.lint)) {
    const rules: readonly string[] = RULE_IDS.filter((r) => r !== 'schema');
    if (!rules.includes(id)) errors.push({ path: ['lint', id], field: `lint.${id}`, message: `no lint rule "${id}"`, fix: knownList(id, rules) });
  }
  unique(config.components, 'components');
  unique(config.regions, 'regions');
  unique(config.groups, 'groups');
  unique(config.mirrors, 'mirrors');
  config.components.forEach((c, i) => {
    if (c.group) ref(['components', i, 'group'], 'group', c.group, groups);
    c.regions?.forEach((r, j) => ref(['components', i, 'regions', j], 'region', r, regions));
  });
  const pages = config.mirrors.filter((m) => m.deploy?.target === 'github-pages');
  if (pages.length > 1) {
    const i = config.mirrors.indexOf(pages[1]!);
    errors.push({ path: ['mirrors', i, 'deploy'], field: `mirrors.${i}.deploy.target`, message: 'a repository has one GitHub Pages site, and another mirror already uses it', fix: 'deploy this mirror to cloudflare-pages, netlify or s3' });
  }
  config.mirrors.forEach((m, i) => {
    m.regions.forEach((r, j) => ref(['mirrors', i, 'regions', j], 'region', r, regions));
    [m.locale, ...(m.locales ?? [])].forEach((locale, j) => {
      if (!uiLocaleFor(locale)) {
        const path = j === 0 ? ['mirrors', i, 'locale'] : ['mirrors', i, 'locales', j - 1];
        errors.push({ path, field: path.join('.'), message: `no interface translation for "${locale}"`, fix: `${knownList(locale, UI_LOCALES)}, or add site/i18n/${locale}.json (see ${docsUrl('languages-and-mirrors', 'adding-a-language')})` });
      }
    });
    if (m.locales && !m.locales.includes(m.locale)) {
      errors.push({ path: ['mirrors', i, 'locales'], field: `mirrors.${i}.locales`, message: `does not include the mirror's own locale "${m.locale}"`, fix: `add "${m.locale}" to locales` });
    }
  });
  errors.push(...notificationRefs(config, ref));
  return errors;
}

/** References from the notification channels to mirrors, components, regions and impacts. */
function notificationRefs(
  config: Config,
  ref: (path: (string | number)[], kind: string, value: string, known: string[]) => void,
): RefError[] {
  const errors: RefError[] = [];
  const channels = config.notifications.channels;
  const at = (i: number, ...rest: (string | number)[]) => ['notifications', 'channels', i, ...rest];
  const seen = new Set<string>();
  channels.forEach((c, i) => {
    if (seen.has(c.id)) errors.push({ path: at(i, 'id'), field: at(i, 'id').join('.'), message: `"${c.id}" is used twice`, fix: 'give each channel its own id' });
    seen.add(c.id);
    if (c.mirror) ref(at(i, 'mirror'), 'mirror', c.mirror, config.mirrors.map((m) => m.id));
    if (c.locale && !uiLocaleFor(c.locale)) errors.push({ path: at(i, 'locale'), field: at(i, 'locale').join('.'), message: `no interface translation for "${c.locale}"`, fix: knownList(c.locale, UI_LOCALES) });
    c.filter.components?.forEach((id, j) => ref(at(i, 'filter', 'components', j), 'component', id, config.components.map((x) => x.id)));
    c.filter.regions?.forEach((id, j) => ref(at(i, 'filter', 'regions', j), 'region', id, config.regions.map((x) => x.id)));
    c.filter.impacts?.forEach((id, j) => ref(at(i, 'filter', 'impacts', j), 'impact', id, [...Object.keys(config.impacts), 'maintenance']));
    if (c.type === 'email' && Boolean(c.subscribers_secret) === Boolean(c.subscribers_file)) {
      errors.push({ path: at(i), field: at(i).join('.'), message: 'needs exactly one of subscribers_secret and subscribers_file', fix: 'name the secret holding the subscriber list, e.g. subscribers_secret: CANDOR_NOTIFY_EMAIL_SUBSCRIBERS' });
    }
  });
  return errors;
}

/** Every language served anywhere, the content's own first. */
export function configuredLocales(config: Config): string[] {
  const all = [config.locale, ...config.mirrors.flatMap((m) => m.locales ?? [m.locale])];
  return [...new Set(all)];
}

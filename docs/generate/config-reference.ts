// docs: the configuration reference, generated from the zod schemas of candor.config.yaml and their
// JSDoc, so every key the loader accepts is listed with its type and default, and none that it rejects.
import { join } from 'node:path';
import type { z } from 'zod';
import * as common from '../../site/model/schema/common.ts';
import * as config from '../../site/model/schema/config.ts';
import * as identity from '../../site/model/schema/identity.ts';
import * as monitoring from '../../site/model/schema/monitoring.ts';
import * as notifications from '../../site/model/schema/notifications.ts';
import { readDocs } from './jsdoc.ts';

export interface Row {
  key: string;
  type: string;
  required: boolean;
  default?: string;
  description: string;
}

const SCHEMA_DIR = join(import.meta.dirname, '..', '..', 'site', 'model', 'schema');
const MODULES = { common, config, identity, monitoring, notifications } as const;

/** Short names for the building blocks that recur; their JSDoc explains them where they appear. */
const TYPE_NAMES: Record<string, string> = {
  idSchema: 'id',
  localeSchema: 'language tag',
  localizedTextSchema: 'text, or text per language',
  timeZoneSchema: 'IANA time zone',
  absoluteUrlSchema: 'http(s) URL',
  secretNameSchema: 'secret name',
  timestampSchema: 'timestamp',
};

type Def = { type: string; [k: string]: unknown };
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Every row of the reference, in the order the schema declares its keys. */
export function configRows(): Row[] {
  const docs = new Map(Object.keys(MODULES).map((file) => [file, readDocs(join(SCHEMA_DIR, `${file}.ts`))] as const));
  // Which exported schema a runtime object is, so its keys find their JSDoc.
  const names = new Map<unknown, { file: string; name: string }>();
  for (const [file, mod] of Object.entries(MODULES)) for (const [name, value] of Object.entries(mod)) names.set(value, { file, name });

  const rows: Row[] = [];
  const propDoc = (owner: { file: string; name: string }, prop: string): string => {
    const file = docs.get(owner.file)!;
    const own = file.props.get(owner.name)?.get(prop);
    if (own) return own;
    // Keys spread in from a helper object (`...common`) are documented in that helper.
    for (const [name, props] of file.props) if (!file.exported.has(name) && props.has(prop)) return props.get(prop)!;
    return '';
  };
  const constDoc = (schema: z.ZodType): string => {
    const named = names.get(schema);
    return named ? (docs.get(named.file)!.consts.get(named.name) ?? '') : '';
  };

  const walk = (schema: z.ZodType, key: string, owner: { file: string; name: string }, doc: string, required: boolean, note = '') => {
    let inner = schema;
    let dflt: unknown;
    let optional = !required;
    // Unwrap optional and default layers, remembering what they say.
    for (let d = def(inner); ['optional', 'default', 'prefault', 'nullable'].includes(d.type); d = def(inner)) {
      if (d.type === 'optional') optional = true;
      if (d.type === 'default') dflt = d.defaultValue;
      if (d.type === 'default' || d.type === 'prefault') optional = true;
      inner = d.innerType as z.ZodType;
    }
    const named = names.get(inner);
    if (named && docs.get(named.file)!.props.get(named.name)?.size) owner = named;
    const d = def(inner);
    const hasChildren = d.type === 'object' || (d.type === 'array' && isObjectLike(d.element as z.ZodType)) || (d.type === 'record' && isObjectLike(d.valueType as z.ZodType));
    rows.push({
      key,
      type: typeName(inner, names),
      required: !optional,
      ...(dflt !== undefined ? { default: JSON.stringify(dflt) } : {}),
      description: [note, doc || constDoc(inner)].filter(Boolean).join(' '),
    });
    if (!hasChildren && !(d.type === 'union' && d.discriminator)) return;
    if (d.type === 'object') {
      for (const [prop, child] of Object.entries(d.shape as Record<string, z.ZodType>)) walk(child, `${key}.${prop}`, owner, propDoc(owner, prop), true);
    } else if (d.type === 'array') {
      walkElement(d.element as z.ZodType, `${key}[]`, owner);
    } else if (d.type === 'record') {
      walkElement(d.valueType as z.ZodType, `${key}.<id>`, owner);
    } else walkElement(inner, key, owner);
  };

  // An element of a list or map: its keys, or each variant's keys when it is a discriminated union.
  const walkElement = (schema: z.ZodType, key: string, owner: { file: string; name: string }) => {
    const named = names.get(schema);
    if (named) owner = named;
    const d = def(schema);
    if (d.type === 'object') {
      for (const [prop, child] of Object.entries(d.shape as Record<string, z.ZodType>)) walk(child, `${key}.${prop}`, owner, propDoc(owner, prop), true);
      return;
    }
    const discriminator = d.discriminator as string;
    const variantDocs = docs.get(owner.file)!.variants.get(owner.name);
    const shapes = (d.options as z.ZodType[]).map((option) => def(option).shape as Record<string, z.ZodType>);
    // Keys every variant has are listed once; the rest under the variant they belong to.
    const shared = Object.keys(shapes[0]!).filter((prop) => prop !== discriminator && shapes.every((shape) => prop in shape));
    for (const prop of shared) walk(shapes[0]![prop]!, `${key}.${prop}`, owner, propDoc(owner, prop), true);
    for (const shape of shapes) {
      const value = String((def(shape[discriminator]!).values as unknown[])[0]);
      const where = `(${discriminator}: ${value})`;
      rows.push({ key: `${key}.${discriminator}`, type: `\`${value}\``, required: true, description: [where, variantDocs?.get(value)].filter(Boolean).join(' ') });
      for (const [prop, child] of Object.entries(shape)) {
        if (prop !== discriminator && !shared.includes(prop)) walk(child, `${key}.${prop}`, owner, propDoc(owner, prop), true, where);
      }
    }
  };

  const root = def(config.configSchema).shape as Record<string, z.ZodType>;
  for (const [prop, child] of Object.entries(root)) walk(child, prop, { file: 'config', name: 'configSchema' }, propDoc({ file: 'config', name: 'configSchema' }, prop), true);
  return rows;
}

function isObjectLike(schema: z.ZodType): boolean {
  const d = def(schema);
  return d.type === 'object' || (d.type === 'union' && Boolean(d.discriminator));
}

function typeName(schema: z.ZodType, names: Map<unknown, { name: string }>): string {
  const named = names.get(schema);
  if (named && TYPE_NAMES[named.name]) return TYPE_NAMES[named.name]!;
  const d = def(schema);
  switch (d.type) {
    case 'string':
      return d.format === 'date' ? 'date (YYYY-MM-DD)' : d.format === 'email' ? 'email address' : d.format === 'url' ? 'URL' : 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return Object.values(d.entries as Record<string, string>).map((v) => `\`${v}\``).join(', ');
    case 'literal':
      return (d.values as unknown[]).map((v) => `\`${v}\``).join(', ');
    case 'array':
      return `list of ${typeName(d.element as z.ZodType, names)}`;
    case 'record':
      return `map of ${typeName(d.keyType as z.ZodType, names)} → ${typeName(d.valueType as z.ZodType, names)}`;
    case 'union':
      return d.discriminator ? `one of the \`${d.discriminator}\` variants below` : (d.options as z.ZodType[]).map((o) => typeName(o, names)).join(', or ');
    case 'object':
      return 'object';
    case 'pipe':
      return typeName(d.in as z.ZodType, names);
    case 'optional':
    case 'default':
    case 'prefault':
      return typeName(d.innerType as z.ZodType, names);
    default:
      return d.type;
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The page: frontmatter, a short introduction, then one table per top-level key. */
export function configPage(): string {
  const rows = configRows();
  const table = (own: Row[]) => [
    '| key | type | required | default | meaning |',
    '| --- | --- | --- | --- | --- |',
    ...own.map((r) => `| \`${r.key}\` | ${cell(r.type)} | ${r.required ? 'yes' : 'no'} | ${r.default ? `\`${cell(r.default)}\`` : ''} | ${cell(r.description)} |`),
  ];
  const tops = rows.filter((r) => !/[.[]/.test(r.key));
  const under = (top: string) => rows.filter((r) => r.key.startsWith(`${top}.`) || r.key.startsWith(`${top}[]`));
  const sections = [['## The site', '', ...table(tops.filter((t) => under(t.key).length === 0)), ''].join('\n')];
  for (const top of tops.filter((t) => under(t.key).length > 0)) {
    sections.push([`## \`${top.key}\``, '', top.description, '', ...table([top, ...under(top.key)]), ''].join('\n'));
  }
  return `---
title: Configuration reference
description: Every key of candor.config.yaml, its type, default and meaning, generated from the schema the loader validates with.
---

<!-- Generated by docs/generate.ts from site/model/schema/*.ts; edit the schemas' JSDoc, not this file. -->

One file, \`candor.config.yaml\` at the repository root, configures the site. Only \`name\`,
\`components\` and \`mirrors\` are required; every other key has a default. Names and descriptions
may be one text or a map per language: \`name: { en: Payments, fr: Paiements }\`.

This page is generated from the schema \`candor build\` validates the file with, so it lists exactly
the keys the loader accepts. A key written \`a[].b\` is the key \`b\` of each item of the list \`a\`;
\`a.<id>.b\` is the key \`b\` of each entry of the map \`a\`. Keys marked "(target: s3)" or
"(type: email)" belong to that variant only.

${sections.join('\n')}`;
}

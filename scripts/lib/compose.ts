// Times as people type them at the CLI. Files are written by the one content writer (site/model/write/).

/** `--next-update 30` (minutes from `from`), `30m`, `2h`, or a timestamp with a zone. */
export function parseWhen(value: string, from: Date): Date | undefined {
  const rel = /^(\d+)\s*(m|min|h)?$/.exec(value.trim());
  if (rel) return new Date(from.getTime() + Number(rel[1]) * (rel[2] === 'h' ? 3_600_000 : 60_000));
  const d = new Date(value);
  return /(Z|[+-]\d{2}:\d{2})$/.test(value.trim()) && !Number.isNaN(d.getTime()) ? d : undefined;
}

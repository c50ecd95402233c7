// Moments that must carry their date, and feeds that must carry their language: small formatting promises that
// were broken on the page a customer reads.
import { describe, expect, it } from 'vitest';
import { formatter } from '../../site/model/format.ts';
import { withAtomLanguage } from '../../site/model/publish/atom-language.ts';
import { timesAsHtml, timesAsText, timeToken, timeTokens } from '../../site/model/time-tokens.ts';

const POSTED = new Date('2026-12-05T07:20:00Z');
const START = new Date('2026-12-05T07:29:00Z');
const END = new Date('2026-12-05T07:32:00Z');

describe('a maintenance window announced for today', () => {
  it('keeps the date of its start, while a same-day time alone stays short', () => {
    const text = `On ${timeToken(START, { withDate: true })}, until ${timeToken(END)}, we're doing planned work.`;
    const fmt = formatter('en', 'UTC');
    expect(timesAsText(text, fmt, POSTED)).toBe("On Dec 5, 2026, 7:29 AM UTC, until 7:32 AM UTC, we're doing planned work.");
    expect(timesAsHtml(text, fmt, POSTED)).toContain('<time datetime="2026-12-05T07:29:00.000Z">Dec 5, 2026, 7:29 AM UTC</time>');
    expect(timesAsText(`by ${timeToken(END)}`, formatter('de', 'Europe/Berlin'), POSTED)).toBe('by 8:32 MEZ');
  });

  it('checks {datetime:…} like {time:…}', () => {
    expect(timeTokens('{datetime:2026-12-05T07:29:00Z} {datetime:tomorrow}').map((t) => [t.token, t.date?.toISOString(), Boolean(t.problem)])).toEqual([
      ['{datetime:2026-12-05T07:29:00Z}', '2026-12-05T07:29:00.000Z', false],
      ['{datetime:tomorrow}', undefined, true],
    ]);
  });
});

describe('Atom feeds', () => {
  it('declare their language with xml:lang on <feed>', () => {
    const atom = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<id>x</id></feed>';
    expect(withAtomLanguage(atom, 'zh-CN')).toBe('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">\n<id>x</id></feed>');
    expect(() => withAtomLanguage('<rss/>', 'en')).toThrow(/xml:lang/);
  });
});

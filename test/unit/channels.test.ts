import { describe, expect, it } from 'vitest';
import { channelVariants, fitSocial, SOCIAL_LIMIT } from '../../site/model/channels.ts';
import { siteOf } from '../helpers/site.ts';
import { md } from '../helpers/testdir.ts';

describe('channel variants', () => {
  it('names the provider on the page only; email and social say "one of our providers"', async () => {
    const site = await siteOf(
      {
        'incidents/2026-11-23-mail/index.md': md({ kind: 'incident', title: 'Invoice emails arrive late', impact: 'minor', components: ['api'], started: '2026-11-23T10:00:00Z', provider: 'Postwise' }),
        'incidents/2026-11-23-mail/2026-11-23T1010Z.md': md({ status: 'identified', next_update: '2026-11-23T11:00:00Z' }, 'Emails arrive up to an hour late because **Postwise**, our email provider, is slow. Download the PDF and send it yourself if it is urgent.'),
      },
      new Date('2026-11-23T12:00:00Z'),
    );
    const incident = site.incidents[0]!;
    const v = channelVariants(incident, incident.updates[0]!, { site, mirror: site.config.mirrors[0]!, locale: 'en', url: 'https://status.test.example/incidents/2026-11-23-mail/' });
    expect(v.page).toContain('**Postwise**');
    expect(v.email.subject).toBe('[Identified] Invoice emails arrive late');
    expect(v.email.text).toContain('Emails arrive up to an hour late because one of our providers, our email provider, is slow.');
    expect(v.email.text).toContain('Next update by 11:00 AM UTC');
    expect(v.email.html).toContain('<strong>one of our providers</strong>');
    expect(`${v.email.text}${v.email.html}${v.social}`).not.toMatch(/postwise/i);
    expect(v.social).toMatch(/^Identified: Invoice emails arrive late\. Emails arrive up to an hour late because one of our providers/);
    expect(v.social.endsWith(' https://status.test.example/incidents/2026-11-23-mail/')).toBe(true);
    expect([...v.social].length).toBeLessThanOrEqual(SOCIAL_LIMIT);
  });

  it('cuts a long post at a word, with an ellipsis, and keeps the link whole', () => {
    const url = 'https://status.example.com/incidents/2026-11-23-a-rather-long-incident-slug/';
    const post = fitSocial('word '.repeat(100), url);
    expect(post.length).toBeLessThanOrEqual(SOCIAL_LIMIT);
    expect(post).toMatch(/word… https:\/\/status\.example\.com\/incidents\/2026-11-23-a-rather-long-incident-slug\/$/);
    expect(fitSocial('Short.', url)).toBe(`Short. ${url}`);
  });
});

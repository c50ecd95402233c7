// Newest commit wins: two pushes race, and the deploy of the older one, about to upload after the head moved on,
// uploads nothing and says why; the newer one deploys. GitHub's API is faked at the fetch layer; octokit is real.
import { describe, expect, it } from 'vitest';
import { github } from '../../scripts/github/client.ts';
import { stillNewest } from '../../scripts/github/still-newest.ts';
import { FakeGitHub } from '../helpers/fake-github.ts';

const repo = { owner: 'acme', repo: 'status' };
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

/** One mirror's deploy job, reduced to what this test is about: build (at plan time), then check, then upload. */
async function deployJob(fake: FakeGitHub, sha: string, uploads: string[], log: string[]) {
  const answer = await stillNewest(github({ token: 't', fetch: fake.fetch as typeof fetch }), repo, 'main', sha, { pauseMs: 0 });
  log.push(answer.line);
  if (answer.newest) uploads.push(sha);
}

describe('still newest', () => {
  it('push A then B: A, planned while it was the head, skips its upload once B is the head; B deploys', async () => {
    const fake = new FakeGitHub();
    const uploads: string[] = [];
    const log: string[] = [];
    fake.refs.set('heads/main', A); // A is pushed and planned
    fake.refs.set('heads/main', B); // B is pushed while A builds
    await deployJob(fake, A, uploads, log);
    await deployJob(fake, B, uploads, log);
    expect(uploads).toEqual([B]);
    expect(log).toEqual([
      'skipped: aaaaaaaaaaaa is no longer the head of main (bbbbbbbbbbbb is), so nothing was uploaded; the run for bbbbbbbbbbbb deploys the newer site',
      'bbbbbbbbbbbb is the head of main: deploying it',
    ]);
    expect(fake.requests).toEqual(['GET /repos/acme/status/git/ref/heads%2Fmain', 'GET /repos/acme/status/git/ref/heads%2Fmain']);
  });

  it('a re-run of an old run, after B went live, uploads nothing', async () => {
    const fake = new FakeGitHub();
    fake.refs.set('heads/main', B);
    const uploads: string[] = [];
    await deployJob(fake, B, uploads, []);
    await deployJob(fake, A, uploads, []); // "Re-run all jobs" on A's run
    expect(uploads).toEqual([B]);
  });

  it('asks again after a failed request, and fails (deploying nothing) if GitHub keeps failing', async () => {
    const fake = new FakeGitHub();
    fake.refs.set('heads/main', A);
    let failures = 1;
    const flaky = async (input: string | URL | Request, init?: RequestInit) => (failures-- > 0 ? new Response('{"message":"oops"}', { status: 502 }) : fake.fetch(input, init));
    const gh = github({ token: 't', fetch: flaky as typeof fetch });
    expect(await stillNewest(gh, repo, 'main', A, { pauseMs: 0 })).toMatchObject({ newest: true });
    const down = github({ token: 't', fetch: (async () => new Response('{"message":"oops"}', { status: 502 })) as typeof fetch });
    await expect(stillNewest(down, repo, 'main', A, { pauseMs: 0 })).rejects.toThrow();
  });
});

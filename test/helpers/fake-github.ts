// A fake GitHub REST API behind `fetch`, answering with the documented response shapes, so octokit and our
// scripts run for real and only the network is replaced. It records every request.
interface Issue { id: number; number: number; title: string; body: string; state: string; labels: { name: string }[]; assignees: { login: string }[]; html_url: string; pull_request?: object }
interface Comment { id: number; body: string; user: { login: string }; html_url: string }

export class FakeGitHub {
  readonly requests: string[] = [];
  readonly issues: Issue[] = [];
  readonly comments = new Map<number, Comment[]>();
  readonly refs = new Map<string, string>([['heads/main', 'a'.repeat(40)]]);
  readonly files = new Map<string, string>();
  /** Answers of GET /collaborators/{user}/permission; a user not listed is not a collaborator (404). */
  readonly permissions = new Map<string, { permission: string; role_name: string }>();
  readonly pulls: { number: number; state: string; head: { ref: string; sha: string }; base: { ref: string }; title: string; body: string; html_url: string }[] = [];
  private next = 1;

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    this.requests.push(`${method} ${url.pathname}${url.search}`);
    // Octokit percent-encodes path parameters (heads%2Fmain), as GitHub accepts; read them decoded.
    const path = decodeURIComponent(url.pathname).replace(/^\/repos\/acme\/status/, '');
    const json = (status: number, data: unknown) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/issues') {
      const label = url.searchParams.get('labels');
      return json(200, this.issues.filter((i) => i.state === (url.searchParams.get('state') ?? 'open') && (!label || i.labels.some((l) => l.name === label))));
    }
    if (method === 'POST' && path === '/issues') {
      const issue: Issue = { id: this.next, number: this.next++, title: body.title, body: body.body, state: 'open', labels: (body.labels ?? []).map((name: string) => ({ name })), assignees: (body.assignees ?? []).map((login: string) => ({ login })), html_url: '' };
      issue.html_url = `https://github.com/acme/status/issues/${issue.number}`;
      this.issues.push(issue);
      return json(201, issue);
    }
    if ((m = /^\/issues\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const issue = this.issues.find((i) => i.number === Number(m![1]))!;
      Object.assign(issue, body);
      return json(200, issue);
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const list = this.comments.get(Number(m[1])) ?? [];
      if (method === 'GET') return json(200, list);
      const c = { id: this.next++, body: body.body, user: { login: 'github-actions[bot]' }, html_url: '' };
      this.comments.set(Number(m[1]), [...list, c]);
      return json(201, c);
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const c = [...this.comments.values()].flat().find((x) => x.id === Number(m![1]))!;
      c.body = body.body;
      return json(200, c);
    }
    if ((m = /^\/issues\/(\d+)\/assignees$/.exec(path)) && method === 'POST') return json(201, { number: Number(m[1]), assignees: body.assignees.map((login: string) => ({ login })) });
    if ((m = /^\/git\/ref\/(.+)$/.exec(path)) && method === 'GET') {
      const sha = this.refs.get(m[1]!);
      return sha ? json(200, { ref: `refs/${m[1]}`, object: { sha, type: 'commit' } }) : json(404, { message: 'Not Found' });
    }
    if (method === 'POST' && path === '/git/refs') {
      if (this.refs.has(body.ref.replace(/^refs\//, ''))) return json(422, { message: 'Reference already exists' });
      this.refs.set(body.ref.replace(/^refs\//, ''), body.sha);
      return json(201, { ref: body.ref, object: { sha: body.sha, type: 'commit' } });
    }
    if ((m = /^\/contents\/(.+)$/.exec(path)) && method === 'PUT') {
      this.files.set(`${body.branch}:${decodeURIComponent(m[1]!)}`, Buffer.from(body.content, 'base64').toString('utf8'));
      return json(201, { content: { path: decodeURIComponent(m[1]!) }, commit: { sha: 'b'.repeat(40) } });
    }
    if (path === '/pulls' && method === 'GET') {
      const head = url.searchParams.get('head')?.split(':')[1];
      const state = url.searchParams.get('state') ?? 'open';
      return json(200, this.pulls.filter((p) => (!head || p.head.ref === head) && (state === 'all' || p.state === state)));
    }
    if (path === '/pulls' && method === 'POST') {
      const n = this.next++;
      if (!this.refs.has(`heads/${body.head}`)) return json(422, { message: 'Validation Failed: head does not exist' });
      const pr = { number: n, state: 'open', head: { ref: body.head, sha: 'c'.repeat(40) }, base: { ref: body.base }, title: body.title, body: body.body, html_url: `https://github.com/acme/status/pull/${n}` };
      this.pulls.push(pr);
      return json(201, pr);
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(path)) && method === 'PATCH') {
      const pr = this.pulls.find((p) => p.number === Number(m![1]))!;
      Object.assign(pr, body);
      return json(200, pr);
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(path)) && method === 'GET') {
      const pr = this.pulls.find((p) => p.number === Number(m![1]));
      return pr ? json(200, pr) : json(404, { message: 'Not Found' });
    }
    if ((m = /^\/collaborators\/([^/]+)\/permission$/.exec(path)) && method === 'GET') {
      const p = this.permissions.get(m[1]!);
      return p ? json(200, { ...p, user: { login: m[1] } }) : json(404, { message: 'Not Found' });
    }
    return json(404, { message: `fake GitHub has no ${method} ${path}` });
  };
}

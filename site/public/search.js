// Optional: the history search over the static Pagefind index (pagefind/, in bundles). The form replaces the page's links by
// component and region as soon as the script runs, but Pagefind (its WebAssembly and index) loads only when the
// reader first uses the form: compiling it on page load blocked a slow phone's main thread for over 100 ms, for
// every reader, most of whom never search. If it cannot load, the links come back. Without JavaScript, the links.
(() => {
  const form = document.getElementById('search');
  if (!form) return;
  const { bundle, base, affects, regions, all } = form.dataset;
  const found = JSON.parse(form.dataset.found);
  const fallback = form.nextElementSibling;
  const show = (searching) => {
    form.hidden = !searching;
    fallback.hidden = searching;
  };
  let loading;
  let merged = false;
  // The index is split into bundles (recent days and months, then years; bundles.json lists them newest first) so a
  // build re-indexes only what changed: the newest is loaded and the others merged into it, searched as one.
  const load = () =>
    (loading ??= fetch(`${bundle}bundles.json`)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`))))
      .then(async (names) => {
        if (!names.length) throw new Error('no incidents to search');
        const pagefind = await import(`${bundle}${names[0]}/pagefind.js`);
        await pagefind.options({ baseUrl: base, excerptLength: 24 });
        await pagefind.init();
        for (const name of names.slice(1)) await pagefind.mergeIndex(`${bundle}${name}/`, { baseUrl: base, excerptLength: 24 });
        merged = names.length > 1;
        return pagefind;
      })
      .catch(() => show(false)));
  show(true);
  for (const event of ['focusin', 'pointerdown']) form.addEventListener(event, load, { once: true });
  const input = form.querySelector('input');
  const component = form.querySelector('select[name=component]');
  const region = form.querySelector('select[name=region]');
  const status = document.getElementById('found');
  const list = document.getElementById('results');
  const plural = new Intl.PluralRules(document.documentElement.lang);
  const text = (html) => new DOMParser().parseFromString(html, 'text/html').body.textContent;
  // Pagefind leaves out a word that an index does not contain and searches for the others. One index decides that
  // for the whole history; bundles decide it each, so "sign in" would also list older incidents that only say "in".
  // With several words, a result is kept only when every word begins a word of its text (its first four letters,
  // so "payments" still finds "payment"; anywhere in the text for scripts written without spaces), as one index
  // would have kept it. The first CHECKED results are checked; any beyond are counted as Pagefind ranks them.
  const CHECKED = 100;
  const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
  const words = (term) => fold(term).split(/\s+/).filter(Boolean);
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const appears = (text, word) =>
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(word)
      ? text.includes(word)
      : new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(word.slice(0, 4))}`, 'u').test(text);
  const allWords = async (results, terms) => {
    const checked = await Promise.all(results.slice(0, CHECKED).map((r) => r.data()));
    const pages = checked.filter((page) => terms.every((w) => appears(fold(`${page.meta.title} ${page.content}`), w)));
    return { pages: pages.slice(0, 25), n: pages.length + Math.max(0, results.length - CHECKED) };
  };
  let latest = 0;
  const run = async () => {
    const mine = ++latest;
    status.textContent = '';
    const filters = {};
    if (component.value) filters[affects] = component.value;
    // An incident in all regions concerns every region.
    if (region && region.value) filters[regions] = { any: [region.value, all] };
    const term = input.value.trim();
    if (!term && !Object.keys(filters).length) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const pagefind = await load();
    if (!pagefind) return;
    const search = await pagefind.search(term || null, { filters });
    const { pages, n } = merged && words(term).length > 1 ? await allWords(search.results, words(term)) : { pages: await Promise.all(search.results.slice(0, 25).map((r) => r.data())), n: search.results.length };
    if (mine !== latest) return;
    status.textContent = (found[plural.select(n)] || found.other).replace('#', n.toLocaleString(document.documentElement.lang));
    list.replaceChildren(
      ...pages.map((page) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = page.url;
        a.textContent = page.meta.title;
        const p = document.createElement('p');
        p.className = 'meta';
        p.textContent = text(page.excerpt);
        li.append(a, p);
        return li;
      }),
    );
  };
  let timer;
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run();
  });
})();

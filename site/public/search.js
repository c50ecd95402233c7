// Optional: the history search over the static Pagefind index (pagefind/). The form replaces the page's links by
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
  const load = () =>
    (loading ??= import(`${bundle}pagefind.js`)
      .then(async (pagefind) => {
        await pagefind.options({ baseUrl: base, excerptLength: 24 });
        await pagefind.init();
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
    const pages = await Promise.all(search.results.slice(0, 25).map((r) => r.data()));
    if (mine !== latest) return;
    const n = search.results.length;
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

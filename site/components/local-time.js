// Optional, and every page works without it. It shows each time also in the reader's own zone when that differs
// from the page's, adds "12 min ago" to recent moments and keeps it fresh, and, while a status page stays open,
// checks the mirror's status.json each minute: a changed state updates the banner and is announced, in place.
// Inlined at the end of <body> (allowed by its hash in the CSP) rather than loaded with `defer`: it then runs
// before the first paint, so the times it adds never move what the reader already sees (layout shift).
(() => {
  const html = document.documentElement;
  const lang = html.lang;
  const reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Formatters are made once: creating one per time cost more than everything else the script does.
  const full = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const short = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const zoneOf = (timeZone) => ({
    offset: new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }),
    day: new Intl.DateTimeFormat('en', { timeZone, dateStyle: 'short' }),
  });
  const page = html.dataset.zone && zoneOf(html.dataset.zone);
  const mine = zoneOf(reader);
  const offset = (d, z) => z.offset.format(d).split(' ').pop();
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const ago = (d) => {
    const s = (d - Date.now()) / 1000;
    const [n, unit] = Math.abs(s) < 3600 ? [s / 60, 'minute'] : Math.abs(s) < 86400 ? [s / 3600, 'hour'] : [s / 86400, 'day'];
    return rtf.format(Math.round(n), unit);
  };
  const relatives = [];
  for (const el of document.querySelectorAll('time[datetime*="T"]')) {
    const d = new Date(el.getAttribute('datetime'));
    if (isNaN(d)) continue;
    el.title = full.format(d);
    let last = el;
    if (page && offset(d, page) !== offset(d, mine)) {
      // The date only when the reader's day differs from the page's: "(your time: 12:30 PM UTC)".
      const local = page.day.format(d) === mine.day.format(d) ? short.format(d) : el.title;
      const span = document.createElement('span');
      span.className = 'local';
      // Chinese puts no space before its full-width bracket.
      span.textContent = `${lang.startsWith('zh') ? '' : ' '}${html.dataset.local.replace('{time}', local)}`;
      el.after(span);
      last = span;
    }
    if (el.hasAttribute('data-rel')) {
      const span = document.createElement('span');
      span.className = 'rel';
      last.after(span);
      relatives.push([span, d]);
    }
  }
  const tick = () => relatives.forEach(([span, d]) => (span.textContent = ` · ${ago(d)}`));
  tick();
  setInterval(tick, 60000);

  const banner = document.querySelector('.banner[data-indicator]');
  const live = document.getElementById('live');
  if (!banner || !live) return;
  const texts = JSON.parse(banner.dataset.texts);
  const poll = () =>
    fetch(new URL(`${html.dataset.base}api/v2/status.json`, location.href), { cache: 'no-store' })
      .then((r) => r.json())
      .then(({ status }) => {
        if (!status || status.indicator === banner.dataset.indicator || !texts[status.indicator]) return;
        banner.dataset.indicator = status.indicator;
        banner.className = `banner i-${status.indicator}`;
        banner.querySelector('h1 .st').textContent = texts[status.indicator];
        live.textContent = `${texts[status.indicator]}. ${banner.dataset.changed}`;
      })
      .catch(() => {});
  setInterval(poll, 60000);
})();

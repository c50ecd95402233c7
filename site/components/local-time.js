// Optional, and every page works without it. It shows each time also in the reader's own zone when that differs
// from the page's, adds "12 min ago" to recent moments and keeps it fresh, and, while a status page stays open,
// checks the mirror's status.json each minute: a changed state updates the banner and is announced, in place.
// Inlined in <head> (allowed by its hash in the CSP). It watches the parser with a MutationObserver and adds to each
// time as soon as it is parsed: observers run at the end of each parser task, before the browser may paint, so
// nothing it adds ever moves what the reader already sees. A script at the end of <body> was not enough: on a
// slow phone Chromium paints the top of a long page before the parser reaches the end (layout shift 0.158).
(() => {
  const html = document.documentElement;
  const lang = html.lang;
  // Formatters are made once: creating one per time cost more than everything else the script does. The reader's
  // own offset and date come from Date itself; only the page's zone needs Intl, once per time.
  let fullFormat;
  const full = () => (fullFormat ??= new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }));
  const short = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  const page = html.dataset.zone && new Intl.DateTimeFormat('en', { timeZone: html.dataset.zone, timeZoneName: 'longOffset' });
  // Minutes east of UTC from "GMT+05:30", "GMT-03:00" or "GMT".
  const east = (d) => {
    const m = /([+-])(\d\d):(\d\d)/.exec(page.format(d));
    return m ? (m[1] === '-' ? -1 : 1) * (m[2] * 60 + Number(m[3])) : 0;
  };
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  // " · 12 min ago", the text of a time's relative span.
  const ago = (d) => {
    const s = (d - Date.now()) / 1000;
    const [n, unit] = Math.abs(s) < 3600 ? [s / 60, 'minute'] : Math.abs(s) < 86400 ? [s / 3600, 'hour'] : [s / 86400, 'day'];
    return ` · ${rtf.format(Math.round(n), unit)}`;
  };
  const relatives = [];
  const done = new WeakSet();
  const add = (el) => {
    if (done.has(el)) return;
    done.add(el);
    const d = new Date(el.getAttribute('datetime'));
    if (isNaN(d)) return;
    let last = el;
    const offset = page && east(d);
    if (page && offset !== -d.getTimezoneOffset()) {
      // The date only when the reader's day differs from the page's: "(your time: 12:30 PM UTC)".
      const there = new Date(d.getTime() + offset * 60000);
      const sameDay = there.getUTCDate() === d.getDate() && there.getUTCMonth() === d.getMonth() && there.getUTCFullYear() === d.getFullYear();
      const span = document.createElement('span');
      span.className = 'local';
      // Chinese puts no space before its full-width bracket.
      span.textContent = `${lang.startsWith('zh') ? '' : ' '}${html.dataset.local.replace('{time}', (sameDay ? short : full()).format(d))}`;
      el.after(span);
      last = span;
    }
    if (el.hasAttribute('data-rel')) {
      const span = document.createElement('span');
      span.className = 'rel';
      span.textContent = ago(d);
      last.after(span);
      relatives.push([span, d]);
    }
  };
  const moment = 'time[datetime*="T"]';
  // The parser inserts node by node, so each time arrives in a record of its own.
  const scan = (node) => node.nodeType === 1 && node.matches(moment) && add(node);
  const parsing = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(scan)));
  parsing.observe(html, { childList: true, subtree: true });

  // The full moment in the reader's zone as a tooltip, made only when a pointer reaches a time (times take no focus).
  document.addEventListener('pointerover', (e) => {
    const el = e.target.closest?.(moment);
    if (el && !el.title) el.title = full().format(new Date(el.getAttribute('datetime')));
  });

  document.addEventListener('DOMContentLoaded', () => {
    // Whatever the observer has not handed over yet (and any time not inserted by the parser) is found here.
    parsing.disconnect();
    document.querySelectorAll(moment).forEach(add);
    setInterval(() => relatives.forEach(([span, d]) => (span.textContent = ago(d))), 60000);

    const banner = document.querySelector('.banner[data-indicator]');
    const live = document.getElementById('live');
    if (!banner || !live) return;
    const texts = JSON.parse(banner.dataset.texts);
    const poll = () =>
      fetch(new URL(`${html.dataset.base}api/v2/status.json`, location.href), { cache: 'no-store' })
        .then((r) => r.json())
        .then(({ status }) => {
          // A mirror with a region focus shows its regions' state, which status.json (the whole site's) cannot
          // give: there a change of the whole is only announced, and the reader reloads for their regions'.
          const whole = banner.dataset.whole;
          if (!status || status.indicator === (whole ?? banner.dataset.indicator) || !texts[status.indicator]) return;
          if (whole) {
            banner.dataset.whole = status.indicator;
            live.textContent = banner.dataset.changed;
            return;
          }
          banner.dataset.indicator = status.indicator;
          banner.className = `banner i-${status.indicator}`;
          banner.querySelector('h1 .st').textContent = texts[status.indicator];
          live.textContent = `${texts[status.indicator]}. ${banner.dataset.changed}`;
        })
        .catch(() => {});
    setInterval(poll, 60000);
  });
})();

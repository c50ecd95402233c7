// Optional: adds the reader's own local time as a tooltip on every time; pages work fully without it.
for (const el of document.querySelectorAll('time[datetime*="T"]')) {
  const d = new Date(el.getAttribute('datetime'));
  if (!isNaN(d)) el.title = d.toLocaleString(document.documentElement.lang, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
}

// Splitting a cState body into timed updates, only where its markers say so.
import { describe, expect, it } from 'vitest';
import { splitLog } from '../../scripts/import/cstate/updates.ts';

describe('splitLog', () => {
  it('splits a newest-first log at track shortcodes that end a line, reading status labels', () => {
    const log = splitLog(
      '*Resolved* -\nAll users can connect again. {{< track "2018-05-25 05:54:00" >}}\n\n' +
        '*Monitoring* - An ISP issue; switching DNS helps. {{< track "2018-05-25 04:40:00" >}}\n\n' +
        '**Investigating**: Users on the East coast cannot connect.\n\nWe apologize. {{< track "2018-05-25 04:13:00" >}}\n',
    );
    expect(log).toEqual({
      entries: [
        { time: '2018-05-25 05:54:00', status: 'resolved', body: 'All users can connect again.' },
        { time: '2018-05-25 04:40:00', status: 'monitoring', body: 'An ISP issue; switching DNS helps.' },
        { time: '2018-05-25 04:13:00', status: 'investigating', body: 'Users on the East coast cannot connect.\n\nWe apologize.' },
      ],
      untimed: [],
    });
  });

  it('keeps labels that are not statuses in the text, and an introduction apart', () => {
    const log = splitLog('The error has been noticed.\n\n**Update**: We found it. {{< track "2018-10-14T20:00:00.000Z" >}}\n\n**Update 2**: Fixed. {{< track "2018-10-14T21:00:00.000Z" >}}');
    expect(log).toEqual({
      entries: [
        { time: '2018-10-14T20:00:00.000Z', label: 'Update', body: '**Update**: We found it.' },
        { time: '2018-10-14T21:00:00.000Z', label: 'Update 2', body: '**Update 2**: Fixed.' },
      ],
      untimed: ['The error has been noticed.'],
    });
  });

  it('does not split at a track inside a sentence, nor at labels without tracks', () => {
    expect(splitLog('Power outage from {{< track "2020-06-28 10:00:00" >}} to {{< track "2020-06-28 12:07:00" >}}.\n')).toEqual({
      entries: [],
      untimed: ['Power outage from {{< track "2020-06-28 10:00:00" >}} to {{< track "2020-06-28 12:07:00" >}}.'],
    });
    expect(splitLog('*Update* - This incident has been resolved.\n\n*Investigating* - We are aware.\n').entries).toEqual([]);
  });

  it('takes a status label followed directly by the track', () => {
    expect(splitLog('*Resolved* {{< track "2026-05-09T10:00:00.000Z" >}}\n').entries).toEqual([{ time: '2026-05-09T10:00:00.000Z', status: 'resolved', body: '' }]);
  });
});

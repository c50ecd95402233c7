// English wording for generated incidents: what customers experience per component, and one sentence pool
// per status. Written like the example history (effect first, plain words, the next update's time), so the
// generated site passes `candor lint` and its pages are as long as real ones.

/** What customers experience when a component misbehaves; `{where}` is " in Europe" or "". */
export const SYMPTOMS: Record<string, { title: string; effect: string }[]> = {
  'web-app': [
    { title: 'The dashboard is slow to load{where}', effect: 'The dashboard takes much longer than usual to open{where}, and some pages time out' },
    { title: 'Some customers cannot open invoices in the web app{where}', effect: 'Some customers get an error when they open an invoice in the web app{where}' },
  ],
  'mobile-apps': [
    { title: 'Mobile apps are not syncing{where}', effect: 'Changes made in the mobile apps do not show up on the web{where}, and new invoices are missing in the apps' },
    { title: 'Mobile apps show an error when opening{where}', effect: 'The iOS and Android apps show an error on start-up for some customers{where}' },
  ],
  'sign-in': [
    { title: 'Some customers cannot sign in{where}', effect: 'Signing in fails for some customers{where}; people who are already signed in can keep working' },
    { title: 'Single sign-on is failing{where}', effect: 'Signing in with single sign-on fails{where}; password and Google sign-in still work' },
  ],
  api: [
    { title: 'API requests are failing{where}', effect: 'A share of API requests fail with an error{where}, so some integrations cannot create or update invoices' },
    { title: 'The API is slower than usual{where}', effect: 'API requests take several seconds longer than usual{where}, and some time out' },
  ],
  webhooks: [
    { title: 'Webhooks are delayed{where}', effect: 'Webhook notifications reach your systems up to an hour late{where}' },
    { title: 'Some webhooks were sent twice{where}', effect: 'Some webhook notifications arrive twice{where}, so a system that does not check the event id may count a payment twice' },
  ],
  'card-payments': [
    { title: 'Card payments fail for some customers{where}', effect: 'Some of your customers cannot pay invoices by card{where}; their payment is declined with a generic error' },
    { title: 'Card payments are slow to confirm{where}', effect: 'Card payments go through, but show as paid up to twenty minutes later than usual{where}' },
  ],
  'invoice-email': [
    { title: 'Invoice emails are delayed{where}', effect: 'Invoices and reminders sent by email arrive late{where}, some by several hours' },
    { title: 'Payment reminders were not sent{where}', effect: 'Scheduled payment reminders did not go out{where}; invoices sent by hand are not affected' },
  ],
  reports: [
    { title: 'Reports and exports are failing{where}', effect: 'Financial reports and CSV or PDF exports fail to load{where}' },
    { title: 'Reports show wrong totals{where}', effect: 'Some reports show totals that are missing today’s payments{where}; the payments themselves are recorded correctly' },
  ],
};

export const MAINTENANCE_TITLES = [
  'Scheduled maintenance: {names} read-only for up to two hours',
  'Scheduled maintenance on {names}',
  'Planned upgrade: {names} briefly unavailable',
];

/** Sentences per status; `{effect}`, `{next}`, `{names}` and `{start}`/`{end}` are filled in. */
export const UPDATES = {
  investigating: [
    '{effect}. We are looking into it now.\n\nWe will post again by {next}.',
    '{effect}. Everything else is working normally. We are investigating and will post again by {next}.',
    '{effect}.\n\n- Invoices you have already sent are safe.\n- **Workaround:** try again later, or use the web app instead.\n\nWe will post again by {next}.',
  ],
  identified: [
    'We have found the cause and are working on a fix. Until it is in place, some customers are still affected. We will post again by {next}.',
    'We know why this is happening: a change we made this morning did not behave as expected, and we are undoing it. We will post again by {next}.',
    'We are still working on it. The fix is being rolled out region by region, and things are improving where it is done. We will post again by {next}.',
  ],
  monitoring: [
    'A fix is in place and things are working normally again. We are watching closely to make sure it holds, and will post again by {next}.',
    'Everything is working again. Anything that failed in the meantime is being retried automatically; you do not need to do anything. We will post again by {next}.',
  ],
  resolved: [
    'This is resolved. Everything has been working normally since the fix, and no data was lost.',
    'This is resolved. Anything that was delayed has now gone through. No data was lost. We will publish a review of what happened.',
  ],
  reopened: ['The problem has come back for some customers: {effect}. We are looking into it again and will post by {next}.'],
  scheduled: [
    'On {start} we will carry out planned work on {names}. During the window, {names} may be unavailable for a few minutes at a time. Everything else keeps working.\n\nWe will post here when the work starts and when it is done.',
  ],
  in_progress: ['The work has started. {names} may be unavailable for a few minutes at a time until {end}. We will post when it is done.'],
  verifying: ['The work is done and we are checking that everything works as it should. We will post again when we are sure.'],
  completed: ['The maintenance is complete and everything is working normally.'],
} as const;

export const SUMMARY =
  '{effect}. This page has the latest on what is affected, what you can do in the meantime, and when we post next.';

export const POSTMORTEM = `## Summary

{effect}. It started at {start} and was resolved at {end}. No data was lost.

## Impact

- Customers who tried to use {names} during this time were affected.
- Nothing else was affected.
- No data was lost.

## Timeline

{timeline}

## Root cause

A change to how {names} handles a busy hour went out without the test that would have caught it. When traffic rose, the change made requests wait on each other.

## Resolution

We undid the change and confirmed that everything worked normally again.

## What we will change

1. Every change of this kind now needs the test that would have caught this one.
2. We will alert on this kind of slowdown ten minutes sooner.
3. We will post the first status update sooner when sign-ups, payments or invoices are affected.
`;

export const PROVIDERS = ['Postwise', 'Cardex', 'Nimbus Mail'];
export const OWNERS = ['mariek', 'tomasz', 'ayoub', 'lin-w', 'sofia-r'];

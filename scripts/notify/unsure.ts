// The one failure that is not a failure: the request went out whole and no answer came (a reset connection, a
// timeout, an SMTP server that hung up after the message). The receiver may have the message, so it is neither
// retried nor sent again until a person says whether it arrived (the ledger's `unsure` state).
export class UnsureError extends Error {}

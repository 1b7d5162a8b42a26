// A usage or input error: printed as one line on stderr, exit code 2, no stack trace.
export class UsageError extends Error {}

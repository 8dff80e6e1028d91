/** A problem with how the command was called (missing file, bad flag value): exit status 2. */
export class UsageError extends Error {}

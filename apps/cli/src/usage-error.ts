/** Bad input on the command line: the message goes to stderr and the exit code is 2. */
export class UsageError extends Error {}

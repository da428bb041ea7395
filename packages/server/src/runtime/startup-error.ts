/** A start-up failure with a plain cause (port taken, database away): the CLI prints its message alone. */
export class StartupError extends Error {}

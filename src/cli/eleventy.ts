// Finds our own error in whatever Eleventy wrapped it in, so that editors see the edition's report rather than a
// stack trace.

/** Our errors that carry a report for the editor, rather than a bug's stack trace. */
const REPORTED_ERRORS = new Set(["EditionError", "SiteVerificationError", "SearchIndexError", "ShardError", "OutputFolderError"]);

export function findEditionError(error: unknown): Error | undefined {
  for (let cause: unknown = error; cause; cause = (cause as { originalError?: unknown; cause?: unknown }).originalError ?? (cause as { cause?: unknown }).cause) {
    // Compared by name, not instanceof: Eleventy loads the plugin through its own import, which can give the
    // error class a second identity.
    if (cause instanceof Error && REPORTED_ERRORS.has(cause.name)) return cause;
  }
  return undefined;
}

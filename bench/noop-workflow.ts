// The comparison workflow of the start benchmark: it does nothing, so a start of it costs only
// what the server and the worker spend on any workflow. Bundled from bench/, not from workflows/.
export async function noop(): Promise<void> {
  // Nothing: the first workflow task completes the run.
}

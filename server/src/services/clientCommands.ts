// The client commands the editor says it has (initialize's `initializationOptions.commands`, e.g. the
// VS Code extension's `cnnShape.explainLayer`). A code lens or hover link that calls a client command
// is offered only to a client that runs it: elsewhere it would be a lens or link that does nothing.
// Set once at initialize, process-wide, as the locale is: one server process serves one editor.
let commands: ReadonlySet<string> = new Set();

/** Reads `initializationOptions.commands` (anything else: none). */
export function setClientCommands(options: unknown): void {
  const list = typeof options === 'object' && options !== null ? (options as Record<string, unknown>)['commands'] : undefined;
  commands = new Set(Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : []);
}

export function clientRuns(command: string): boolean {
  return commands.has(command);
}

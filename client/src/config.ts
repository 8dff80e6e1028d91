// Typed access to the `cnnShape.*` settings. The language server reads the same section itself
// (workspace/configuration); the client needs it for what it computes in-process (summary, status bar).
import * as vscode from 'vscode';

export const CONFIG_SECTION = 'cnnShape';

export type Rounding = 'strict' | 'floor' | 'ceil';
export type Trace = 'off' | 'messages' | 'verbose';

const ROUNDINGS: readonly Rounding[] = ['strict', 'floor', 'ceil'];
const TRACES: readonly Trace[] = ['off', 'messages', 'verbose'];

export class Config {
  // Rounding and inlay hints are resource settings (a folder may differ): pass the document's URI.
  private cfg(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  }

  /** Rounding for models that do not say `rounding:` themselves. */
  defaultRounding(scope?: vscode.Uri): Rounding {
    return oneOf(this.cfg(scope).get<unknown>('rounding.default'), ROUNDINGS, 'strict');
  }

  inlayHintsEnabled(scope?: vscode.Uri): boolean {
    return this.cfg(scope).get<unknown>('inlayHints.enabled') !== false;
  }

  get traceServer(): Trace {
    return oneOf(this.cfg().get<unknown>('trace.server'), TRACES, 'off');
  }

  /** Fires when anything under `cnnShape` changes. */
  onDidChange(listener: () => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(CONFIG_SECTION)) listener();
    });
  }
}

// A hand-edited settings.json can hold anything: fall back to the default instead of trusting it.
function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

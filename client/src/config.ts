// Typed access to the `cnnShape.*` settings the client itself uses. The language server reads the section
// itself (workspace/configuration: rounding, inlay hints), and the client library reads
// `cnnShape.trace.server`; the client needs the rounding for what it computes in-process (summary, status bar).
import * as vscode from 'vscode';
import { ROUNDINGS } from '../../core/src/index';
import type { Rounding } from '../../core/src/index';

export const CONFIG_SECTION = 'cnnShape';

export class Config {
  // A resource setting (a folder may differ): pass the document's URI.
  private cfg(scope?: vscode.Uri): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  }

  /** Rounding for models that do not say `rounding:` themselves. */
  defaultRounding(scope?: vscode.Uri): Rounding {
    return oneOf(this.cfg(scope).get<unknown>('rounding.default'), ROUNDINGS, 'strict');
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

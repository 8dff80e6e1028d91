// Opening the extension's webview panels, written once: where a panel opens, what its page may load
// (scripts from the extension's dist/ only, or nothing), its two listeners, and for each page a fresh
// nonce and the address of its script. The page itself is framed by pageShell.ts.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface PanelSpec {
  viewType: string;
  title: string;
  /** This column, the panel taking the focus; without it: beside the editor, which keeps the focus. */
  column?: vscode.ViewColumn;
  /** The extension's folder, when the page runs a script from its dist/; without it the page loads nothing. */
  extensionUri?: vscode.Uri;
  /** Keep the page alive while hidden (a page that is costly to rebuild). */
  retainContextWhenHidden?: boolean;
  onMessage(m: unknown): void;
  onDispose(): void;
}

export interface OpenedPanel {
  panel: vscode.WebviewPanel;
  /** The panel's message and dispose listeners. */
  listeners: vscode.Disposable[];
}

export function openPanel(spec: PanelSpec): OpenedPanel {
  const show = spec.column === undefined ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true } : { viewColumn: spec.column, preserveFocus: false };
  const panel = vscode.window.createWebviewPanel(spec.viewType, spec.title, show, {
    enableScripts: true,
    ...(spec.retainContextWhenHidden ? { retainContextWhenHidden: true } : {}),
    localResourceRoots: spec.extensionUri ? [distFolder(spec.extensionUri)] : [],
  });
  const listeners = [panel.webview.onDidReceiveMessage((m: unknown) => spec.onMessage(m)), panel.onDidDispose(() => spec.onDispose())];
  return { panel, listeners };
}

/** What a page with a script needs from its panel: a fresh nonce, the CSP source, the script's address. */
export function scriptPage(webview: vscode.Webview, extensionUri: vscode.Uri, script: string): { nonce: string; cspSource: string; scriptUri: string } {
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(distFolder(extensionUri), script)).toString();
  return { nonce: randomBytes(18).toString('base64'), cspSource: webview.cspSource, scriptUri };
}

function distFolder(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist');
}

// In-process analysis of open model documents, for the summary webview and the status bar. The core is
// pure and fast, so this avoids a round trip to the server; diagnostics, hovers and hints stay the
// server's. One incremental analyzer per document, dropped when the document closes.
import * as vscode from 'vscode';
import { ModelAnalyzer, type Analysis } from '../../core/src/index';
import type { Rounding } from '../../core/src/index';
import type { Config } from './config';
import { sourceKindOf } from './documents';

interface Entry {
  analyzer: ModelAnalyzer;
  version: number;
  rounding: Rounding;
  analysis: Analysis;
}

export class Analyses implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly onClose: vscode.Disposable;

  constructor(private readonly config: Config) {
    this.onClose = vscode.workspace.onDidCloseTextDocument((doc) => this.entries.delete(doc.uri.toString()));
  }

  /** The analysis of the document's current text (cached per version and rounding setting). */
  of(doc: vscode.TextDocument): Analysis {
    const key = doc.uri.toString();
    const rounding = this.config.defaultRounding(doc.uri);
    const kind = sourceKindOf(doc);
    let entry = this.entries.get(key);
    if (entry && entry.version === doc.version && entry.rounding === rounding && entry.analyzer.kind === kind) {
      return entry.analysis;
    }
    // A language switch (cnn-yaml → cnn-json) needs the other parser.
    const analyzer = entry && entry.analyzer.kind === kind ? entry.analyzer : new ModelAnalyzer(kind);
    entry = { analyzer, version: doc.version, rounding, analysis: analyzer.analyze(doc.getText(), { defaultRounding: rounding }) };
    this.entries.set(key, entry);
    return entry.analysis;
  }

  dispose(): void {
    this.onClose.dispose();
    this.entries.clear();
  }
}

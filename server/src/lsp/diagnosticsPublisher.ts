// Publishes each model document's diagnostics after its edits. Edits that arrive together are
// coalesced: the analysis waits until the message queue has handed over what is already there (two
// event-loop turns, not a fixed delay, so a lone edit is checked at once). A publication carries its
// document version and is sent only while that version is still the current one, and never for a
// version older than one already published.
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { t } from '../../../core/src/index';
import { SOURCE, validation } from '../services/validation';
import type { ModelDocuments } from './modelDocuments';

/** What the publisher needs of the document store. */
export type DocumentSource = Pick<ModelDocuments, 'get' | 'analyze' | 'all'>;

export interface PublisherHooks {
  send(params: PublishDiagnosticsParams): void;
  log(message: string): void;
}

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, NodeJS.Immediate>();
  private readonly published = new Map<string, number>();

  constructor(
    private readonly docs: DocumentSource,
    private readonly hooks: PublisherHooks,
  ) {}

  /** Check `uri` soon; a later call for the same document replaces this one. */
  schedule(uri: string): void {
    this.cancel(uri);
    // Two turns: the JSON-RPC reader hands over one queued message per turn, so a didChange that is
    // already waiting arrives (and reschedules) before this check runs.
    const first = setImmediate(() => {
      const second = setImmediate(() => {
        this.pending.delete(uri);
        this.run(uri);
      });
      this.pending.set(uri, second);
    });
    this.pending.set(uri, first);
  }

  /** Check every open model again (settings changed): same versions, new results. */
  revalidateAll(): void {
    this.published.clear();
    for (const doc of this.docs.all()) this.schedule(doc.uri);
  }

  /** The document closed: drop what is pending and clear its diagnostics. */
  close(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    this.hooks.send({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    const t = this.pending.get(uri);
    if (t) clearImmediate(t);
    this.pending.delete(uri);
  }

  private run(uri: string): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    const version = doc.version;
    const last = this.published.get(uri);
    if (last !== undefined && last >= version) return;
    let diagnostics: Diagnostic[];
    try {
      const r = this.docs.analyze(doc);
      if ('error' in r) {
        this.hooks.log(`cnn-shape: analysis of ${uri} failed: ${r.error.stack ?? r.error.message}`); // dev-only
        diagnostics = [internalError(r.error)];
      } else diagnostics = validation(r.analysis, doc);
    } catch (e) {
      this.hooks.log(`cnn-shape: diagnostics for ${uri} failed: ${(e as Error).stack ?? String(e)}`); // dev-only
      diagnostics = [internalError(e as Error)];
    }
    // Stale results are never published: if the document moved on meanwhile, check it again.
    if (this.docs.get(uri)?.version !== version) {
      this.schedule(uri);
      return;
    }
    this.published.set(uri, version);
    this.hooks.send({ uri, version, diagnostics });
  }
}

function internalError(e: Error): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'internal-error',
    message: t('lsp.internalError', { error: e.message }),
  };
}

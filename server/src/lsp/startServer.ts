// Wires the connection to the services: each handler finds the document's current analysis and
// hands it, with the offset, to one function in services/. Handlers stay thin.
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { chooseLocale, setLocale, type Analysis } from '../../../core/src/index';
import { codeActions } from '../services/codeActions';
import { codeLenses } from '../services/codeLenses';
import { explainLenses } from '../services/explainLenses';
import { setClientCommands } from '../services/clientCommands';
import { completion } from '../services/completion';
import { definition } from '../services/definition';
import { documentSymbols } from '../services/documentSymbols';
import { foldingRanges } from '../services/foldingRanges';
import { hover } from '../services/hover';
import { inlayHints } from '../services/inlayHints';
import { documentHighlights, references } from '../services/references';
import { prepareRename, rename, type Renamed } from '../services/rename';
import { modelGraph } from '../services/graph';
import { modelSummary } from '../services/summary';
import { serverCapabilities } from './capabilities';
import {
  ANALYSES_CHANGED_NOTIFICATION, EXPLAIN_REQUEST, EXPORT_PYTORCH_REQUEST, GRAPH_REQUEST, SUMMARY_REQUEST,
  type ExplainParams, type ExplainResult, type ExportPytorchResult, type GraphResult, type SummaryParams, type SummaryResult,
} from './customRequests';
import { pytorchExport } from '../services/exportPytorch';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { explainParamsProblem, invalidParams, onChecked, ownParamsProblem } from './paramGuard';
import { explainLayer } from '../services/explain';
import { isModelDocument, ModelDocuments } from './modelDocuments';
import { SECTION } from './settings';
import { SettingsStore } from './settingsStore';

export function startServer(connection: Connection): void {
  const settings = new SettingsStore(connection);
  // The editor's display language (initialize's `locale`), unless `cnnShape.language` says otherwise.
  let clientLocale: string | undefined;
  const docs = new ModelDocuments(
    (uri) => settings.forUri(uri).defaultRounding,
    (uri) => chooseLocale(settings.forUri(uri).language, clientLocale),
  );
  const log = (m: string) => connection.console.error(m);
  /** A message to the client that may fail (the client went away): logged, never an unhandled rejection. */
  const quietly = (p: Promise<unknown>, what: string) => {
    p.catch((e: unknown) => log(`cnn-shape: ${what} failed: ${e instanceof Error ? e.message : String(e)}`)); // dev-only
  };
  const publisher = new DiagnosticsPublisher(docs, {
    send: (p) => quietly(connection.sendDiagnostics(p), 'publishing diagnostics'), // dev-only
    log,
  });
  let foldingLimit = Infinity;
  let canRefreshHints = false;
  let canRegisterConfig = false;

  /** Runs `f` on the current analysis of `uri`; a missing document or a failure gives `empty`. */
  function withAnalysis<T>(uri: string, empty: T, f: (a: Analysis, doc: TextDocument) => T): T {
    const doc = docs.get(uri);
    if (!doc) return empty;
    try {
      const r = docs.analyze(doc);
      return 'error' in r ? empty : f(r.analysis, r.doc);
    } catch (e) {
      log(`cnn-shape: request on ${uri} failed: ${(e as Error).stack ?? String(e)}`); // dev-only
      return empty;
    }
  }

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    clientLocale = typeof params.locale === 'string' ? params.locale : undefined;
    setLocale(chooseLocale('auto', clientLocale));
    settings.canPull = caps.workspace?.configuration === true;
    canRefreshHints = caps.workspace?.inlayHint?.refreshSupport === true;
    canRegisterConfig = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    foldingLimit = caps.textDocument?.foldingRange?.rangeLimit ?? Infinity;
    setClientCommands(params.initializationOptions);
    return { capabilities: serverCapabilities(), serverInfo: { name: 'cnn-shape' } };
  });

  connection.onInitialized(() => {
    // Ask to be told about settings changes (the client may also push them without being asked).
    if (canRegisterConfig) quietly(connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }), 'registering for settings changes'); // dev-only
  });

  connection.onDidChangeConfiguration(async (change) => {
    await settings.changed(change.settings, docs.all().map((d) => d.uri));
    publisher.revalidateAll();
    quietly(connection.sendNotification(ANALYSES_CHANGED_NOTIFICATION), 'announcing new settings'); // dev-only
    if (canRefreshHints) quietly(connection.languages.inlayHint.refresh(), 'refreshing inlay hints'); // dev-only
  });

  docs.documents.onDidChangeContent(({ document }) => {
    if (!isModelDocument(document)) return;
    const uri = document.uri;
    quietly(settings.ready(uri).then(() => publisher.schedule(uri)), 'reading settings'); // dev-only
  });
  docs.documents.onDidClose(({ document }) => {
    if (!isModelDocument(document)) return;
    publisher.close(document.uri);
    docs.forget(document.uri);
    settings.forget(document.uri);
  });

  onChecked(connection, HoverRequest.type, ['position'], (p) => withAnalysis(p.textDocument.uri, null, (a, doc) => hover(a, doc, doc.offsetAt(p.position))));
  onChecked(connection, InlayHintRequest.type, ['range'], (p) =>
    settings.forUri(p.textDocument.uri).inlayHints ? withAnalysis(p.textDocument.uri, [], (a, doc) => inlayHints(a, doc, p.range)) : [],
  );
  onChecked(connection, CodeActionRequest.type, ['range', 'context'], (p) => {
    const only = Array.isArray(p.context.only) ? p.context.only : undefined;
    if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
    return withAnalysis(p.textDocument.uri, [], (a, doc) => codeActions(a, doc, p.range));
  });
  onChecked(connection, CompletionRequest.type, ['position'], (p) => withAnalysis(p.textDocument.uri, [], (a, doc) => completion(a, doc, doc.offsetAt(p.position))));
  onChecked(connection, DocumentSymbolRequest.type, [], (p) => withAnalysis(p.textDocument.uri, [], (a, doc) => documentSymbols(a, doc)));
  onChecked(connection, FoldingRangeRequest.type, [], (p) => withAnalysis(p.textDocument.uri, [], (a, doc) => foldingRanges(a, doc, foldingLimit)));
  onChecked(connection, CodeLensRequest.type, [], (p) => withAnalysis(p.textDocument.uri, [], (a, doc) => [...codeLenses(a, doc), ...(settings.forUri(p.textDocument.uri).explainLens ? explainLenses(a, doc) : [])]));

  onChecked(connection, DefinitionRequest.type, ['position'], (p) => withAnalysis(p.textDocument.uri, null, (a, doc) => definition(a, doc, doc.offsetAt(p.position))));
  onChecked(connection, ReferencesRequest.type, ['position', 'context'], (p) =>
    withAnalysis(p.textDocument.uri, [], (a, doc) => references(a, doc, doc.offsetAt(p.position), p.context.includeDeclaration === true)),
  );
  onChecked(connection, DocumentHighlightRequest.type, ['position'], (p) => withAnalysis(p.textDocument.uri, [], (a, doc) => documentHighlights(a, doc, doc.offsetAt(p.position))));
  onChecked(connection, PrepareRenameRequest.type, ['position'], (p) => answer(withAnalysis(p.textDocument.uri, null, (a, doc) => prepareRename(a, doc, doc.offsetAt(p.position)))));
  onChecked(connection, RenameRequest.type, ['position', 'newName'], (p) => answer(withAnalysis(p.textDocument.uri, null, (a, doc) => rename(a, doc, doc.offsetAt(p.position), p.newName))));

  connection.onRequest(SUMMARY_REQUEST, async (p: unknown): Promise<SummaryResult | null> => {
    if (!isSummaryParams(p)) throw invalidParams(SUMMARY_REQUEST, ownParamsProblem(p)!);
    const doc = await docs.atVersion(p.uri, p.version);
    if (!doc) return null;
    await settings.ready(p.uri);
    return withAnalysis(p.uri, null, (a, d) => modelSummary(a, d, settings.forUri(p.uri).defaultRounding));
  });

  connection.onRequest(EXPORT_PYTORCH_REQUEST, async (p: unknown): Promise<ExportPytorchResult | null> => {
    if (!isSummaryParams(p)) throw invalidParams(EXPORT_PYTORCH_REQUEST, ownParamsProblem(p)!);
    const doc = await docs.atVersion(p.uri, p.version);
    if (!doc) return null;
    await settings.ready(p.uri);
    return withAnalysis(p.uri, null, (a, d) => pytorchExport(a, d));
  });

  connection.onRequest(GRAPH_REQUEST, async (p: unknown): Promise<GraphResult | null> => {
    if (!isSummaryParams(p)) throw invalidParams(GRAPH_REQUEST, ownParamsProblem(p)!);
    const doc = await docs.atVersion(p.uri, p.version);
    if (!doc) return null;
    await settings.ready(p.uri);
    return withAnalysis(p.uri, null, (a, d) => modelGraph(a, d));
  });

  connection.onRequest(EXPLAIN_REQUEST, async (p: unknown): Promise<ExplainResult | null> => {
    const problem = explainParamsProblem(p);
    if (problem) throw invalidParams(EXPLAIN_REQUEST, problem);
    const { uri, version, position, layerIndex } = p as ExplainParams;
    const doc = await docs.atVersion(uri, version);
    if (!doc) return null;
    await settings.ready(uri);
    return withAnalysis(uri, null, (a, d) => explainLayer(a, d, position ? { offset: d.offsetAt(position) } : { layerIndex: layerIndex! }));
  });

  docs.documents.listen(connection);
  connection.listen();
}

/** A refused rename reaches the user as the request's error message, which editors show as is. */
function answer<T>(r: Renamed<T> | null): T | ResponseError | null {
  if (!r) return null;
  return 'error' in r ? new ResponseError(LSPErrorCodes.RequestFailed, r.error) : r.ok;
}

/** Another editor's plugin may send anything. */
function isSummaryParams(p: unknown): p is SummaryParams {
  return ownParamsProblem(p) === undefined;
}

// What the server offers. Text arrives as incremental edits; positions are UTF-16 (LSP's default,
// which every client supports), whatever else a client offers.
import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';

export function serverCapabilities(): ServerCapabilities {
  return {
    positionEncoding: 'utf-16',
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    inlayHintProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
    // ':' and ' ' open value lists (`type: `), '-' a new layer, '"' JSON keys, ',' '[' '{' flow items, '$' a block parameter.
    completionProvider: { triggerCharacters: [':', ' ', '-', '"', ',', '[', '{', '$'], resolveProvider: false },
    documentSymbolProvider: { label: 'CNN Shape' },
    foldingRangeProvider: true,
    codeLensProvider: { resolveProvider: false },
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
  };
}

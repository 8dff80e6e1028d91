// Reading model files for the commands: a missing or unreadable file is a usage error (exit 2).
import { readFileSync, statSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type Rounding } from '../../core/src/index';
import { UsageError } from './errors';

export interface LoadedModel {
  file: string;
  doc: TextDocument;
  analysis: Analysis;
}

/** Files bigger than this are refused before reading: no model description is that large. */
const MAX_BYTES = 64 * 1024 * 1024;

/** Reads and analyses `file`; `defaultRounding` applies when the file has no `rounding:` key. */
export function loadModel(file: string, defaultRounding?: Rounding): LoadedModel {
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UsageError(`${file}: is a directory, not a model file`);
    if (st.size > MAX_BYTES) throw new UsageError(`${file}: ${st.size} bytes is too large for a model file`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? (e as Error).message})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is not part of the model
  const languageId = /\.json$/i.test(file) ? 'cnn-json' : 'cnn-yaml';
  return { file, doc: TextDocument.create(file, languageId, 0, text), analysis: analyze({ text, fileName: file, ...(defaultRounding ? { defaultRounding } : {}) }) };
}

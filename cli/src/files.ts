// Reading model files for the commands: a missing or unreadable file is a usage error (exit 2).
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type Rounding } from '../../core/src/index';
import { FileRefused, readRegularFile } from '../../runner/src/files/readRegular';
import { UsageError } from './errors';

export interface LoadedModel {
  file: string;
  doc: TextDocument;
  analysis: Analysis;
}

/** Reads and analyses `file`; `defaultRounding` applies when the file has no `rounding:` key. */
export function loadModel(file: string, defaultRounding?: Rounding): LoadedModel {
  let text: string;
  try {
    // Regular files only, at most 8 MB (the checker's limit, MAX_MODEL_BYTES): a FIFO or /dev/zero is refused, not waited on or read forever.
    text = readRegularFile(file, 'model').toString('utf8');
  } catch (e) {
    if (e instanceof FileRefused) throw new UsageError(e.message);
    throw e;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is not part of the model
  const languageId = /\.json$/i.test(file) ? 'cnn-json' : 'cnn-yaml';
  return { file, doc: TextDocument.create(file, languageId, 0, text), analysis: analyze({ text, fileName: file, ...(defaultRounding ? { defaultRounding } : {}) }) };
}

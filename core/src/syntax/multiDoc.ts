// eemeli/yaml says "please use YAML.parseAllDocuments()" for a file of several documents: advice for a
// programmer, not for the model's author. Our message says what is wrong in the model's terms.
import { t } from '../i18n/t';

/** The message for a file whose second document starts at `secondAt`. */
export function multipleDocumentsMessage(text: string, secondAt: number): string {
  const markers = text.slice(secondAt).match(/^---(?=\s|$)/gm)?.length ?? 0;
  const count = Math.max(2, 1 + markers);
  let line = 1;
  for (let i = 0; i < secondAt && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return t('syntax.multipleDocuments', { count, line });
}

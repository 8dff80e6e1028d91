// The largest model text the checker reads. A 60 MB file of `- relu` lines ran V8 out of heap; no
// real model comes near this (ResNet-152 written out flat is about 40 KB). The limit is in UTF-8 bytes,
// the file's size on disk, so the CLI (which reads bytes) and the editor (which has text) agree.
import { t } from '../i18n/t';

export const MAX_MODEL_BYTES = 8_000_000;

/** The text's UTF-8 length, or any number above `limit` once it is known to pass it. */
export function utf8LengthUpTo(text: string, limit: number): number {
  // UTF-8 takes at least one byte and at most three per UTF-16 unit: decide without counting when possible.
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length * 3;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function isTooLarge(text: string): boolean {
  return utf8LengthUpTo(text, MAX_MODEL_BYTES) > MAX_MODEL_BYTES;
}

export function tooLargeMessage(): string {
  return t('syntax.tooLarge', { mb: MAX_MODEL_BYTES / 1e6 });
}

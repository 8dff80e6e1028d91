// What the CLI prints in text mode never drives the terminal: names, types, labels, messages and file
// names come from files, and an ESC, BEL, CSI (U+009B) or OSC sequence among them would retitle the
// window, clear the screen or hide a hyperlink. Every control character (C0, DEL, C1) becomes a visible
// escape such as \x1b; the CLI's own line breaks are kept by terminalText, not by terminalLine.
// JSON output goes through jsonText: still exact JSON, with C1 and DEL written as \u escapes too.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function visible(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** Text for the terminal: every control character escaped except the line break. */
export function terminalText(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, visible);
}

/** One field on one line (a name, a label, a message): every control character escaped, \n too. */
export function terminalLine(text: string): string {
  return text.replace(CONTROL, visible);
}

/** A copy of plain data (objects, arrays) with every string made a terminalLine; other values kept. */
export function terminalFields<T>(value: T): T {
  if (typeof value === 'string') return terminalLine(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => terminalFields(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, terminalFields(v)])) as T;
  }
  return value;
}

/** JSON.stringify, with DEL and C1 characters (which JSON allows raw) written as \u escapes. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

/** stdout in text mode. */
export function printOut(text: string): void {
  process.stdout.write(terminalText(text));
}

/** stderr: messages, warnings and errors. */
export function printErr(text: string): void {
  process.stderr.write(terminalText(text));
}

// An object whose first key is a long array, written as the array's items come: `{"outputs": [ ...`,
// then the other keys at the end. Valid JSON once end() is called; nothing but the current item is held.
import { jsonText } from './terminalText';

export class JsonArrayWriter {
  private count = 0;
  private started = false;

  constructor(private readonly key: string, private readonly write: (s: string) => void = (s) => process.stdout.write(s)) {}

  item(value: unknown): void {
    this.start();
    this.write(`${this.count ? ',\n' : '\n'}${jsonText(value).trimEnd().replace(/^/gm, '    ')}`);
    this.count++;
  }

  /** Closes the array and writes the other keys of the object. */
  end(rest: Record<string, unknown>): void {
    this.start();
    this.write(this.count ? '\n  ]' : ']');
    const tail = jsonText(rest).trimEnd();
    // `{\n  "k": …\n}` → `,\n  "k": …\n}`; an empty object closes at once.
    this.write(tail === '{}' ? '\n}\n' : `,\n${tail.slice(2)}\n`);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.write(`{\n  ${JSON.stringify(this.key)}: [`);
  }
}

// A one-line progress bar on stderr, only when stderr is a terminal (never in a pipe, a file or CI
// logs). Redrawn at most every 100 ms; cleared before other output is printed, then drawn again.
import { terminalLine } from './terminalText';

const WIDTH = 24;

export class ProgressBar {
  private shown = false;
  private last = 0;
  private text = '';

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr, private readonly enabled = stream.isTTY === true) {}

  update(done: number, total: number, what: string): void {
    if (!this.enabled || total <= 0) return;
    const now = Date.now();
    if (now - this.last < 100 && done < total) return;
    this.last = now;
    const filled = Math.round((Math.min(done, total) / total) * WIDTH);
    const cols = Math.max(20, (this.stream.columns || 80) - 1);
    this.text = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${done}/${total} ${terminalLine(what)}`.slice(0, cols);
    this.draw();
  }

  /** Runs `print` with the bar out of the way. */
  around(print: () => void): void {
    const was = this.shown;
    this.clear();
    print();
    if (was) this.draw();
  }

  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  private draw(): void {
    this.stream.write(`\r\x1b[K${this.text}`);
    this.shown = true;
  }
}

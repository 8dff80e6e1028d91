// Flow control for a streamed run: the worker may be this many image results ahead of the thread that
// prints or shows them, and no more. Without it a slow reader (a terminal, `| less`, a full pipe that
// blocks the CLI's writes) let the worker post every result into the message queue: 10,000 images
// through a stalled pipe peaked at 210 MB instead of 150. The reader says how many it has handled
// ('received', every RECEIVED_EVERY images); the worker waits while too many are unanswered.

/** Image results the worker may post before the reader has handled them. */
export const IMAGES_IN_FLIGHT = 64;
/** The reader reports after this many images (a fraction of IMAGES_IN_FLIGHT, so the worker rarely waits). */
export const RECEIVED_EVERY = 16;

export class ReplyWindow {
  private sentCount = 0;
  private receivedCount = 0;
  private waiting: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(private readonly limit = IMAGES_IN_FLIGHT) {}

  /** After posting one result: a promise to await when the reader is too far behind, else undefined. */
  sent(): Promise<void> | undefined {
    this.sentCount++;
    if (this.sentCount - this.receivedCount < this.limit) return undefined;
    // One wait for all the results of a batch posted past the limit.
    if (!this.waiting) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => (resolve = r));
      this.waiting = { promise, resolve };
    }
    return this.waiting.promise;
  }

  /** The reader has handled `count` results in all. */
  received(count: number): void {
    if (!Number.isSafeInteger(count) || count <= this.receivedCount) return;
    this.receivedCount = Math.min(count, this.sentCount);
    if (this.waiting && this.sentCount - this.receivedCount < this.limit) this.release();
  }

  /** Lets a waiting sender go on (the run is stopping: cancelled or finished). */
  release(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.resolve();
  }
}

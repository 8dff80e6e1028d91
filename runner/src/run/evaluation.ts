// Accuracy, top-5 accuracy, per-class precision and recall and a confusion matrix, accumulated one image
// at a time (nothing per image is kept but the few worst-classified). Rows are the dataset's classes
// (true), columns the same classes (predicted) plus "other": a prediction of a label with no folder.
import type { DatasetClass } from './imageFolder';
import type { ImageOutput } from './result';

/** How many of the worst-classified images are remembered (lowest score for their true class). */
export const WORST_KEPT = 20;

export interface ClassMetrics {
  name: string;
  label: number;
  images: number;
  correct: number;
  /** Of the images predicted as this class, the share that are; null when none was. */
  precision: number | null;
  /** Of this class's images, the share predicted as it; null when it has none that ran. */
  recall: number | null;
}

export interface WorstImage {
  image: string;
  trueClass: string;
  predicted: string;
  /** The model's value for the true class. */
  trueScore: number;
}

export interface Evaluation {
  images: number;
  accuracy: number | null;
  top5: number | null;
  classes: ClassMetrics[];
  /** matrix[t][p]: images of class t predicted as class p; the last column is "other". */
  confusion: { classes: string[]; matrix: number[][] };
  worst: WorstImage[];
}

export class EvaluationAccumulator {
  private readonly column = new Map<number, number>();
  private readonly matrix: number[][];
  private readonly classOf = new Map<string, number>();
  private total = 0;
  private correct = 0;
  private inTop5 = 0;
  private worst: Array<WorstImage & { at: number }> = [];

  constructor(private readonly classes: readonly DatasetClass[], private readonly labels: readonly string[]) {
    classes.forEach((c, i) => {
      this.column.set(c.label, i);
      for (const im of c.images) this.classOf.set(im, i);
    });
    this.matrix = classes.map(() => new Array<number>(classes.length + 1).fill(0));
  }

  add(o: ImageOutput): void {
    const t = this.classOf.get(o.image);
    if (t === undefined) return;
    const cls = this.classes[t]!;
    const predicted = o.top[0]?.index ?? -1;
    this.total++;
    if (predicted === cls.label) this.correct++;
    if (o.top.some((e) => e.index === cls.label)) this.inTop5++;
    this.matrix[t]![this.column.get(predicted) ?? this.classes.length]!++;
    if (predicted !== cls.label) this.remember({ image: o.image, trueClass: cls.name, predicted: this.labels[predicted] ?? `#${predicted}`, trueScore: o.output[cls.label] ?? NaN, at: this.total });
  }

  /** Keeps the WORST_KEPT lowest true-class scores (ties: the earlier image). */
  private remember(w: WorstImage & { at: number }): void {
    const score = (x: WorstImage) => (Number.isNaN(x.trueScore) ? -Infinity : x.trueScore);
    if (this.worst.length >= WORST_KEPT && score(w) >= score(this.worst[this.worst.length - 1]!)) return;
    this.worst.push(w);
    this.worst.sort((a, b) => score(a) - score(b) || a.at - b.at);
    if (this.worst.length > WORST_KEPT) this.worst.pop();
  }

  result(): Evaluation {
    const share = (n: number, of: number) => (of > 0 ? n / of : null);
    const classes: ClassMetrics[] = this.classes.map((c, i) => {
      const row = this.matrix[i]!;
      const ran = row.reduce((a, b) => a + b, 0);
      const predictedAs = this.matrix.reduce((a, r) => a + r[i]!, 0);
      return { name: c.name, label: c.label, images: ran, correct: row[i]!, precision: share(row[i]!, predictedAs), recall: share(row[i]!, ran) };
    });
    return {
      images: this.total,
      accuracy: share(this.correct, this.total),
      top5: share(this.inTop5, this.total),
      classes,
      confusion: { classes: this.classes.map((c) => c.name), matrix: this.matrix.map((r) => [...r]) },
      worst: this.worst.map(({ at: _at, ...w }) => w),
    };
  }
}

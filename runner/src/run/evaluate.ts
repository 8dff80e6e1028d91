// An evaluation on a dataset in the ImageFolder layout, on the thread that runs the pipeline (the
// worker: the CLI's `cnnshape eval` and the editor's "Evaluate on Folder…" both ask it through
// engine/client.ts evaluateInWorker): the model's labels name the class folders, every image runs
// as a stream and only the figures (and the few worst images) are kept.
import { analyze } from '../../../core/src/index';
import { FileRefused, readRegularFile } from '../files/readRegular';
import { ModelError, refuseErrors } from '../onnx/modelErrors';
import { EvaluationAccumulator, type Evaluation } from './evaluation';
import { readImageFolder } from './imageFolder';
import { loadLabels } from './labels';
import { runPipeline, type PipelineRequest, type PipelineResult, type Progress } from './pipeline';

export interface EvaluationRequest extends Omit<PipelineRequest, 'images' | 'previews' | 'keepInputs' | 'keepOutputsOf' | 'profile'> {
  /** The dataset: one subfolder per class, named as one of the model's labels. */
  dataset: string;
}

export interface EvaluationRun extends Evaluation {
  /** Images that could not be run, with the reason (not counted in the figures). */
  errors: PipelineResult['errors'];
  warnings: string[];
  engine: PipelineResult['engine'];
  untrained?: { seed: number; layers: number[] };
}

/** Called after each image with how many ran (or failed) of how many the dataset holds. */
export type Counted = (done: number, total: number) => void;

function modelText(req: EvaluationRequest): string {
  if (req.text !== undefined) return req.text;
  try {
    return readRegularFile(req.modelFile, 'model').toString('utf8');
  } catch (e) {
    if (e instanceof FileRefused) throw new ModelError(e.message);
    throw e;
  }
}

export async function runEvaluation(req: EvaluationRequest, progress: Progress, shouldStop: () => boolean, counted: Counted = () => {}): Promise<EvaluationRun> {
  const text = modelText(req);
  const analysis = analyze({ text: text.replace(/^\uFEFF/, ''), fileName: req.modelFile, ...(req.defaultRounding ? { defaultRounding: req.defaultRounding } : {}) });
  refuseErrors(analysis, req.modelFile);
  const labels = loadLabels(analysis.model, req.modelFile, req.roots) ?? [];
  const classes = readImageFolder(req.dataset, labels, req.modelFile);
  const images = classes.flatMap((c) => c.images);
  const acc = new EvaluationAccumulator(classes, labels);
  let done = 0;
  const { dataset: _dataset, ...rest } = req;
  const result = await runPipeline({ ...rest, text, images }, progress, shouldStop, (o) => {
    acc.add(o);
    counted(++done, images.length);
  });
  const run: EvaluationRun = { ...acc.result(), errors: result.errors, warnings: result.warnings, engine: result.engine };
  if (result.untrained) run.untrained = result.untrained;
  return run;
}

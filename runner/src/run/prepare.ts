// What a run needs before any image is read: the analysis (errors refused), the weights (every missing
// key and wrong shape reported before anything runs), the labels and the warnings about them.
import { analyze } from '../../../core/src/index';
import type { Analysis, Shape } from '../../../core/src/index';
import { FileRefused, readRegularFile } from '../files/readRegular';
import { inputProblem } from '../images/toTensor';
import { ModelError, refuseErrors } from '../onnx/modelErrors';
import { resolveParameters, type ResolvedParameters } from '../weights/resolve';
import { loadLabels } from './labels';
import type { PipelineRequest } from './pipeline';
import type { PhaseClock } from './phases';
import { checkRunnable } from './sizeCheck';
import { t } from '../../../core/src/index';

export interface PreparedRun {
  analysis: Analysis;
  inputShape: Shape;
  params: ResolvedParameters;
  labels: string[] | undefined;
  warnings: string[];
}

export function prepareRun(req: PipelineRequest, progress: (message: string) => void, clock?: PhaseClock): PreparedRun {
  let text = req.text;
  if (text === undefined) {
    try {
      text = readRegularFile(req.modelFile, 'model').toString('utf8');
    } catch (e) {
      if (e instanceof FileRefused) throw new ModelError(e.message);
      throw e;
    }
  }
  const analysis = analyze({
    text: text.replace(/^\uFEFF/, ''),
    fileName: req.modelFile,
    ...(req.defaultRounding ? { defaultRounding: req.defaultRounding } : {}),
  });
  clock?.mark('analysis');
  progress(t('runnerErrors.progressWeights'));
  // Resolving weights needs the shapes: a model with errors is refused first.
  refuseErrors(analysis, req.modelFile);
  checkRunnable(analysis, req.modelFile);
  const inputShape = analysis.model.input?.value;
  if (!inputShape) throw new ModelError(t('runnerErrors.noInputShape', { file: req.modelFile }));
  // Before the weights: a model that cannot take an image is refused without initialising anything.
  const problem = inputProblem(inputShape, analysis.model.preprocess.value);
  if (problem) throw new ModelError(t('runnerErrors.withFile', { file: req.modelFile, message: problem }));
  const params = resolveParameters(analysis, {
    modelFile: req.modelFile,
    ...(req.seed !== undefined ? { seed: req.seed } : {}),
    ...(req.weightsFile ? { weightsFile: req.weightsFile } : {}),
    ...(req.roots ? { roots: req.roots } : {}),
  });
  clock?.mark('weights');
  const labels = loadLabels(analysis.model, req.modelFile, req.roots);
  const warnings = [...params.warnings];
  const last = analysis.layers[analysis.layers.length - 1]!;
  const outCount = last.output ? last.output.width * last.output.height * last.output.depth : 0;
  if (labels && labels.length !== outCount) {
    warnings.push(t(labels.length < outCount ? 'runnerErrors.labelsTooFew' : 'runnerErrors.labelsTooMany', { labels: labels.length, outputs: outCount }));
  }
  return { analysis, inputShape, params, labels, warnings };
}

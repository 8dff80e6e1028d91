// The runner's error classes, in one dependency-free file so that the thread that only starts the
// worker (CLI, extension host) does not load decoders or onnxruntime to recognise them.

/** The model has errors, or asks for something the runner cannot do. */
export class ModelError extends Error {}
/** The weights file is unreadable, corrupt, or does not fit the model. */
export class WeightsError extends Error {}
/** An image cannot be read or decoded. */
export class ImageError extends Error {}
/** The labels file cannot be read. */
export class LabelsError extends Error {}

export function isUserError(e: unknown): boolean {
  // A RunnerError made with user = true (the dataset of an evaluation) is one too, also inside the worker.
  return e instanceof ModelError || e instanceof WeightsError || e instanceof ImageError || e instanceof LabelsError || (e instanceof RunnerError && e.user);
}

/** An error the worker reported; `user` says whether it is about the user's files (else: a bug). */
export class RunnerError extends Error {
  constructor(
    message: string,
    readonly user: boolean,
  ) {
    super(message);
  }
}

import type { RunResult } from './result';
export declare function renderRunText(result: RunResult, modelLabel: string): string;

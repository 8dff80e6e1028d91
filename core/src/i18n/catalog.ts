// The one message catalogue: every area's English source and its Chinese translation, registered here.
// An id is `<area>.<key>`; a key missing from a translation does not compile (types.ts), and
// tests/i18n/catalog.test.ts checks that both sides use the same placeholders and the glossary's terms.
import type { Locale } from './locale';
import { common as enCommon } from './en/common';
import { common as zhCommon } from './zh-cn/common';
import { syntax as enSyntax } from './en/syntax';
import { syntax as zhSyntax } from './zh-cn/syntax';
import { suggest as enSuggest } from './en/suggest';
import { model as enModel } from './en/model';
import { model as zhModel } from './zh-cn/model';
import { values as enValues } from './en/values';
import { values as zhValues } from './zh-cn/values';
import { blocks as enBlocks } from './en/blocks';
import { blocks as zhBlocks } from './zh-cn/blocks';
import { shape as enShape } from './en/shape';
import { shape as zhShape } from './zh-cn/shape';
import { keys as enKeys } from './en/keys';
import { keys as zhKeys } from './zh-cn/keys';
import { suggest as zhSuggest } from './zh-cn/suggest';
import { hover as enHover } from './en/hover';
import { hover as zhHover } from './zh-cn/hover';
import { completion as enCompletion } from './en/completion';
import { completion as zhCompletion } from './zh-cn/completion';
import { fixes as enFixes } from './en/fixes';
import { fixes as zhFixes } from './zh-cn/fixes';
import { lenses as enLenses } from './en/lenses';
import { lenses as zhLenses } from './zh-cn/lenses';
import { rename as enRename } from './en/rename';
import { rename as zhRename } from './zh-cn/rename';
import { lsp as enLsp } from './en/lsp';
import { lsp as zhLsp } from './zh-cn/lsp';
import { cli as enCli } from './en/cli';
import { cli as zhCli } from './zh-cn/cli';
import { runnerErrors as enRunnerErrors } from './en/runnerErrors';
import { runnerErrors as zhRunnerErrors } from './zh-cn/runnerErrors';
import { layerChecks as enLayerChecks } from './en/layerChecks';
import { layerChecks as zhLayerChecks } from './zh-cn/layerChecks';
import { window as enWindow } from './en/window';
import { window as zhWindow } from './zh-cn/window';
import { layerArithmetic as enLayerArithmetic } from './en/layerArithmetic';
import { layerArithmetic as zhLayerArithmetic } from './zh-cn/layerArithmetic';
import { layerRef as enLayerRef } from './en/layerRef';
import { layerRef as zhLayerRef } from './zh-cn/layerRef';
import { summary as enSummary } from './en/summary';
import { summary as zhSummary } from './zh-cn/summary';
import { nls as enNls } from './en/nls';
import { nls as zhNls } from './zh-cn/nls';
import { client as enClient } from './en/client';
import { client as zhClient } from './zh-cn/client';
import { graph as enGraph } from './en/graph';
import { graph as zhGraph } from './zh-cn/graph';
import { runner as enRunner } from './en/runner';
import { runner as zhRunner } from './zh-cn/runner';
import { explain as enExplain } from './en/explain';
import { explain as zhExplain } from './zh-cn/explain';

import { evaluate as enEvaluate } from './en/evaluate';
import { evaluate as zhEvaluate } from './zh-cn/evaluate';
import { run as enRun } from './en/run';
import { run as zhRun } from './zh-cn/run';

export const EN = {
  common: enCommon,
  syntax: enSyntax,
  suggest: enSuggest,
  model: enModel,
  values: enValues,
  blocks: enBlocks,
  shape: enShape,
  keys: enKeys,
  hover: enHover,
  completion: enCompletion,
  fixes: enFixes,
  lenses: enLenses,
  rename: enRename,
  lsp: enLsp,
  layerChecks: enLayerChecks,
  window: enWindow,
  layerArithmetic: enLayerArithmetic,
  layerRef: enLayerRef,
  summary: enSummary,
  nls: enNls,
  cli: enCli,
  runnerErrors: enRunnerErrors,
  client: enClient,
  run: enRun,
  evaluate: enEvaluate,
  graph: enGraph,
  runner: enRunner,
  explain: enExplain,
} as const;

type Areas = typeof EN;
type Translated = { readonly [A in keyof Areas]: { readonly [K in keyof Areas[A]]: string } };

const ZH_CN: Translated = {
  common: zhCommon,
  syntax: zhSyntax,
  suggest: zhSuggest,
  model: zhModel,
  values: zhValues,
  blocks: zhBlocks,
  shape: zhShape,
  keys: zhKeys,
  hover: zhHover,
  completion: zhCompletion,
  fixes: zhFixes,
  lenses: zhLenses,
  rename: zhRename,
  lsp: zhLsp,
  layerChecks: zhLayerChecks,
  window: zhWindow,
  layerArithmetic: zhLayerArithmetic,
  layerRef: zhLayerRef,
  summary: zhSummary,
  nls: zhNls,
  cli: zhCli,
  runnerErrors: zhRunnerErrors,
  client: zhClient,
  run: zhRun,
  evaluate: zhEvaluate,
  graph: zhGraph,
  runner: zhRunner,
  explain: zhExplain,
};

export const CATALOG: Readonly<Record<Locale, Translated>> = { en: EN, 'zh-cn': ZH_CN };

/** Every message id, e.g. `'common.and'`. */
export type MessageId = { [A in keyof Areas]: `${A & string}.${keyof Areas[A] & string}` }[keyof Areas];

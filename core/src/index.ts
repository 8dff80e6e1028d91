// The core's one public entry: parsing, the layer registry, shape inference, diagnostics and the
// summary table. Pure TypeScript with no editor imports; the server, the runner, the CLI, the client
// and the tests import only this file.
export { ModelAnalyzer, analyze, hasErrors, type Analysis, type AnalysisInput, type AnalyzeOptions } from './analysis';
export { MAX_MODEL_BYTES } from './syntax/sizeLimit';
export { isOwnKey, own } from './text/own';
export { CODES, type Code } from './diagnostics/codes';
export type { CoreDiagnostic, FixData, RelatedInfo, Severity } from './diagnostics/diagnostic';
export { COMMON_KEYS, LAYER_ROUNDING_DOC, LAYERS, LAYER_DEFS, LAYER_TYPES, isLayerType, type LayerParams, type LayerType } from './layers/registry';
export { defineLayer, type LayerDef, type LayerSpec, type ParamKind, type ParamSpec, type ParamsOf, type RoundedOutput } from './layers/spec';
export { expectedParameters, shapeText } from './layers/parameterShapes';
export { adaptiveWindow } from './layers/adaptivePool';
export { PADDING_WORDS, defaultLabel, kindLabel, layerReference, resolveLayerType, type LayerReference, type ParamReference } from './layers/reference';
export { commonKeyDoc, commonKeyDocs, englishLayerDocs, englishWeightLayouts, layerDocTranslation, layerRoundingDoc, layerTexts, layoutHasWords, paramDoc, type LayerDocKey, type LayerTexts } from './layers/docs';
export { mergeAxisLines } from './layers/arithmetic';
export { ROUNDINGS, TOP_KEYS, readModel, type InlineTensor } from './model/readModel';
export type { BlockCopy, BlockDefinition, BlockParam, BlockUse, BlocksInfo, InputRef, LayerDecl, Located, Model, Padding, Pair, ParamValue, Preprocess, Rounding, Shape, Sides } from './model/types';
export { DEFINITION_KEYS } from './model/blockDefinitions';
export { MAX_EXPANDED, MAX_REPEAT, USE_KEYS } from './model/blocks';
export { groupBlockDiagnostics } from './diagnostics/blockDiagnostics';
export { INPUT_NAME, inferShapes, refKeysOf, refParams, type LayerResult, type ReceptiveField, type Totals } from './shape/infer';
export { axisArithmetic, axisOutput, formatNumber, type AxisParams, type AxisResult } from './shape/outputSize';
export { alignColumns, bytes, displayWidth, grouped, macsLabel, renderSummaryText, resultLabel, roundedLabel, roundingNote, shapeLabel, summarize, type Summary } from './summary/table';
export { getPair, type AstMap, type AstNode, type AstPair, type Span } from './syntax/ast';
export { chunkLayers } from './syntax/chunker';
export { DocumentParser, sourceKindOf, type SourceKind } from './syntax/documentParser';
export { parseYamlFast, scanYamlFast } from './syntax/fastYaml';
export { parseYaml } from './syntax/yamlToAst';
export { editDistance, suggest } from './text/suggest';
export { sizeFixes, type SizeFix } from './shape/sizeFixes';
export { CATALOG, EN, GLOSSARY, countErrors, countWarnings, LOCALES, chooseLocale, fillTemplate, getLocale, listOr, localeFromEnv, pickLocale, placeholdersOf, setLocale, t, template, withLocale, type GlossaryTerm, type Locale, type MessageArg, type MessageArgs, type MessageId } from './i18n/index';

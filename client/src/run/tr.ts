// How the run and evaluation pages get their words: a function from a message id of the catalogue
// (core/src/i18n, areas `run` and `evaluate`) to text. The extension host passes its l10n `t` (the
// user's language); pure code (html.ts, node tests) defaults to the core's `t` (the process's language,
// English unless set).
import { t, type MessageArgs, type MessageId } from '../../../core/src/index';

export type Tr = (id: MessageId, args?: MessageArgs) => string;

export const defaultTr: Tr = (id, args) => t(id, args);

// The `cnnShape.*` settings section. The client reads none of it itself: the language server reads the
// section (workspace/configuration: rounding, inlay hints) and tells the client when its analyses change,
// and the client library reads `cnnShape.trace.server` (it follows the client id).
export const CONFIG_SECTION = 'cnnShape';

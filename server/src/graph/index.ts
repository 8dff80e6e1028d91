// The model graph: the analysis as nodes and shape-labelled edges, the collapsed view of blocks, the
// layout (elkjs), SVG and DOT. No editor imports: the server, the CLI and the webview share it.
export { buildGraph, groupId, INPUT_NODE, nodeId } from './buildGraph';
export { renderDot } from './dot';
export { layoutGraph, type GraphLayout } from './layout';
export { escapeXml, LIGHT_STYLE, renderSvg } from './svg';
export type { GraphEdge, GraphGroup, GraphNode, ModelGraph, NodeStatus } from './types';
export { allGroups, visibleGraph, type VisibleGraph } from './visible';

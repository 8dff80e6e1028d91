// Placeholder until the fast path for plain block YAML lands: returning undefined means
// "not handled here", and the caller parses the chunk with eemeli/yaml.
import type { ParsedTree } from './ast';

export function parseYamlFast(_text: string, _base: number): ParsedTree | undefined {
  return undefined;
}

// A CR not followed by LF is a line break for the editor (LSP and TextDocument count it so, and VS Code
// shows one) but not for eemeli/yaml, which reads `a: 1\rb: 2` as one line. Read as LF it is a line
// break for both, and offsets stay the same (one UTF-16 unit for one).

export function lonelyCrToLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

// Why a rename is refused (server/src/services/rename.ts); editors show it as the request's error.
// The Chinese is in ../zh-cn/rename.ts.
export const rename = {
  notAName: "Put the cursor on a name (a layer's `name:`, a name in `inputs`, a block or a block parameter) to rename it.",
  input: "'input' is the network input's fixed name: it cannot be renamed.",
  blockInput: "Block '{block}' has one input called 'input' by default: write `inputs: [a name]` in the block to name it.",
  byIndex: 'Layer {index} has no name (it is referred to by its index): give it a `name:` first.',
  unknown: "No layer is named '{name}': there is nothing to rename.",
  empty: 'A name cannot be empty.',
  reserved: "'input' is the network input's name: choose another name.",
  digits: "'{name}' would be read as a layer index: use a name with a letter in it.",
  lineBreak: 'A name is one line.',
  taken: "The name '{name}' is already used by layer {index}.",
  takenInBlock: "Block '{block}' already has a layer or an input named '{name}'.",
  prefixTaken: "'{name}' would read as a layer inside the block use '{use}'.",
  blockWord: "A block name is a word of letters, digits, _ and - (no dots), not '{name}'.",
  layerType: "'{name}' is a layer type: give the block another name.",
  blockTaken: "A block named '{name}' exists already.",
  paramWord: "A block parameter is a word of letters, digits and _ (it is written `$name`), not '{name}'.",
  paramTaken: "Block '{block}' already has a parameter '{name}'.",
  useKey: "'{name}' is a key of every block use: choose another parameter name.",
} as const;

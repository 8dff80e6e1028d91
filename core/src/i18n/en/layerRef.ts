// The layer reference's labels (core/src/layers/reference.ts): a parameter's kind and default in words,
// as `cnnshape layers` and docs/layers.md print them. Chinese: ../zh-cn/layerRef.ts.
export const layerRef = {
  kindInt: 'integer ≥ {min}',
  kindPair: 'integer or [height, width], each ≥ {min}',
  kindPadding: 'integer, [height, width], {words}',
  kindBool: 'true or false',
  kindNumber: 'number',
  kindNumberRange: 'number, {range}',
  kindEnum: 'one of {values}',
  kindSides: 'integer, [height, width] or [top, bottom, left, right], each ≥ 0',
  kindRef: "a layer's name (as in `inputs`)",
  required: 'required',
  defaultValue: 'default {value}',
  defaultFrom: 'default: the {param}',
  optional: 'optional',
} as const;

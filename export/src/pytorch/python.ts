// Writing model text into Python source safely: string literals that no name or label can break out
// of, comments that no newline can end early, identifiers that are valid and shadow nothing.

/** Python 3 keywords and the names the generated file itself uses at module level. */
const RESERVED = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', '_',
  'torch', 'nn', 'F', 'self', 'x', 'transform', 'LABELS', 'INPUT_SIZE', 'SCALE', 'MEAN', 'STD', 'INLINE_PARAMETERS',
  'BatchNorm2d', 'Conv2dPadded', 'AvgPool2dSame', 'print', 'input', 'super', 'float', 'int', 'list', 'dict', 'len', 'range',
]);

/**
 * Attributes of nn.Module, nn.ModuleDict, nn.ModuleList and nn.Sequential (PyTorch 1.13): a child
 * module with one of these names must be reached as `self["name"]`, since `self.name` finds the method.
 */
export const MODULE_ATTRIBUTES = new Set([
  'T_destination', 'add_module', 'append', 'apply', 'bfloat16', 'buffers', 'children', 'clear', 'cpu', 'cuda', 'double',
  'dump_patches', 'eval', 'extend', 'extra_repr', 'float', 'forward', 'get_buffer', 'get_extra_state', 'get_parameter',
  'get_submodule', 'half', 'insert', 'ipu', 'items', 'keys', 'load_state_dict', 'modules', 'named_buffers',
  'named_children', 'named_modules', 'named_parameters', 'parameters', 'pop', 'register_backward_hook',
  'register_buffer', 'register_forward_hook', 'register_forward_pre_hook', 'register_full_backward_hook',
  'register_load_state_dict_post_hook', 'register_module', 'register_parameter', 'requires_grad_', 'set_extra_state',
  'share_memory', 'state_dict', 'to', 'to_empty', 'train', 'training', 'type', 'update', 'values', 'xpu', 'zero_grad',
  'call_super_init', 'mtia', 'compile', 'register_state_dict_pre_hook', 'register_full_backward_pre_hook',
  'register_load_state_dict_pre_hook', 'smart_apply', 'register_state_dict_post_hook',
]);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether `s` can follow `self.` and reach the child module of that name. */
export function isPlainAttribute(s: string): boolean {
  return IDENTIFIER.test(s) && !s.startsWith('_') && !RESERVED.has(s) && !MODULE_ATTRIBUTES.has(s);
}

/** A Python string literal holding exactly `s`: ASCII escapes for quotes, backslashes, controls and line separators. */
export function pyString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c === 0x2028 || c === 0x2029 || c === 0xfeff) out += `\\u${c.toString(16)}`;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += ch + s[i + 1]!; // a whole surrogate pair: one character, written as is
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += `\\u${c.toString(16)}`; // a lone surrogate cannot be UTF-8
    else out += ch;
  }
  return `${out}"`;
}

/** Text for a comment or docstring: one line, nothing that ends a line or a docstring, no lone surrogates. */
export function commentText(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]+/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/\\/g, '/')
    .replace(/"""/g, '"\u200b"\u200b"')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A class name from the model's name: CamelCase of its ASCII words, `Net` when nothing is left. */
export function className(name: string | undefined): string {
  const words = (name ?? '').normalize('NFKD').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  let s = words.map((w) => (w[0]!.toUpperCase() + w.slice(1))).join('');
  if (s.length > 40) s = s.slice(0, 40);
  if (!s || /^[0-9]/.test(s)) s = `Net${s}`;
  return RESERVED.has(s) ? `${s}Net` : s;
}

/** A snake_case variable name from a layer name or type; never a keyword or a name the file uses. */
export function variableName(s: string): string {
  let v = s.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
  if (v.length > 30) v = v.slice(0, 30).replace(/_+$/, '');
  if (!v) v = 'y';
  if (/^[0-9]/.test(v)) v = `x${v}`;
  return RESERVED.has(v) || MODULE_ATTRIBUTES.has(v) ? `${v}_` : v;
}

/** A number as a Python literal (ints stay ints; non-finite values spelled out). */
export function pyNumber(n: number): string {
  if (Number.isNaN(n)) return 'float("nan")';
  if (!Number.isFinite(n)) return n > 0 ? 'float("inf")' : '-float("inf")';
  return String(n);
}

/** A number that Python must read as a float (eps, slopes). */
export function pyFloat(n: number): string {
  const s = pyNumber(n);
  return /^-?[0-9]+$/.test(s) ? `${s}.0` : s;
}

/** Splits a comment into lines of at most `width` characters (words longer than that stay whole). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

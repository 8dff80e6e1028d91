// Small builders over onnx-proto's generated messages, so that buildGraph.ts reads as a list of ops.
import { onnx } from 'onnx-proto';

export const OPSET = 17;
/** IR version 8 goes with opset 17 (ONNX 1.12). */
export const IR_VERSION = 8;

export type Attr = number | number[] | string;

/** Attributes by name: integers and integer lists as INT/INTS, other numbers as FLOAT, strings as STRING. */
export function attrs(a: Record<string, Attr | { float: number }>): onnx.IAttributeProto[] {
  return Object.entries(a).map(([name, v]) => {
    if (typeof v === 'string') return { name, type: onnx.AttributeProto.AttributeType.STRING, s: new TextEncoder().encode(v) };
    if (Array.isArray(v)) return { name, type: onnx.AttributeProto.AttributeType.INTS, ints: v };
    if (typeof v === 'object') return { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: v.float };
    return { name, type: onnx.AttributeProto.AttributeType.INT, i: v };
  });
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function floatTensor(name: string, dims: readonly number[], data: Float32Array): onnx.ITensorProto {
  // rawData is little-endian: on such machines (all that onnxruntime ships for) the array's own bytes
  // are used without a copy (large models hold hundreds of MB of weights).
  let raw: Uint8Array;
  if (LITTLE_ENDIAN) raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  else {
    raw = new Uint8Array(data.byteLength);
    const view = new DataView(raw.buffer);
    for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i]!, true);
  }
  return { name, dims: [...dims], dataType: onnx.TensorProto.DataType.FLOAT, rawData: raw };
}

export function int64Tensor(name: string, values: readonly number[]): onnx.ITensorProto {
  const raw = new Uint8Array(values.length * 8);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return { name, dims: [values.length], dataType: onnx.TensorProto.DataType.INT64, rawData: raw };
}

/** A float tensor value type with named or fixed dims (a string dim is symbolic, e.g. the batch). */
export function floatValueInfo(name: string, dims: Array<number | string>): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

export function encodeModel(model: onnx.IModelProto): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

export { onnx };

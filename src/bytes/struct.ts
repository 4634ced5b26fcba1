import { Parser } from 'binary-parser';
import { AuditError, AuditErrorCode, truncated } from './errors.js';
import type { ByteWriter } from './writer.js';

/**
 * Fixed C structs as `as const` layout tables.
 *
 * A layout names each field with its C name, its type and (for arrays) its element count. From
 * one table come the TypeScript type (`StructOf`), the size, a binary-parser parser for each byte
 * order (compiled once, when the module defining the layout loads, from these constant names
 * only — never from anything read off the wire) and the writer.
 */
export type ScalarType = 'u8' | 'u16' | 'u32' | 'i32' | 'u64';

export interface FieldSpec {
  /** The C member name, used as the property name too. */
  readonly name: string;
  readonly type: ScalarType;
  /** For C arrays (`__u32 mask[64]`): the element count. */
  readonly count?: number;
  /** One line of meaning, for docs. */
  readonly doc?: string;
}

type ScalarValue<T extends ScalarType> = T extends 'u64' ? bigint : number;
type FieldValue<F extends FieldSpec> = F extends { readonly count: number } ? readonly ScalarValue<F['type']>[] : ScalarValue<F['type']>;

/** The decoded shape of a layout: `{ readonly [C name]: number | bigint | readonly number[] }`. */
export type StructOf<L extends readonly FieldSpec[]> = { readonly [F in L[number] as F['name']]: FieldValue<F> };

const SCALAR_SIZE: Record<ScalarType, number> = { u8: 1, u16: 2, u32: 4, i32: 4, u64: 8 };

export function sizeOfLayout(layout: readonly FieldSpec[]): number {
  let n = 0;
  for (const f of layout) n += SCALAR_SIZE[f.type] * (f.count ?? 1);
  return n;
}

/** Offsets of each field, by C name (for docs and for tests that do not trust the codec). */
export function offsetsOfLayout(layout: readonly FieldSpec[]): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  let n = 0;
  for (const f of layout) {
    out[f.name] = n;
    n += SCALAR_SIZE[f.type] * (f.count ?? 1);
  }
  return out;
}

const PARSER_METHOD = { u8: 'uint8', u16: 'uint16', u32: 'uint32', i32: 'int32', u64: 'uint64' } as const;

/**
 * The object binary-parser fills. Its generated code sets `vars.$parent` and `vars.$root` and then
 * deletes them, and deleting a property that is not the last one added turns a V8 object into a
 * slow dictionary (every later read or spread of it is a hash lookup). Here the two are no-op
 * accessors on the prototype, so the assignments and deletes touch no own property, and the
 * instances of a layout all get the same fast shape (fields in C order). The
 * prototype's `constructor` is `Object`, so a decoded struct still compares and prints as a plain
 * object.
 */
function structConstructor(): Function {
  // Empty: binary-parser's generated stores add the fields in C order, the same transitions for
  // every instance, so all instances share one map (in-object slack tracking sizes it).
  function Struct(): void {}
  const proto = Struct.prototype as object;
  const noop = { get: (): null => null, set: (): void => undefined, enumerable: false, configurable: true };
  Object.defineProperty(proto, '$parent', noop);
  Object.defineProperty(proto, '$root', noop);
  Object.defineProperty(proto, 'constructor', { value: Object, enumerable: false, configurable: true, writable: true });
  return Struct;
}

function buildParser(layout: readonly FieldSpec[], endian: 'little' | 'big'): Parser {
  let p = new Parser().endianness(endian).create(structConstructor());
  for (const f of layout) {
    if (f.count !== undefined) {
      const suffix = f.type === 'u8' ? '' : endian === 'little' ? 'le' : 'be';
      const type = `${PARSER_METHOD[f.type]}${suffix}` as 'uint32le';
      p = p.array(f.name, { type, length: f.count });
    } else {
      p = p[PARSER_METHOD[f.type]](f.name);
    }
  }
  return p;
}

export interface StructCodec<T> {
  readonly size: number;
  readonly layout: readonly FieldSpec[];
  /** Decode `size` bytes at the start of `bytes`; `base` is their absolute offset for errors. */
  read(bytes: Uint8Array, littleEndian: boolean, base?: number, path?: string): T;
  write(w: ByteWriter, value: T, path?: string): void;
}

/** Compile a layout once. Call at module load with a constant table. */
export function defineStruct<const L extends readonly FieldSpec[]>(cName: string, layout: L): StructCodec<StructOf<L>> {
  const size = sizeOfLayout(layout);
  const defaultPaths = pathsOf(layout, cName);
  const le = buildParser(layout, 'little');
  const be = buildParser(layout, 'big');
  return {
    size,
    layout,
    read(bytes, littleEndian, base = 0, path = cName) {
      if (bytes.length < size) throw truncated(`struct ${cName}`, base, size, bytes.length, path);
      const view = bytes.length === size ? bytes : bytes.subarray(0, size);
      return (littleEndian ? le : be).parse(view) as StructOf<L>;
    },
    write(w, value, path = cName) {
      const rec = value as Record<string, unknown>;
      // The error paths of the usual call (default path) are made once, not per field per call.
      const paths = path === cName ? defaultPaths : pathsOf(layout, path);
      for (let k = 0; k < layout.length; k++) {
        const f = layout[k]!;
        const v = rec[f.name];
        const fieldPath = paths[k]!;
        if (f.count !== undefined) {
          if (!Array.isArray(v) || v.length !== f.count) {
            throw new AuditError(AuditErrorCode.ENCODE, `${fieldPath.path} must be an array of ${f.count}`, { path: fieldPath.path });
          }
          for (let i = 0; i < f.count; i++) writeScalar(w, f.type, v[i] as number | bigint, fieldPath.elements[i]!);
        } else {
          writeScalar(w, f.type, v as number | bigint, fieldPath.path);
        }
      }
    },
  };
}

interface FieldPath {
  readonly path: string;
  /** `path[i]` of each element of an array field. */
  readonly elements: readonly string[];
}

function pathsOf(layout: readonly FieldSpec[], path: string): FieldPath[] {
  return layout.map((f) => {
    const p = `${path}.${f.name}`;
    return { path: p, elements: f.count === undefined ? [] : Array.from({ length: f.count }, (_, i) => `${p}[${i}]`) };
  });
}

function writeScalar(w: ByteWriter, type: ScalarType, v: number | bigint, path: string): void {
  if (type === 'u64') {
    if (typeof v !== 'bigint') throw new AuditError(AuditErrorCode.ENCODE, `${path} must be a bigint`, { path });
    w.u64(v, path);
    return;
  }
  if (typeof v !== 'number') throw new AuditError(AuditErrorCode.ENCODE, `${path} must be a number`, { path });
  switch (type) {
    case 'u8':
      w.u8(v, path);
      return;
    case 'u16':
      w.u16(v, path);
      return;
    case 'u32':
      w.u32(v, path);
      return;
    case 'i32':
      w.i32(v, path);
      return;
  }
}

import * as zlib from 'node:zlib';

let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  return table;
}

/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) computed with a lookup table — the
 * fallback for Node versions before 20.15, which lack `zlib.crc32`.
 */
export function tableCrc32(data: Uint8Array): number {
  const t = crcTable();
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = t[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * CRC-32 of `data` as an unsigned 32-bit integer: `zlib.crc32` where Node has it (added in
 * v20.15.0 / v22.2.0), else {@link tableCrc32}; both give the same value.
 * @see https://nodejs.org/api/zlib.html#zlibcrc32data-value
 */
export const crc32: (data: Uint8Array) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (data) => zlib.crc32(data) >>> 0 : tableCrc32;

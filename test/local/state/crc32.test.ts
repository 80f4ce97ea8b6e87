import { describe, expect, it } from 'vitest';
import { crc32, tableCrc32 } from '../../../local/state/index.js';

describe('crc32', () => {
  it('gives the CRC-32 check value of "123456789"', () => {
    // GIVEN the standard check input  WHEN hashed  THEN 0xCBF43926 (the CRC-32/ISO-HDLC check value)
    const input = Buffer.from('123456789', 'ascii');
    expect(crc32(input)).toBe(0xcbf43926);
    expect(tableCrc32(input)).toBe(0xcbf43926);
  });

  it('the table fallback agrees with the one in use on varied inputs', () => {
    // GIVEN inputs of many lengths and byte values
    const inputs = [Buffer.alloc(0), Buffer.from([0]), Buffer.from([0xff, 0xfe]), Buffer.from('hookbridge journal'.repeat(50))];
    for (let n = 0; n < 64; n++) inputs.push(Buffer.from(Array.from({ length: n * 7 }, (_, i) => (i * 31 + n) & 0xff)));
    // WHEN both compute THEN they agree and stay unsigned
    for (const input of inputs) {
      expect(tableCrc32(input)).toBe(crc32(input));
      expect(crc32(input)).toBeGreaterThanOrEqual(0);
    }
  });
});

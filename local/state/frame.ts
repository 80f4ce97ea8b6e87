import { crc32 } from './crc32.js';
import { FRAME_HEADER_BYTES, FRAME_MAGIC, MAX_FRAME_PAYLOAD_BYTES } from './constants.js';
import type { FrameDamage, FrameScan } from './types.js';

const MAGIC_BYTES = Buffer.alloc(4);
MAGIC_BYTES.writeUInt32BE(FRAME_MAGIC, 0);

/**
 * Frames one payload: magic, length and CRC-32 of the payload (all u32 big-endian), then the
 * payload. The length lets recovery find where a record ends; the CRC tells a record that was
 * written whole from one torn by a crash or damaged on disk.
 */
export function encodeFrame(payload: Buffer): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.length);
  frame.writeUInt32BE(FRAME_MAGIC, 0);
  frame.writeUInt32BE(payload.length, 4);
  frame.writeUInt32BE(crc32(payload), 8);
  payload.copy(frame, FRAME_HEADER_BYTES);
  return frame;
}

type FrameAttempt = { readonly ok: true; readonly payload: Buffer; readonly end: number } | { readonly ok: false; readonly reason: string };

function readFrameAt(data: Buffer, offset: number): FrameAttempt {
  const available = data.length - offset;
  if (available < FRAME_HEADER_BYTES) {
    return { ok: false, reason: `incomplete frame header (${available} of ${FRAME_HEADER_BYTES} bytes)` };
  }
  if (data.readUInt32BE(offset) !== FRAME_MAGIC) return { ok: false, reason: 'bad frame magic' };
  const length = data.readUInt32BE(offset + 4);
  if (length === 0 || length > MAX_FRAME_PAYLOAD_BYTES) return { ok: false, reason: `invalid payload length ${length}` };
  const end = offset + FRAME_HEADER_BYTES + length;
  if (end > data.length) {
    return { ok: false, reason: `record of ${length} bytes extends ${end - data.length} bytes past the end of the file` };
  }
  const payload = data.subarray(offset + FRAME_HEADER_BYTES, end);
  const expected = data.readUInt32BE(offset + 8);
  const actual = crc32(payload);
  if (actual !== expected) {
    return { ok: false, reason: `CRC-32 mismatch (stored ${hex(expected)}, computed ${hex(actual)})` };
  }
  return { ok: true, payload, end };
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

/** Whether an intact frame starts anywhere after `offset`: then the damage is not a torn tail. */
function intactFrameAfter(data: Buffer, offset: number): number | undefined {
  for (let at = data.indexOf(MAGIC_BYTES, offset + 1); at !== -1; at = data.indexOf(MAGIC_BYTES, at + 1)) {
    if (readFrameAt(data, at).ok) return at;
  }
  return undefined;
}

/**
 * Reads consecutive frames from the start of `data` and stops at the first damaged one. The scan
 * reports where the intact prefix ends and, if a frame is damaged, whether intact frames follow
 * it: a crash can only tear the end of what was being written, so damage followed by intact
 * records is corruption, while damage running to the end of the file is a torn tail.
 */
export function scanFrames(data: Buffer): FrameScan {
  const frames: Array<{ offset: number; payload: Buffer }> = [];
  let offset = 0;
  while (offset < data.length) {
    const attempt = readFrameAt(data, offset);
    if (!attempt.ok) {
      const nextIntactOffset = intactFrameAfter(data, offset);
      const damage: FrameDamage = { offset, reason: attempt.reason, nextIntactOffset };
      return { frames, intactEnd: offset, damage };
    }
    frames.push({ offset, payload: attempt.payload });
    offset = attempt.end;
  }
  return { frames, intactEnd: offset, damage: undefined };
}

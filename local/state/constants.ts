/** File names, framing and limits of the state directory (`STATE_DIR`). */

/** The lock file that keeps a second runtime out of a state directory; holds the owner's PID. */
export const LOCK_FILE_NAME = 'hookbridge.lock';

/** The latest durable snapshot. */
export const SNAPSHOT_FILE_NAME = 'snapshot.hbj';

/** Where a snapshot is written before the atomic rename to {@link SNAPSHOT_FILE_NAME}. */
export const SNAPSHOT_TEMP_FILE_NAME = 'snapshot.hbj.tmp';

/** Journal segment files: `segment-0000000001.hbj`, numbered in write order. */
export const SEGMENT_FILE_PATTERN = /^segment-(\d{10})\.hbj$/;

/** Digits of a segment number in its file name. */
export const SEGMENT_NUMBER_DIGITS = 10;

/**
 * First four bytes of every frame ("HBJ1"): the format version, and a resynchronisation point when
 * recovery looks past a damaged frame for intact ones.
 */
export const FRAME_MAGIC = 0x48424a31;

/** Frame header: magic (u32 BE), payload length (u32 BE), CRC-32 of the payload (u32 BE). */
export const FRAME_HEADER_BYTES = 12;

/**
 * Largest payload a frame may carry. A header claiming more is damage, not data; it also bounds
 * what recovery allocates for one record.
 */
export const MAX_FRAME_PAYLOAD_BYTES = 512 * 1024 * 1024;

/**
 * Journal size (bytes in live segments) above which the runtime should call
 * {@link Journal.checkpoint} to compact it into a snapshot.
 */
export const DEFAULT_COMPACTION_THRESHOLD_BYTES = 64 * 1024 * 1024;

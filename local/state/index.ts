export { Journal } from './Journal.js';
export { recover } from './recover.js';
export { StateDirLock } from './StateDirLock.js';
export { crc32, tableCrc32 } from './crc32.js';
export { InvalidRecordError, JournalClosedError, JournalCorruptError, JournalWriteError, StateDirLockedError, StateError } from './errors.js';
export {
  DEFAULT_COMPACTION_THRESHOLD_BYTES,
  LOCK_FILE_NAME,
  MAX_FRAME_PAYLOAD_BYTES,
  SNAPSHOT_FILE_NAME,
} from './constants.js';
export type { JournalEntry, JournalOptions, JournalStats, OpenFile, RecoveredState, RecoverOptions, TornTail } from './types.js';

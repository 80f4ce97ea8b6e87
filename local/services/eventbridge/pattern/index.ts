export { EventPattern } from './EventPattern.js';
export { InvalidEventPatternError, INVALID_EVENT_PATTERN_EXCEPTION } from './errors.js';

/**
 * Most messages one recording holds (~390 MB at ~390 bytes each, kept in the worker's memory until saved): at
 * 20,000 messages/s that is 50 s of a 2,000-AGV fleet, at 40 AGVs × 10 Hz 42 minutes. Past it the recording
 * stops growing and says so; what it holds is kept.
 */
export const RECORDING_LIMIT = 1_000_000;

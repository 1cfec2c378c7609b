/*
 * The trace file's size limit and the sentence that refuses a bigger one, apart from the schema
 * (recording-schema.ts) so the export card can check a size without loading zod: the reader and
 * its schema load only when a person picks or drops a file.
 */

/** The largest trace file a page loads back: a 10,000-frame run with a 200-character template fits. */
export const MAX_RECORDING_BYTES = 16 * 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Why a file of this many bytes is not read at all, or null when its size is fine. */
export function recordingSizeProblem(bytes: number): string | null {
  return bytes > MAX_RECORDING_BYTES
    ? `This file is ${megabytes(bytes)}: a trace this page can load is at most ${megabytes(MAX_RECORDING_BYTES)}. Load a trace downloaded from Stepstream.`
    : null;
}

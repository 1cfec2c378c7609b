/**
 * Stepstream's own additions to the wire, shared by the server and the client.
 * The default stream carries none of them: it is the seed's bytes exactly.
 */

/** The event that tells a step-mode client its stream's id; only that client ever sees it. */
export const STREAM_ID_EVENT = 'stepstream-id';

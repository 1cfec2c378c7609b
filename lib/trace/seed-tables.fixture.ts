/**
 * The seed lesson's two tables, transcribed cell for cell from its page
 * ("Server-Sent Events in Flask, step by step"). Tests compare what Stepstream builds against these.
 */
export const SEED_EXECUTION_TABLE = [
  ['1', 'Start event_stream generator', 'None', '0', 'Open'],
  ['2', "Yield 'data: Message 0\\n\\n'", 'Message 0', '1', 'Open'],
  ['3', "Yield 'data: Message 1\\n\\n'", 'Message 1', '1', 'Open'],
  ['4', "Yield 'data: Message 2\\n\\n'", 'Message 2', '1', 'Open'],
  ['5', 'Generator ends', 'None', '0', 'Closed'],
];

export const SEED_VARIABLE_TRACKER = [
  ['Variable', 'Start', 'After 1', 'After 2', 'After 3', 'Final'],
  ['i', 'None', '0', '1', '2', 'End'],
  ['Connection State', 'Open', 'Open', 'Open', 'Open', 'Closed'],
];

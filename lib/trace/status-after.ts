import type { ConnectionStatus, StreamEvent } from './types';

/**
 * The status an event leaves the connection in: the lesson's own run and a room's run (which every
 * screen folds from the room's log) agree on it.
 */
export function statusAfter(event: StreamEvent): ConnectionStatus {
  switch (event.type) {
    case 'open':
    case 'frame':
      return 'open';
    case 'reconnect':
      return 'connecting'; // as EventSource's readyState says while it waits to reconnect
    case 'end':
      return 'closed';
    case 'error':
      return 'error';
  }
}

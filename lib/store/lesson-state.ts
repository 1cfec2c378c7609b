import type { DraftField, ParamsDraft } from '@/lib/contract/draft';
import type { StreamEnd, StreamMode, StreamParams } from '@/lib/contract/params';
import type { Cursor } from '@/lib/trace/cursor';
import type { TableHighlight } from '@/lib/trace/highlight';
import type { ConnectionStatus, StreamEvent } from '@/lib/trace/types';
import type { WireLog } from '@/lib/lab/wire-log';
import type { LessonAudience } from '@/lib/lesson/narration';
import type { RoomState } from '@/lib/room/state';
import type { ScheduleFlush } from './next-frame';
import type { Transport } from './stream-connection-types';

/** The lesson store's shape: what it holds (nothing derived) and what it can do. */

export interface LessonState {
  /** The form as typed, valid or not: nothing a person typed is lost. */
  draft: ParamsDraft;
  /** Whether Run was pressed with invalid input, so every field's message shows. */
  showAllErrors: boolean;
  status: ConnectionStatus;
  /** The parameters the current (or last) run was started with; null before any run. */
  runParams: StreamParams | null;
  /** Everything observed on the wire in this run, in order. */
  events: readonly StreamEvent[];
  /** How many rows of the trace are shown (replay); null follows the live end. */
  cursor: Cursor;
  /** The running step-mode stream's id, which only this client knows; null otherwise. */
  stepStreamId: string | null;
  /** Table cells pointed at by a Key Moment or a quiz hint. */
  highlight: TableHighlight | null;
  /** Presenter mode: large type, only code, tables and diagram. */
  presenting: boolean;
  /** Who is watching: this page's own run, or a classroom's presenter or student (the words change, not the trace). */
  audience: LessonAudience;
  /** How the next run reads the stream: `fetch` (the bytes are seen) or the browser's EventSource. */
  transport: Transport;
  /** With EventSource: the page closes it after the run's last message (`n` of them), as a client that counts would. */
  closeAfterLast: boolean;
  /** How the current (or last) run reads it; null before any run. */
  runTransport: Transport | null;
  /** The current run's bytes, for the wire panel (fetch runs only). */
  wire: WireLog;
  actions: LessonActions;
}

export interface LessonActions {
  editDraft: (field: DraftField, value: string) => void;
  setMode: (mode: StreamMode) => void;
  /** The stream lab's switches: ids on every frame, and how the stream ends. */
  setIds: (ids: boolean) => void;
  setEnd: (end: StreamEnd) => void;
  /** Validates the form and, if it is valid, opens a stream with it. Returns whether it started. */
  run: () => boolean;
  /** Disconnects: the server's generator stops, the table records the Stop. */
  stop: () => void;
  /** Disconnects if needed and clears the run, keeping the form. */
  reset: () => void;
  /** In step mode, lets the server's generator yield its next frame. */
  step: () => void;
  /** Shows the trace as it was after `cursor` rows; null follows the live end. */
  seek: (cursor: Cursor) => void;
  /** One step on: the next recorded row, else the server's next frame in step mode, else Run. */
  next: () => void;
  /** One recorded row back. */
  back: () => void;
  /** Points at table cells (null to clear). */
  setHighlight: (highlight: TableHighlight | null) => void;
  setPresenting: (presenting: boolean) => void;
  /** Puts back what a share link holds: the form, and the step to show. */
  restore: (restored: { draft: ParamsDraft; cursor: Cursor; presenting: boolean; transport: Transport; closeAfterLast: boolean }) => void;
  setTransport: (transport: Transport) => void;
  setCloseAfterLast: (closeAfterLast: boolean) => void;
  /** Breaks the live connection as a network would (the resume lab); false when there is none. */
  cut: () => boolean;
  /** Empties the wire panel (the run goes on). */
  clearWire: () => void;
  /** Shows a downloaded run again (a trace file): any live run is disconnected, the timeline starts at its first step. */
  loadRecording: (recording: { params: StreamParams; events: readonly StreamEvent[] }) => void;
  /**
   * Shows a classroom's run (lib/room/state.ts): its parameters, everything its generator did and
   * its state; the presenter's step while `following`; the run's parameters in the form when
   * `newRun` (in between, the form is the presenter's to edit).
   */
  showRoom: (room: RoomState, view: { following: boolean; newRun: boolean }) => void;
}

export interface LessonStoreOptions {
  draft?: ParamsDraft;
  /** Where a share link opens the lesson (read on the server, so the first render is already right). */
  cursor?: Cursor;
  presenting?: boolean;
  transport?: Transport;
  closeAfterLast?: boolean;
  audience?: LessonAudience;
  /** Test seams: the network, the clock and the once-per-frame scheduler. */
  fetchImpl?: typeof fetch;
  now?: () => number;
  scheduleFlush?: ScheduleFlush;
  streamUrl?: string;
}

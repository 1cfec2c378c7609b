import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/contract/params';
import { emptyTrace, reduceEvents } from '@/lib/trace/reduce';
import { readRecording } from './import';
import { createRecording, recordingFileName, recordingJson } from './recording';
import { EXPORTED_AT, SEED_RUN_EVENTS } from './runs.fixture';

describe('createRecording', () => {
  it('holds the parameters, every event, every row with its arrival time, and the raw frames', () => {
    const recording = createRecording({ params: DEFAULT_PARAMS, events: SEED_RUN_EVENTS }, EXPORTED_AT);
    expect(recording).toMatchObject({ format: 'stepstream-trace', version: 1, exportedAt: EXPORTED_AT, params: DEFAULT_PARAMS });
    expect(recording.events).toEqual(SEED_RUN_EVENTS);
    expect(recording.rows.map((row) => [row.step, row.atMs])).toEqual([
      [1, 0],
      [2, 2.5],
      [3, 1005],
      [4, 2007.5],
      [5, 3010],
    ]);
    expect(recording.frames).toEqual([
      { step: 2, atMs: 2.5, text: 'data: Message 0\n\n' },
      { step: 3, atMs: 1005, text: 'data: Message 1\n\n' },
      { step: 4, atMs: 2007.5, text: 'data: Message 2\n\n' },
    ]);
  });
});

describe('recordingJson', () => {
  it('writes one event, row or frame per line, and parses back to the same recording', () => {
    const recording = createRecording({ params: DEFAULT_PARAMS, events: SEED_RUN_EVENTS }, EXPORTED_AT);
    const json = recordingJson(recording);
    expect(JSON.parse(json)).toEqual(recording);
    expect(json.split('\n')).toContain('    {"type":"frame","atMs":1005,"data":"Message 1"},');
    expect(json.split('\n')).toContain(
      '    {"step":5,"kind":"end","action":"Generator ends","dataSent":null,"sleepSeconds":0,"connection":"Closed","i":2,"atMs":3010,"frame":null}',
    );
  });

  it('round-trips through import: the events it loads rebuild the same rows', () => {
    const recording = createRecording({ params: DEFAULT_PARAMS, events: SEED_RUN_EVENTS }, EXPORTED_AT);
    const loaded = readRecording(recordingJson(recording));
    expect(loaded).toEqual({ ok: true, recording });
    if (!loaded.ok) return;
    expect(reduceEvents(emptyTrace(loaded.recording.params), loaded.recording.events).rows).toEqual(recording.rows);
  });
});

describe('recordingFileName', () => {
  it("names the file by the run's range and the day it was exported", () => {
    expect(recordingFileName({ n: 3 }, EXPORTED_AT, 'json')).toBe('stepstream-run-n3-2026-11-25.json');
    expect(recordingFileName({ n: 10000 }, EXPORTED_AT, 'svg')).toBe('stepstream-run-n10000-2026-11-25.svg');
  });

  it('leaves the day out when the export time is not an ISO date', () => {
    expect(recordingFileName({ n: 3 }, 'yesterday', 'csv')).toBe('stepstream-run-n3.csv');
  });
});

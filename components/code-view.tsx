'use client';

import { useId, useState } from 'react';
import { fillSlots, type CodeToken } from '@/lib/code/slots';
import { sampleSummary } from '@/lib/lesson/content';
import { flaskSlotFills, type CodePosition, type CodeSlot } from '@/lib/lesson/flask-code';
import { DEFAULT_PARAMS, isStepMode, type StreamParams } from '@/lib/stream/params';
import { selectDraftResult } from '@/lib/store/selectors';
import { useLessonStore } from './lesson-store-provider';
import { useCodePosition } from './use-code-position';

/** A file as the server highlighted it, with its parameter slots and the line for each position. */
export interface CodeFile {
  name: string;
  /** The file's own number for the first line shown (an excerpt starts mid-file). */
  firstLine: number;
  lines: CodeToken[][];
  slots: CodeSlot[];
  positions: Partial<Record<CodePosition, number>>;
}

const POSITION_NOTES: Record<CodePosition, string> = {
  request: 'request arrives: the view returns a Response around the generator',
  start: 'the generator starts: the loop begins',
  yield: 'yield: a frame leaves the server',
  sleep: 'sleeping: the connection stays open',
  end: 'the loop is done: the generator ends and the connection closes',
};

type Tab = 'python' | 'typescript';

/** Code with the executing line lit, following the run's parameters (or the form's, before a run). */
export function CodeView({ flask, typescript }: { flask: CodeFile; typescript: CodeFile[] }) {
  const [tab, setTab] = useState<Tab>('python');
  const position = useCodePosition();
  const runParams = useLessonStore((state) => state.runParams);
  const draft = useLessonStore(selectDraftResult);
  const params: StreamParams = runParams ?? (draft.ok ? draft.params : DEFAULT_PARAMS);
  const baseId = useId();

  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'python', label: 'Flask (Python)' },
    { id: 'typescript', label: 'This app (TypeScript)' },
  ];
  return (
    <div className="code-view">
      <p className="muted">{sampleSummary(params)}</p>
      <div role="tablist" aria-label="Generator source" className="code-tabs">
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            role="tab"
            id={`${baseId}-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`${baseId}-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className="code-tab"
            onClick={() => setTab(id)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') setTab(tab === 'python' ? 'typescript' : 'python');
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${baseId}-panel-${tab}`} aria-labelledby={`${baseId}-tab-${tab}`} className="code-tabpanel">
        {(tab === 'python' ? [flask] : typescript).map((file) => (
          <CodeBlock key={file.name} file={file} params={params} position={position} />
        ))}
      </div>
      <p className="code-note" aria-live="polite">
        {position === 'sleep' && isStepMode(params)
          ? 'sleeping until the presenter presses Step: the connection stays open'
          : position
            ? POSITION_NOTES[position]
            : 'Press Run to execute the generator.'}
      </p>
    </div>
  );
}

function CodeBlock({ file, params, position }: { file: CodeFile; params: StreamParams; position: CodePosition | null }) {
  const activeLine = position === null ? undefined : file.positions[position];
  return (
    <figure className="code-block">
      <figcaption className="code-file">{file.name}</figcaption>
      <pre className="code-pre" tabIndex={0}>
        <code>
          {file.lines.map((tokens, line) => {
            const fills = flaskSlotFills(file.slots, line, params);
            const active = line === activeLine;
            return (
              <span key={line} className={active ? 'code-line code-line-active' : 'code-line'} data-line={file.firstLine + line} aria-current={active ? 'step' : undefined}>
                <span className="code-gutter" aria-hidden="true">
                  {file.firstLine + line}
                </span>
                {fillSlots(tokens, fills).map((token, k) => (
                  <span key={k} style={token.style}>
                    {token.text}
                  </span>
                ))}
                {'\n'}
              </span>
            );
          })}
        </code>
      </pre>
    </figure>
  );
}

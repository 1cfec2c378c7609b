'use client';

import { useId, useRef, useState } from 'react';
import { fillSlots, type CodeToken } from '@/lib/code/slots';
import { flaskSlotFills, flaskVariant, flaskVariantKey, type CodePosition, type CodeSlot } from '@/lib/code/flask-slots';
import { DEFAULT_PARAMS, type StreamEnd, type StreamParams } from '@/lib/contract/params';
import { selectDraftResult } from '@/lib/store/selectors';
import { useLessonStore } from '../lesson/lesson-store-provider';
import { useCodePosition } from './use-code-position';
import { useKeepInView } from '../ui/use-keep-in-view';
import './code-view.css';

/** A file as the server highlighted it, with its parameter slots and the line for each position. */
export interface CodeFile {
  name: string;
  /** Each shown line's own number in its file (an excerpt starts mid-file). */
  lineNumbers: number[];
  lines: CodeToken[][];
  slots: CodeSlot[];
  positions: Partial<Record<CodePosition, number>>;
  /** Shown only when the stream ends this way (the lines that ending adds). */
  onlyWhenEnd?: StreamEnd;
}

type Tab = 'python' | 'typescript';

/** Code with the executing line lit, following the run's parameters (or the form's, before a run). */
export function CodeView({ flask, typescript }: { flask: Record<string, CodeFile>; typescript: CodeFile[] }) {
  const [tab, setTab] = useState<Tab>('python');
  const position = useCodePosition();
  const runParams = useLessonStore((state) => state.runParams);
  const draft = useLessonStore(selectDraftResult);
  const params: StreamParams = runParams ?? (draft.ok ? draft.params : DEFAULT_PARAMS);
  const baseId = useId();
  const panel = useRef<HTMLDivElement>(null);
  // The code box may be shorter than the file (a phone, the TypeScript tab): keep the line in view.
  useKeepInView(panel, '.code-line-active', `${tab}:${position}`);

  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'python', label: 'Flask (Python)' },
    { id: 'typescript', label: 'This app (TypeScript)' },
  ];
  return (
    <div className="code-view">
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
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              const other: Tab = tab === 'python' ? 'typescript' : 'python';
              setTab(other);
              document.getElementById(`${baseId}-tab-${other}`)?.focus();
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        ref={panel}
        role="tabpanel"
        id={`${baseId}-panel-${tab}`}
        aria-labelledby={`${baseId}-tab-${tab}`}
        className="code-tabpanel"
        data-stage-part="code"
      >
        {(tab === 'python'
          ? [flask[flaskVariantKey(flaskVariant(params))]!]
          : typescript.filter((file) => file.onlyWhenEnd === undefined || file.onlyWhenEnd === (params.end ?? 'close'))
        ).map((file) => (
          <CodeBlock key={file.name} file={file} params={params} position={position} />
        ))}
      </div>
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
              <span
                key={line}
                className={active ? 'code-line code-line-active' : 'code-line'}
                data-line={file.lineNumbers[line]}
                aria-current={active ? 'step' : undefined}
              >
                <span className="code-gutter" aria-hidden="true">
                  {file.lineNumbers[line]}
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

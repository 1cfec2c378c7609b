'use client';

import { useId, useState } from 'react';
import { EventSourceLab } from './event-source-lab';
import { ResumeLab } from './resume-lab';
import { WirePanel } from './wire-panel';
import './lab.css';

const TABS = [
  { id: 'wire', label: 'On the wire', Panel: WirePanel },
  { id: 'eventsource', label: 'EventSource', Panel: EventSourceLab },
  { id: 'resume', label: 'Resume', Panel: ResumeLab },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** The stream lab: the run's bytes, the browser's own client and its reconnect loop, and resuming after a cut. */
export function StreamLab() {
  const [tab, setTab] = useState<TabId>('wire');
  const baseId = useId();
  const selected = TABS.find((candidate) => candidate.id === tab)!;
  return (
    <div className="stream-lab">
      <div role="tablist" aria-label="Stream lab" className="code-tabs">
        {TABS.map(({ id, label }, index) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`${baseId}-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === id ? 0 : -1}
            className="code-tab"
            onClick={() => setTab(id)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
              setTab(next.id);
              document.getElementById(`${baseId}-tab-${next.id}`)?.focus();
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`} className="lab-panel">
        <selected.Panel />
      </div>
    </div>
  );
}

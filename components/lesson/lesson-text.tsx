import './lesson-text.css';
import { CONCEPT_FLOW, CONCEPT_FLOW_SUMMARY, CONCEPT_SNAPSHOT, FULL_TRANSCRIPT } from '@/lib/lesson/content';

/** The seed's Concept Flow, Concept Snapshot and Full Transcript, as text to read around the run. */
export function LessonText() {
  return (
    <div className="lesson-text">
      <section aria-labelledby="flow-heading" className="card">
        <h2 id="flow-heading">Concept Flow</h2>
        <ol className="flow-steps">
          {CONCEPT_FLOW.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <p className="muted">{CONCEPT_FLOW_SUMMARY}</p>
      </section>
      <section aria-labelledby="snapshot-heading" className="card">
        <h2 id="snapshot-heading">Concept Snapshot</h2>
        <ul>
          {CONCEPT_SNAPSHOT.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="transcript-heading" className="card">
        <h2 id="transcript-heading">Full Transcript</h2>
        <p>{FULL_TRANSCRIPT}</p>
      </section>
    </div>
  );
}

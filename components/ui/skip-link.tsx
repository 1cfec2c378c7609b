import './skip-link.css';

/**
 * "Skip to the lesson": the page's first Tab stop, hidden until focused, for keyboard and
 * screen-reader users to pass whatever comes before the lesson. Its target needs
 * `tabIndex={-1}` so the browser moves focus there, not only the scroll position.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  return (
    <a className="skip-link" href={`#${targetId}`}>
      Skip to the lesson
    </a>
  );
}

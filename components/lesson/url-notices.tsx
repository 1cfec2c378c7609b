'use client';

import { useState } from 'react';

/** What a share link asked for that could not be (an invalid value, a step outside the run), said once. */
export function UrlNotices({ notices }: { notices: readonly string[] }) {
  const [shown, setShown] = useState(notices.length > 0);
  if (!shown) return null;
  return (
    <div className="notice url-notice" role="status">
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      <button type="button" className="link-button" onClick={() => setShown(false)}>
        Dismiss
      </button>
    </div>
  );
}

'use client';

import { useState, type FormEvent } from 'react';
import { ROOM_CODE_LENGTH, readRoomCode } from '@/lib/room/code';

/** Where a student types the code on the presenter's screen; a typo is named inline, and what was typed stays. */
export function JoinForm({ initialCode = '', initialError = null }: { initialCode?: string; initialError?: string | null }) {
  const [typed, setTyped] = useState(initialCode);
  const [error, setError] = useState<string | null>(initialError);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reading = readRoomCode(typed);
    if (!reading.ok) return setError(reading.error);
    window.location.assign(`/join/${reading.code}`);
  }
  return (
    <form className="join-form" method="get" action="/join" onSubmit={onSubmit} noValidate aria-label="Join a room">
      <label htmlFor="room-code">Room code</label>
      <input
        id="room-code"
        name="code"
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setError(null);
        }}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={ROOM_CODE_LENGTH * 2}
        aria-invalid={error !== null || undefined}
        aria-describedby="room-code-error"
        className="join-code-input"
      />
      <button type="submit" className="button button-primary">
        Join
      </button>
      <p id="room-code-error" className="room-command-error" role="alert">
        {error}
      </p>
    </form>
  );
}

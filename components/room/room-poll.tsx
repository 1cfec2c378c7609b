'use client';

import { roomAnswered } from '@/lib/room/refusals';
import { useState } from 'react';
import { readRefusal } from '@/lib/http/read-refusal';
import type { RoomPollState } from '@/lib/room/state';
import { useRoomContext } from './room-driver';

/** The presenter's poll: open the room's next question, watch the answers come in, reveal, download. */
export function PresenterPoll() {
  const { room, present, command, code } = useRoomContext();
  const poll = room.poll;
  const open = poll !== null && !poll.closed;
  return (
    <div className="room-poll">
      <div className="run-controls" role="group" aria-label="Poll controls">
        <button type="button" className="button button-primary" onClick={() => void command({ type: 'poll-open' })}>
          {poll ? 'Next question' : 'Open a poll'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void command({ type: 'poll-reveal' })}
          aria-disabled={!open || poll?.reveal !== null || undefined}
        >
          Reveal
        </button>
        <a className="button" href={`/api/rooms/${code}/results`} download>
          Download results (CSV)
        </a>
      </div>
      {poll ? (
        <PollQuestion poll={poll} showCounts present={present} answerable={false} />
      ) : (
        <p>
          A poll asks the whole room one question about the run on screen; each student answers once, and Reveal shows the answer on every
          screen.
        </p>
      )}
    </div>
  );
}

/** A student's poll: the question, one answer, and after Reveal the answer and why. */
export function StudentPoll() {
  const { room, code } = useRoomContext();
  const poll = room.poll;
  const [chosen, setChosen] = useState<{ pollId: string; letter: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!poll) return <p>When the presenter opens a poll, its question appears here.</p>;
  const mine = chosen?.pollId === poll.question.id ? chosen.letter : null;
  const closed = poll.reveal !== null || poll.closed;

  async function answer(letter: string) {
    if (mine || closed || !poll) return;
    setError(null);
    const response = await fetch(`/api/rooms/${code}/answers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pollId: poll.question.id, choice: letter }),
    }).catch(() => null);
    if (!response) return setError('Your answer did not reach the room: try again.');
    if (!response.ok) return setError((await readRefusal(response, roomAnswered)).error);
    const body = (await response.json().catch(() => ({}))) as { recorded?: boolean };
    setChosen({ pollId: poll.question.id, letter });
    if (body.recorded === false) setError('This browser had already answered this question: the first answer is the one that counts.');
  }

  return (
    <div className="room-poll">
      <PollQuestion
        poll={poll}
        showCounts={poll.reveal !== null}
        present={null}
        mine={mine}
        answerable
        onAnswer={closed || mine ? undefined : answer}
      />
      {mine && !poll.reveal && <p role="status">Answer sent: {mine}. Wait for the presenter to reveal it.</p>}
      {poll.reveal && mine && (
        <p role="status" className={mine === poll.reveal.answer ? 'poll-right' : 'poll-wrong'}>
          {mine === poll.reveal.answer ? 'You were right.' : `You answered ${mine}; the answer is ${poll.reveal.answer}.`}
        </p>
      )}
      {error && (
        <p role="alert" className="room-command-error">
          {error}
        </p>
      )}
    </div>
  );
}

function PollQuestion({
  poll,
  showCounts,
  present,
  mine = null,
  answerable,
  onAnswer,
}: {
  poll: RoomPollState;
  showCounts: boolean;
  present: number | null;
  mine?: string | null;
  /** A student's options are buttons (unavailable once answered); the presenter's are text. */
  answerable: boolean;
  onAnswer?: (letter: string) => void;
}) {
  const most = Math.max(1, ...poll.counts);
  return (
    <div role="group" aria-labelledby={`poll-${poll.question.id}`}>
      <p id={`poll-${poll.question.id}`} className="poll-prompt">
        {poll.question.prompt}
      </p>
      <ul className="poll-options">
        {poll.question.options.map((option, index) => {
          const count = poll.counts[index] ?? 0;
          const isAnswer = poll.reveal?.answer === option.letter;
          return (
            <li key={option.letter} className={`poll-option${isAnswer ? ' poll-answer' : ''}`}>
              {answerable ? (
                <button
                  type="button"
                  className="button poll-choice"
                  onClick={() => onAnswer?.(option.letter)}
                  aria-disabled={!onAnswer || undefined}
                  aria-pressed={mine === option.letter}
                >
                  <OptionText letter={option.letter} text={option.text} isAnswer={isAnswer} />
                </button>
              ) : (
                <span className="poll-choice poll-choice-static">
                  <OptionText letter={option.letter} text={option.text} isAnswer={isAnswer} />
                </span>
              )}
              {showCounts && (
                <span className="poll-bar" role="img" aria-label={`${count} chose ${option.letter}`}>
                  <span className="poll-bar-track" aria-hidden="true">
                    <span className="poll-bar-fill" style={{ inlineSize: `${(count / most) * 100}%` }} />
                  </span>
                  <span className="poll-count" aria-hidden="true">
                    {count}
                  </span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {showCounts && (
        <p className="poll-answered">
          {poll.answered} answered{present !== null ? ` of ${present} present` : ''}
        </p>
      )}
      {poll.reveal && <p className="poll-why">{poll.reveal.explanation}</p>}
    </div>
  );
}

function OptionText({ letter, text, isAnswer }: { letter: string; text: string; isAnswer: boolean }) {
  return (
    <>
      <span className="poll-letter">{letter}</span> {text}
      {isAnswer && <span className="poll-mark"> ✓ the answer</span>}
    </>
  );
}

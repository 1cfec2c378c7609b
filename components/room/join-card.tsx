'use client';

import { useState } from 'react';
import { useRoomContext } from './room-driver';
import { RoomLinkStatus } from './room-status';

/**
 * How to join: the code large, a QR code for the back row, the address. Once the presenter has
 * run something the card folds to one line, so the stage fits the screen; it opens again for
 * latecomers.
 */
export function JoinCard({ join, qrSvg }: { join: string; qrSvg: string }) {
  const { code, room } = useRoomContext();
  const [opened, setOpened] = useState(false);
  const folded = room.params !== null && !opened;
  const joinPage = join.replace(/\/join\/.*$/, '/join');
  return (
    <section className="card room-join" data-folded={folded || undefined} aria-labelledby="join-heading">
      <div className="room-join-head">
        <h2 id="join-heading">
          Join this room
          {folded && (
            <span className="room-join-inline">
              : {joinPage} · code <span className="room-code">{code}</span>
            </span>
          )}
        </h2>
        {room.params !== null && (
          <button type="button" className="button button-small" aria-expanded={!folded} onClick={() => setOpened(folded)}>
            {folded ? 'Show the QR code' : 'Fold'}
          </button>
        )}
      </div>
      {!folded && (
        <div className="room-join-body">
          <div className="room-qr" role="img" aria-label={`QR code for ${join}`} dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <div>
            <p>
              Open <strong className="room-join-url">{joinPage}</strong> and type
            </p>
            <p className="room-code room-code-large" aria-label={`Code ${[...code].join(' ')}`}>
              {code}
            </p>
            <p>
              or go straight to <a href={join}>{join}</a>
            </p>
          </div>
        </div>
      )}
      <RoomLinkStatus />
    </section>
  );
}

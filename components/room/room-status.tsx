'use client';

import { SwitchButton } from '../ui/switch-button';
import { useRoomContext } from './room-driver';

const LINK_TEXT = {
  connecting: 'Connecting to the room…',
  open: 'Live',
  reconnecting: 'Connection lost: reconnecting (nothing will be missed)…',
  gone: 'Not connected',
} as const;

/** The page's own link to the room, and how many students are in it. */
export function RoomLinkStatus() {
  const { link, present, problem, role } = useRoomContext();
  return (
    <div className="room-status" role="status">
      <span className={`room-link room-link-${link}`}>{LINK_TEXT[link]}</span>
      {present !== null && (
        <span className="room-present">
          {present} {present === 1 ? 'student' : 'students'} {role === 'presenter' ? 'following' : 'in the room'}
        </span>
      )}
      {problem && <span className="room-problem">{problem}</span>}
    </div>
  );
}

/** A student's Follow switch: on, the page shows the presenter's step; off, the student explores the run alone. */
export function FollowSwitch() {
  const { following, setFollowing } = useRoomContext();
  return (
    <span className="step-mode">
      <span className="step-mode-label" id="follow-label">
        Follow the presenter
      </span>
      <SwitchButton on={following} onToggle={setFollowing} labelledBy="follow-label" describedBy="follow-hint" />
      <span id="follow-hint" className="visually-hidden">
        Moving the timeline yourself turns this off; turn it on to snap back to the presenter’s step.
      </span>
    </span>
  );
}

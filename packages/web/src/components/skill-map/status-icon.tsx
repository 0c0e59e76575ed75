import type { SkillStatus } from "./skill-status.ts";

/** One glyph per status, so status never rests on colour alone (always shown beside its words). */
const PATHS: Record<SkillStatus, string> = {
  // a tick in a disc
  mastered: "M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0Zm3.6 5.1a.9.9 0 0 0-1.3 0L7 8.5 5.7 7.2a.9.9 0 1 0-1.3 1.3l2 2a.9.9 0 0 0 1.3 0l3.9-4a.9.9 0 0 0 0-1.4Z",
  // two arrows turning round: come back to it
  review: "M8 2a6 6 0 0 1 5.6 3.8H12a.8.8 0 0 0 0 1.6h3.2c.4 0 .8-.4.8-.8V3.4a.8.8 0 0 0-1.6 0v1A7.6 7.6 0 0 0 .5 7a.8.8 0 0 0 1.6.2A6 6 0 0 1 8 2Zm7.5 7a.8.8 0 0 0-1.6-.2A6 6 0 0 1 2.4 10.2H4a.8.8 0 0 0 0-1.6H.8c-.4 0-.8.4-.8.8v3.2a.8.8 0 0 0 1.6 0v-1A7.6 7.6 0 0 0 15.5 9Z",
  // a half-filled disc
  "in-progress": "M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0Zm0 1.6a6.4 6.4 0 0 0 0 12.8V1.6Z",
  // a play triangle in a ring: ready to start
  ready: "M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0Zm0 1.6a6.4 6.4 0 1 0 0 12.8A6.4 6.4 0 0 0 8 1.6ZM6.4 5.2c0-.5.5-.8 1-.5l3.6 2.6c.4.3.4.9 0 1.2L7.4 11c-.5.3-1 0-1-.5V5.2Z",
  // a padlock
  locked: "M8 0a4 4 0 0 1 4 4v2h.5c.8 0 1.5.7 1.5 1.5v7c0 .8-.7 1.5-1.5 1.5h-9c-.8 0-1.5-.7-1.5-1.5v-7C2 6.7 2.7 6 3.5 6H4V4a4 4 0 0 1 4-4Zm0 1.6A2.4 2.4 0 0 0 5.6 4v2h4.8V4A2.4 2.4 0 0 0 8 1.6Zm0 7a1.3 1.3 0 0 0-.7 2.4v1.3a.7.7 0 0 0 1.4 0V11A1.3 1.3 0 0 0 8 8.6Z",
};

export function StatusIcon({ status, className }: { status: SkillStatus; className?: string }) {
  return (
    <svg className={`status-icon status-icon-${status}${className ? ` ${className}` : ""}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[status]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

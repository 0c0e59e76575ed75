import type { ReactNode } from "react";

/** Loading and error states, announced to screen readers. */
export function StatusMessage({ kind, children }: { kind: "loading" | "error" | "empty"; children: ReactNode }) {
  return (
    <p className={`status status-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </p>
  );
}

export function QueryState({ isPending, error }: { isPending: boolean; error: Error | null }) {
  if (isPending) return <StatusMessage kind="loading">Loading…</StatusMessage>;
  if (error) return <StatusMessage kind="error">{error.message}</StatusMessage>;
  return null;
}

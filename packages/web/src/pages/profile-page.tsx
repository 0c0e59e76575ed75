import type { Preferences } from "@attune/contract";
import { MEDIA } from "@attune/contract/constants";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { put } from "../api/client.ts";
import { usePreferences } from "../components/preferences.tsx";

const MEDIA_LABEL: Record<(typeof MEDIA)[number], string> = {
  text: "Reading",
  "worked-example": "Worked examples",
  video: "Video",
  audio: "Listening",
  interactive: "Trying things out",
};

const ACCESSIBILITY: [keyof Preferences["accessibility"], string][] = [
  ["largerText", "Larger text"],
  ["dyslexiaFont", "Dyslexia-friendly font"],
  ["highContrast", "High contrast"],
  ["reducedMotion", "Reduce motion"],
  ["readAloud", "Read questions aloud (a button beside each question)"],
];

export function ProfilePage() {
  const current = usePreferences();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Preferences>(current);
  const [interests, setInterests] = useState(current.interests.join(", "));
  useEffect(() => {
    setDraft(current);
    setInterests(current.interests.join(", "));
  }, [current]);
  const save = useMutation({
    mutationFn: (p: Preferences) => put<Preferences>("/api/me/preferences", p),
    onSuccess: (saved) => queryClient.setQueryData(["preferences"], saved),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = interests.split(",").map((s) => s.trim()).filter(Boolean).slice(0, 20);
    save.mutate({ ...draft, interests: list });
  };
  const toggleMedia = (m: (typeof MEDIA)[number]) =>
    setDraft({ ...draft, preferredMedia: draft.preferredMedia.includes(m) ? draft.preferredMedia.filter((x) => x !== m) : [...draft.preferredMedia, m] });
  return (
    <section className="page">
      <h1>Profile and preferences</h1>
      <form onSubmit={submit} className="preferences">
        <fieldset>
          <legend>How you like to learn</legend>
          <div className="field">
            <label htmlFor="interests">Interests (separated by commas)</label>
            <input id="interests" value={interests} onChange={(e) => setInterests(e.target.value)} aria-describedby="interests-help" />
            <p id="interests-help" className="muted small">Used to pick questions and examples about things you like, such as cooking or sport.</p>
          </div>
          <fieldset className="checks">
            <legend>Ways of learning you prefer (shown first)</legend>
            {MEDIA.map((m) => (
              <label key={m}>
                <input type="checkbox" checked={draft.preferredMedia.includes(m)} onChange={() => toggleMedia(m)} /> {MEDIA_LABEL[m]}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="session">Session length</label>
            <select id="session" value={draft.sessionMinutes} onChange={(e) => setDraft({ ...draft, sessionMinutes: Number(e.target.value) })}>
              {[5, 10, 15, 20, 30, 45, 60].map((m) => <option key={m} value={m}>{m} minutes</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="language">Language</label>
            <select id="language" value={draft.language} onChange={() => setDraft({ ...draft, language: "en" })}>
              <option value="en">English</option>
            </select>
          </div>
        </fieldset>
        <fieldset className="checks">
          <legend>Accessibility</legend>
          {ACCESSIBILITY.map(([key, label]) => (
            <label key={key}>
              <input
                type="checkbox"
                checked={draft.accessibility[key]}
                onChange={() => setDraft({ ...draft, accessibility: { ...draft.accessibility, [key]: !draft.accessibility[key] } })}
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="checks">
          <legend>What you share</legend>
          <label>
            <input type="checkbox" checked={draft.sharing.guardians} onChange={() => setDraft({ ...draft, sharing: { ...draft.sharing, guardians: !draft.sharing.guardians } })} /> My progress with my guardians
          </label>
          <label>
            <input type="checkbox" checked={draft.sharing.peers} onChange={() => setDraft({ ...draft, sharing: { ...draft.sharing, peers: !draft.sharing.peers } })} /> My progress with classmates
          </label>
        </fieldset>
        <button type="submit" className="button-primary" disabled={save.isPending}>Save preferences</button>
        <p aria-live="polite">{save.isSuccess && "Saved."}{save.error && <span className="form-error">{save.error.message}</span>}</p>
      </form>
    </section>
  );
}

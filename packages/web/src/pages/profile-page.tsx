import { useTranslation } from "react-i18next";
import type { Preferences } from "@attune/contract";
import { MEDIA } from "@attune/contract/constants";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { put } from "../api/client.ts";
import { usePreferences } from "../components/preferences.tsx";

const ACCESSIBILITY: (keyof Preferences["accessibility"])[] = ["largerText", "dyslexiaFont", "highContrast", "reducedMotion", "readAloud"];

export function ProfilePage() {
  const { t } = useTranslation();
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
      <h1>{t("profile.title")}</h1>
      <form onSubmit={submit} className="preferences">
        <fieldset>
          <legend>{t("profile.how")}</legend>
          <div className="field">
            <label htmlFor="interests">{t("profile.interests")}</label>
            <input id="interests" value={interests} onChange={(e) => setInterests(e.target.value)} aria-describedby="interests-help" />
            <p id="interests-help" className="muted small">{t("profile.interestsHelp")}</p>
          </div>
          <fieldset className="checks">
            <legend>{t("profile.media")}</legend>
            {MEDIA.map((m) => (
              <label key={m}>
                <input type="checkbox" checked={draft.preferredMedia.includes(m)} onChange={() => toggleMedia(m)} /> {t(`profile.mediaLabel.${m}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="session">{t("profile.session")}</label>
            <select id="session" value={draft.sessionMinutes} onChange={(e) => setDraft({ ...draft, sessionMinutes: Number(e.target.value) })}>
              {[5, 10, 15, 20, 30, 45, 60].map((m) => <option key={m} value={m}>{t("profile.minutes", { count: m })}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="language">{t("profile.language")}</label>
            <select id="language" value={draft.language} onChange={() => setDraft({ ...draft, language: "en" })}>
              <option value="en">{t("profile.english")}</option>
            </select>
          </div>
        </fieldset>
        <fieldset className="checks">
          <legend>{t("profile.accessibility")}</legend>
          {ACCESSIBILITY.map((key) => (
            <label key={key}>
              <input
                type="checkbox"
                checked={draft.accessibility[key]}
                onChange={() => setDraft({ ...draft, accessibility: { ...draft.accessibility, [key]: !draft.accessibility[key] } })}
              />{" "}
              {t(`profile.a11y.${key}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checks">
          <legend>{t("profile.sharing")}</legend>
          <label>
            <input type="checkbox" checked={draft.sharing.guardians} onChange={() => setDraft({ ...draft, sharing: { ...draft.sharing, guardians: !draft.sharing.guardians } })} /> {t("profile.shareGuardians")}
          </label>
          <label>
            <input type="checkbox" checked={draft.sharing.peers} onChange={() => setDraft({ ...draft, sharing: { ...draft.sharing, peers: !draft.sharing.peers } })} /> {t("profile.sharePeers")}
          </label>
        </fieldset>
        <button type="submit" className="button-primary" disabled={save.isPending}>{t("profile.save")}</button>
        <p aria-live="polite">{save.isSuccess && t("profile.saved")}{save.error && <span className="form-error">{save.error.message}</span>}</p>
      </form>
    </section>
  );
}

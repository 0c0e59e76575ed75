import { useTranslation } from "react-i18next";
import type { Preferences } from "@attune/contract";
import { DEFAULT_PREFERENCES } from "@attune/contract/constants";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, createContext, useContext, useEffect } from "react";
import { get } from "../api/client.ts";
import { i18next } from "../i18n/index.ts";

const PreferencesContext = createContext<Preferences>(DEFAULT_PREFERENCES);

export const usePreferences = () => useContext(PreferencesContext);

const CLASSES: [keyof Preferences["accessibility"], string][] = [
  ["largerText", "a11y-larger-text"],
  ["dyslexiaFont", "a11y-dyslexia-font"],
  ["highContrast", "a11y-high-contrast"],
  ["reducedMotion", "a11y-reduced-motion"],
];

/** Loads the signed-in person's preferences and applies the accessibility ones to the whole page. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const query = useQuery({ queryKey: ["preferences"], queryFn: () => get<Preferences>("/api/me/preferences"), staleTime: 300_000 });
  const preferences = query.data ?? DEFAULT_PREFERENCES;
  useEffect(() => {
    for (const [key, className] of CLASSES) document.documentElement.classList.toggle(className, preferences.accessibility[key]);
    document.documentElement.lang = preferences.language;
    void i18next.changeLanguage(preferences.language);
  }, [preferences]);
  return <PreferencesContext.Provider value={preferences}>{children}</PreferencesContext.Provider>;
}

/** Reads text aloud with the browser's own speech synthesis (nothing leaves the device). */
export function ReadAloudButton({ text }: { text: string }) {
  const preferences = usePreferences();
  const { t } = useTranslation();
  if (!preferences.accessibility.readAloud || typeof window.speechSynthesis === "undefined") return null;
  const speak = () => {
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = preferences.language;
    window.speechSynthesis.speak(utterance);
  };
  return (
    <button type="button" className="button-quiet" onClick={speak}>
      {t("item.readAloud")}
    </button>
  );
}

import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./locales/en.json";

/**
 * Interface strings live in translation files (./locales/<language>.json), bundled with the app: a new language
 * is a new file. English ships; the learner's language preference selects among those present.
 */
export const LANGUAGES = { en } as const;

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(LANGUAGES).map(([lng, translation]) => [lng, { translation }])),
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

export { i18next };

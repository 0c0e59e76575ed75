// Plain values shared by server and web, kept free of zod so the web bundle does not carry a schema library.

export const MEDIA = ["text", "worked-example", "video", "audio", "interactive"] as const;
export type Media = (typeof MEDIA)[number];

export type PreferencesValue = {
  interests: string[];
  preferredMedia: Media[];
  sessionMinutes: number;
  language: "en";
  accessibility: { largerText: boolean; dyslexiaFont: boolean; highContrast: boolean; reducedMotion: boolean; readAloud: boolean };
  sharing: { guardians: boolean; peers: boolean };
};

export const DEFAULT_PREFERENCES: PreferencesValue = {
  interests: [],
  preferredMedia: [],
  sessionMinutes: 10,
  language: "en",
  accessibility: { largerText: false, dyslexiaFont: false, highContrast: false, reducedMotion: false, readAloud: false },
  sharing: { guardians: true, peers: false },
};

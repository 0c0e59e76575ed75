import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, post } from "../api/client.ts";

export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post("/api/auth/sign-in/email", { email, password });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError(t("signIn.mismatch"));
      else setError(e instanceof Error ? e.message : t("signIn.failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <p className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">A</span> Attune
        </p>
        <h1>{t("signIn.title")}</h1>
        <p className="muted">{t("signIn.tagline")}</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="email">{t("signIn.email")}</label>
            <input id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="password">{t("signIn.password")}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <div aria-live="assertive" className="form-error-slot">
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <button type="submit" className="button-primary button-block" disabled={busy}>
            {busy ? t("signIn.busy") : t("signIn.submit")}
          </button>
        </form>
        <p className="muted small">{t("signIn.forgot")}</p>
      </div>
    </main>
  );
}

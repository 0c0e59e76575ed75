import { useTranslation } from "react-i18next";
import type { Me } from "@attune/contract";
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { post } from "../api/client.ts";

/** Navigation per role: label keys into the translation files. */
const NAV: Record<Me["role"], { href: string; label: string }[]> = {
  admin: [
    { href: "/", label: "nav.overview" },
    { href: "/admin/users", label: "nav.people" },
    { href: "/admin/classes", label: "nav.classes" },
    { href: "/admin/audit", label: "nav.audit" },
  ],
  teacher: [{ href: "/", label: "nav.myClasses" }],
  learner: [{ href: "/", label: "nav.home" }],
  guardian: [{ href: "/", label: "nav.myLearners" }],
};

const ROLE_LABEL: Record<Me["role"], string> = { admin: "Admin", teacher: "Teacher", learner: "Learner", guardian: "Guardian" };

export function Layout({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const queryClient = useQueryClient();
  const signOut = async () => {
    await post("/api/auth/sign-out");
    queryClient.clear();
    await queryClient.invalidateQueries({ queryKey: ["me"] });
  };
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/" className="brand" aria-label={t("nav.brand")}>
            <span className="brand-mark" aria-hidden="true">A</span> Attune
          </Link>
          <nav aria-label={t("nav.main")}>
            <ul className="nav-list">
              {NAV[me.role].map((item) => {
                const current = item.href === "/" ? location === "/" : location.startsWith(item.href);
                return (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={current ? "page" : undefined}>
                      {t(item.label)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="account">
            <span className="account-name">
              {me.name} <span className="muted">· {ROLE_LABEL[me.role]}, {me.school.name}</span>
            </span>
            <Link href="/profile">{t("nav.profile")}</Link>
            <button type="button" className="button-quiet" onClick={signOut}>
              {t("nav.signOut")}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

import type { Me } from "@attune/contract";
import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { post } from "../api/client.ts";

const NAV: Record<Me["role"], { href: string; label: string }[]> = {
  admin: [
    { href: "/", label: "Overview" },
    { href: "/admin/users", label: "People" },
    { href: "/admin/classes", label: "Classes" },
    { href: "/admin/audit", label: "Audit log" },
  ],
  teacher: [{ href: "/", label: "My classes" }],
  learner: [{ href: "/", label: "Home" }],
  guardian: [{ href: "/", label: "My learners" }],
};

const ROLE_LABEL: Record<Me["role"], string> = { admin: "Admin", teacher: "Teacher", learner: "Learner", guardian: "Guardian" };

export function Layout({ me, children }: { me: Me; children: ReactNode }) {
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
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link href="/" className="brand" aria-label="Attune home">
            <span className="brand-mark" aria-hidden="true">A</span> Attune
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              {NAV[me.role].map((item) => {
                const current = item.href === "/" ? location === "/" : location.startsWith(item.href);
                return (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={current ? "page" : undefined}>
                      {item.label}
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
            <Link href="/profile">Profile</Link>
            <button type="button" className="button-quiet" onClick={signOut}>
              Sign out
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

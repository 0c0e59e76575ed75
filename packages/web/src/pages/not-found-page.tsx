import { Link } from "wouter";

export function NotFoundPage() {
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        This page does not exist or is not available to you. <Link href="/">Go to your home page</Link>.
      </p>
    </section>
  );
}

import { Component, type ComponentType, lazy, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

const RELOADED = "attune-reloaded-for-chunk";

/**
 * A page loaded on demand. When its file is gone (Attune was updated while this tab was open, so the build it was
 * started from no longer exists), the page reloads once to pick up the new build instead of staying blank.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- pages take their own props
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType<any>) {
  return lazy(async () => {
    try {
      const module = await load();
      window.sessionStorage.removeItem(RELOADED);
      return { default: pick(module) };
    } catch (error) {
      if (!window.sessionStorage.getItem(RELOADED)) {
        window.sessionStorage.setItem(RELOADED, "1");
        window.location.reload();
        return new Promise<never>(() => {});
      }
      throw error;
    }
  });
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <p className="status status-error" role="alert">
      {t("nav.pageFailed")}{" "}
      <button type="button" className="button-quiet" onClick={() => window.location.reload()}>
        {t("nav.reload")}
      </button>
    </p>
  );
}

/** Shows a way out instead of a blank screen when a page cannot be loaded or fails to render. */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean; key: string }> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; key: string }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

import type { UseQueryResult } from "@tanstack/react-query";
import { Component, type ErrorInfo, type ReactNode, useId } from "react";
import { useConfig } from "../api/context";
import { describeError, needsSignIn } from "../api/errors";
import { useT } from "../i18n/use-t";
import { useTakeOver } from "./first-screen";

interface PanelProps {
  title: string;
  /** Controls shown beside the title (pickers, later the export menu). */
  actions?: ReactNode;
  className?: string;
  /** An anchor other parts of the page link to (e.g. a key finding to its panel). */
  id?: string;
  children: ReactNode;
}

/** A titled region of the page with its own error boundary: one failing panel never blanks the page. */
export function Panel({ title, actions, className, id: anchor, children }: PanelProps) {
  const id = useId();
  return (
    <section id={anchor} className={`panel ${className ?? ""}`} aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </div>
      <PanelBoundary>{children}</PanelBoundary>
    </section>
  );
}

/** An alert with a reason and Retry; given an `error`, the reason is its description in the current language. */
export function ErrorAlert({ reason, error, onRetry }: { reason?: string; error?: unknown; onRetry: () => void }) {
  const t = useT();
  // An alert is never hidden behind the prerendered first screen.
  useTakeOver();
  return (
    <div role="alert" className="alert">
      <p className="alert-title">{t("panel.errorTitle")}</p>
      <p className="alert-reason">{reason ?? describeError(error, t)}</p>
      <button type="button" onClick={onRetry}>
        {t("panel.retry")}
      </button>
    </div>
  );
}

/** 401/403: the data is there but the user must sign in; the link comes from config.json, never from the API. */
export function SignInAlert({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  useTakeOver();
  const { signInUrl } = useConfig();
  return (
    <div role="alert" className="alert">
      <p className="alert-title">{t("auth.title")}</p>
      <p>{t("auth.body")}</p>
      {signInUrl && (
        <p>
          <a href={signInUrl}>{t("auth.link")}</a>
        </p>
      )}
      <button type="button" onClick={onRetry}>
        {t("panel.retry")}
      </button>
    </div>
  );
}

export function Skeleton({ height = 160 }: { height?: number }) {
  const t = useT();
  return (
    <div className="skeleton" style={{ height }} role="status" aria-live="polite">
      <span className="visually-hidden">{t("panel.loading")}</span>
    </div>
  );
}

/** Said over content that is still the previous answer while the next one loads. */
export function Updating() {
  const t = useT();
  return (
    <p className="updating" role="status" aria-live="polite">
      {t("panel.updating")}
    </p>
  );
}

/** A sentence saying what is missing and why. */
export function Empty({ reason }: { reason: string }) {
  const t = useT();
  useTakeOver();
  return <p className="empty">{t("panel.empty", { reason })}</p>;
}

/**
 * Pending → skeleton; any error → alert with its reason and Retry (refetching what failed);
 * otherwise the content. Nothing is drawn from half-loaded data. Content drawn from a
 * placeholder (the same series' previous answer, see `sameSeries`) is marked as updating.
 */
export function QueryGate({
  queries,
  height,
  children,
}: {
  queries: readonly UseQueryResult<unknown>[];
  height?: number;
  children: () => ReactNode;
}) {
  const t = useT();
  const failed = queries.filter((q) => q.isError);
  const retry = () => {
    for (const q of failed) void q.refetch();
  };
  if (failed.some((q) => needsSignIn(q.error))) return <SignInAlert onRetry={retry} />;
  if (failed.length) {
    // One reason once: a panel reading nine series that fail alike says so in one sentence, not nine.
    const reasons = [...new Set(failed.map((q) => describeError(q.error, t)))];
    return <ErrorAlert reason={reasons.join(" · ")} onRetry={retry} />;
  }
  if (queries.some((q) => q.isPending)) return <Skeleton height={height} />;
  if (queries.some((q) => q.isPlaceholderData)) {
    return (
      <>
        <Updating />
        {children()}
      </>
    );
  }
  return <>{children()}</>;
}

export class PanelBoundary extends Component<{ children: ReactNode; onRetry?: () => void }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn("panel failed", error.message, info.componentStack?.split("\n")[1]?.trim());
  }
  render() {
    if (this.state.error) {
      return (
        <CrashAlert
          error={this.state.error}
          onRetry={() => {
            this.props.onRetry?.();
            this.setState({ error: null });
          }}
        />
      );
    }
    return this.props.children;
  }
}

function CrashAlert({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const t = useT();
  return <ErrorAlert reason={t("panel.crashed", { reason: describeError(error, t) })} onRetry={onRetry} />;
}

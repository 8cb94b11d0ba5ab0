import type { ReactNode } from "react";
import { useT } from "../i18n/use-t";
import { Header } from "./Header";

/** Every view's frame: the skip link, the header, and the view in `main` (also the prerendered first screen's). */
export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

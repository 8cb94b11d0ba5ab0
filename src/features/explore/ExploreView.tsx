import { useT } from "../../i18n/use-t";
import { Panel } from "../../ui/Panel";

/** The Explore view (being built). */
export default function ExploreView() {
  const t = useT();
  return (
    <Panel title={t("nav.explore")}>
      <p>{t("placeholder.body")}</p>
    </Panel>
  );
}

import { useT } from "../../i18n/use-t";
import { Panel } from "../../ui/Panel";

/** The Compare view (being built). */
export default function CompareView() {
  const t = useT();
  return (
    <Panel title={t("nav.compare")}>
      <p>{t("placeholder.body")}</p>
    </Panel>
  );
}

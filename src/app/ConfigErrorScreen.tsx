import { MESSAGES } from "../i18n/messages";

const EXAMPLE = `{ "dataSource": "static", "baseUrl": "./data/v1" }`;

/** Shown instead of the app when config.json is missing or wrong, in both languages (there is no language setting yet). */
export function ConfigErrorScreen({ reason }: { reason: string }) {
  return (
    <main className="config-error" role="alert">
      {(["zh", "en"] as const).map((lang) => (
        <section key={lang} lang={lang === "zh" ? "zh-CN" : "en"}>
          <h1>{MESSAGES[lang]["config.title"]}</h1>
          <p>{MESSAGES[lang]["config.body"]}</p>
          <p>
            {MESSAGES[lang]["config.problem"]} <code>config.json</code> {reason}
          </p>
          <p>
            {MESSAGES[lang]["config.example"]} <code>{EXAMPLE}</code>
          </p>
        </section>
      ))}
    </main>
  );
}

import { addMessages } from "../../i18n/messages";
import * as profileTexts from "../../i18n/messages-profile";
import "./profile.css";
import { useEffect } from "react";
import type { Indicator, Meta, Region } from "../../api/contract";
import { useIndicators, useMeta, useRegions } from "../../api/hooks";
import { useRegisterBrief } from "../../export/registry";
import { formatValue, pick } from "../../i18n/format";
import { useLang, useT } from "../../i18n/use-t";
import { useApp } from "../../state/context";
import { Empty, Panel, QueryGate, Skeleton } from "../../ui/Panel";
import { ProfileLink, ViewLink } from "../../ui/ProfileLink";
import { RegionSearch } from "../../ui/RegionSearch";
import { profileBrief } from "./brief";
import { IndicatorsPanel, ProgressPanel, SimilarPanel, StandingPanel, StrengthsPanel } from "./panels";
import { type Profile, profileLevel } from "./profile-model";
import { useProfile } from "./use-profile";

// The profile's texts load with its chunk (see i18n/messages.ts).
addMessages(profileTexts);

/** The region profile (地区画像): where a city or county stands, its strengths and weaknesses, and its peers. */
export default function ProfileView() {
  const regions = useRegions();
  const indicators = useIndicators();
  const meta = useMeta();
  return (
    <QueryGate queries={[regions, indicators, meta]} height={480}>
      {() =>
        regions.data && indicators.data && meta.data ? (
          <ProfileRoute regions={regions.data} indicators={indicators.data} meta={meta.data} />
        ) : null
      }
    </QueryGate>
  );
}

function ProfileRoute({
  regions,
  indicators,
  meta,
}: {
  regions: readonly Region[];
  indicators: readonly Indicator[];
  meta: Meta;
}) {
  const code = useApp((s) => s.region);
  const reject = useApp((s) => s.reject);
  const region = code ? regions.find((r) => r.code === code) : undefined;
  useEffect(() => {
    if (code && !region) reject("region", code);
  }, [code, region, reject]);
  return region ? (
    <ProfileBody key={region.code} region={region} regions={regions} indicators={indicators} meta={meta} />
  ) : (
    <PickRegion regions={regions} />
  );
}

/** Without a region: a search that opens one's profile. */
function PickRegion({ regions }: { regions: readonly Region[] }) {
  const t = useT();
  const update = useApp((s) => s.update);
  return (
    <Panel title={t("profile.title")}>
      <p className="intro">{t("profile.intro")}</p>
      <RegionSearch regions={regions} onPick={(r) => update({ view: "profile", region: r.code })} />
    </Panel>
  );
}

/** A performance mark, set once per page after the next frame is painted (what `npm run bench` reads). */
function markOnce(name: string) {
  if (typeof performance === "undefined" || performance.getEntriesByName(name, "mark").length) return;
  requestAnimationFrame(() => setTimeout(() => performance.getEntriesByName(name, "mark").length || performance.mark(name), 0));
}

function ProfileBody({
  region,
  regions,
  indicators,
  meta,
}: {
  region: Region;
  regions: readonly Region[];
  indicators: readonly Indicator[];
  meta: Meta;
}) {
  const t = useT();
  const year = useApp((s) => s.year);
  const weights = useApp((s) => s.weights);
  const norm = useApp((s) => s.norm);
  const lang = useLang();
  const { queries, profile, firstQueries, first } = useProfile({
    region,
    regions,
    indicators,
    year,
    weights,
    norm,
    lastYear: meta.lastYear,
  });
  const shown = profile ?? first;
  // Marks for `npm run bench`: the first screen's standing drawn (from the year's figures, or
  // with everything else), and every panel drawn.
  useEffect(() => {
    if (shown?.year) markOnce("profile-standing");
    if (profile) markOnce("profile-complete");
  }, [shown, profile]);
  // The view's briefing: the profile's own sections (the panels' tables come with their export menus).
  useRegisterBrief("profile", 10, () =>
    profile ? profileBrief(profile, regions, meta, norm, lang, t).flatMap((s) => s.blocks) : null,
  );
  return (
    <div className="profile">
      <ProfileHeader region={region} regions={regions} meta={meta} profile={shown} />
      {/* The first screen shows the standing from the year's figures while the rest loads
          (same place in the tree, so the full profile's standing replaces it in place). */}
      <QueryGate queries={first ? [] : [...firstQueries, ...queries]} height={360}>
        {() =>
          shown ? (
            !shown.year ? (
              <Panel title={t("profile.standing")}>
                <Empty reason={t("profile.noYear")} />
              </Panel>
            ) : (
              <>
                <StandingPanel profile={shown} regions={regions} />
                {profile ? (
                  <>
                    {profile.level !== "province" && <StrengthsPanel profile={profile} />}
                    <ProgressPanel profile={profile} regions={regions} />
                    {profile.level !== "province" && <SimilarPanel profile={profile} regions={regions} />}
                    <IndicatorsPanel profile={profile} />
                  </>
                ) : (
                  <QueryGate queries={queries} height={360}>
                    {() => <Skeleton height={360} />}
                  </QueryGate>
                )}
              </>
            )
          ) : (
            <Skeleton height={360} />
          )
        }
      </QueryGate>
    </div>
  );
}

/** Name in both languages, code, level, kind, city, zone, base figures and the data's status. */
function ProfileHeader({
  region,
  regions,
  meta,
  profile,
}: {
  region: Region;
  regions: readonly Region[];
  meta: Meta;
  profile: Profile | null;
}) {
  const t = useT();
  const lang = useLang();
  const parent = region.parent ? regions.find((r) => r.code === region.parent) : undefined;
  const level = profileLevel(region, regions);
  const other = lang === "zh" ? "en" : "zh";
  // Marks for `npm run bench`: the header drawn (before the observations arrive).
  useEffect(() => markOnce("profile-header"), []);
  // On the map: a county inside its city's drill-down, a city among the cities.
  const mapCity = region.level === "county" ? region.parent : null;
  return (
    <Panel title={`${t("profile.title")}: ${pick(region.name, lang)}`} className="profile-header">
      <p className="profile-name">
        <span className="profile-name-main">{pick(region.name, lang)}</span>{" "}
        <span lang={other === "zh" ? "zh-CN" : "en"} className="muted">
          {region.name[other]}
        </span>
      </p>
      <dl className="profile-facts">
        <div>
          <dt>{t("profile.code")}</dt>
          <dd className="code">{region.code}</dd>
        </div>
        <div>
          <dt>{t("profile.level")}</dt>
          <dd>
            {t(`level.${region.level}`)}
            {region.level === "city" && level === "county" && <> ({t("profile.ownUnit")})</>}
          </dd>
        </div>
        {region.kind && (
          <div>
            <dt>{t("profile.kind")}</dt>
            <dd>{t(`kind.${region.kind}`)}</dd>
          </div>
        )}
        {parent && parent.level === "city" && (
          <div>
            <dt>{t("profile.parent")}</dt>
            <dd>
              <ProfileLink code={parent.code}>{pick(parent.name, lang)}</ProfileLink>
            </dd>
          </div>
        )}
        {region.zone && (
          <div>
            <dt>{t("profile.zone")}</dt>
            <dd>{t(`profile.zone.${region.zone}`)}</dd>
          </div>
        )}
        {profile?.base.map((b) => (
          <div key={b.indicator.id}>
            <dt>{pick(b.indicator.name, lang)}</dt>
            <dd>
              {formatValue(b.value, b.indicator, lang)}{" "}
              <span className="muted">({t("profile.asOf", { period: b.period, status: t(`status.${b.status}`) })})</span>
            </dd>
          </div>
        ))}
        <div>
          <dt>{t("profile.status")}</dt>
          <dd>
            {meta.simulated ? `${t("profile.simulated")} · ` : ""}
            {t("profile.published", { version: meta.dataVersion })}
          </dd>
        </div>
      </dl>
      {region.level !== "province" && (
        <p>
          <ViewLink
            to={(v) => ({
              ...v,
              view: "map",
              level: level === "city" ? "city" : "county",
              city: mapCity,
              region: null,
              regions: [],
              tab: "chart",
            })}
          >
            {t("profile.onMap")}
          </ViewLink>
        </p>
      )}
    </Panel>
  );
}

import { Skeleton } from "../ui/Panel";
import { Shell } from "./Shell";

/** The skeleton a view shows while its code and data load (App's LazyView). */
export const VIEW_SKELETON_HEIGHT = 480;

/**
 * Any view's first screen as the build prerenders it into index.html (scripts/prerender.tsx): the
 * header, with the snapshot's title and data version, over the skeleton the app shows while the
 * view loads. The boot script marks the address's view in the nav.
 */
export function ViewShell() {
  return (
    <Shell>
      <Skeleton height={VIEW_SKELETON_HEIGHT} />
    </Shell>
  );
}

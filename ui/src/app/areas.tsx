import {
  IconBuildingStore,
  IconIdBadge2,
  IconLink,
  IconSettings,
  IconUserCircle,
  type Icon,
} from "@tabler/icons-react";

/** The areas of the left navigation, in order. Ctrl+1…5 (⌘1…5 on macOS) jumps to them. */
export const AREAS = ["links", "merchants", "customers", "profiles", "settings"] as const;
export type Area = (typeof AREAS)[number];

export const AREA_ICONS: Record<Area, Icon> = {
  links: IconLink,
  merchants: IconBuildingStore,
  customers: IconIdBadge2,
  profiles: IconUserCircle,
  settings: IconSettings,
};

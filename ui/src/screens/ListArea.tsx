import { Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { AREA_ICONS } from "../app/areas";
import { EmptyState } from "../components/EmptyState";

/** The list areas that have no data source wired yet show their designed empty state. */
export type ListAreaKey = "customers";

export function ListArea({ area, children }: { area: ListAreaKey; children?: ReactNode }) {
  const { t } = useTranslation();
  const AreaIcon = AREA_ICONS[area];
  return (
    <Stack gap="lg">
      <Title order={2}>{t(`${area}.title`)}</Title>
      {children}
      <EmptyState
        icon={<AreaIcon size={34} stroke={1.5} />}
        title={t(`${area}.empty.title`)}
        body={t(`${area}.empty.body`)}
      />
    </Stack>
  );
}

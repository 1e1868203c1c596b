import { Button, Card, Drawer, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconLink } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import type { MerchantForm_Serialize as MerchantForm, MerchantSummary } from "../bindings";
import { ErrorNotice } from "../components/ErrorNotice";
import { EmailAddress } from "../components/EmailAddress";
import { Fact } from "../components/Fact";
import { useErrorMessage } from "../components/useErrorMessage";
import { ValidatedField } from "../forms/ValidatedField";
import { formatDateTime } from "../format/time";
import { CommandError } from "../ipc";
import { useCatalogueName, useSetClabe } from "./queries";
import { formFromDraft } from "./registration";

/** A merchant's details (what was registered, with catalogue names), its links and its CLABE. */
export function MerchantDetail({
  summary,
  onClose,
  onOpenLinks,
}: {
  summary: MerchantSummary;
  onClose: () => void;
  onOpenLinks: (merchantId: string) => void;
}) {
  const { t, i18n } = useTranslation("merchants");
  const { merchant, links } = summary;
  const registration = merchant.registration ? formFromDraft(merchant.registration) : null;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={merchant.name}
      data-testid="merchant-detail"
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Fact label={t("fields.email")}>
            <EmailAddress address={merchant.email} />
          </Fact>
          <Fact label={t("fields.rfc")}>{merchant.rfc}</Fact>
          <Fact label={t("detail.id")}>{merchant.id}</Fact>
          <Fact label={t("detail.created")}>
            {formatDateTime(merchant.createdAt, i18n.language)}
          </Fact>
          {registration && <RegistrationFacts registration={registration} />}
        </SimpleGrid>
        <Button
          leftSection={<IconLink size={16} aria-hidden />}
          onClick={() => {
            onOpenLinks(merchant.id);
          }}
          data-testid="merchant-open-links"
        >
          {links === null ? t("detail.linksUnknown") : t("detail.links", { count: links })}
        </Button>
        <ClabeCard merchantId={merchant.id} clabe={merchant.clabe} bank={merchant.bank} />
      </Stack>
    </Drawer>
  );
}

/** What was registered here, catalogue ids shown by their names; empty values left out. */
function RegistrationFacts({ registration: r }: { registration: MerchantForm }) {
  const { t } = useTranslation("merchants");
  const activity = useCatalogueName({ kind: "commercialActivities" }, r.commercialActivity);
  const companyType = useCatalogueName({ kind: "companyTypes" }, r.companyType);
  const state = useCatalogueName({ kind: "states" }, r.state);
  const municipality = useCatalogueName({ kind: "municipalities", state: r.state }, r.municipality);
  const facts: [keyof MerchantForm, string][] = [
    ["legalName", r.legalName],
    ["companyType", companyType],
    ["legalRepresentative", r.legalRepresentative],
    ["incorporationDate", r.incorporationDate],
    ["curp", r.curp],
    ["phone", r.phone],
    ["commercialActivity", activity],
    ["street", `${r.street} ${r.exteriorNumber} ${r.interiorNumber}`],
    ["neighbourhood", r.neighbourhood],
    ["postalCode", r.postalCode],
    ["municipality", municipality],
    ["state", state],
  ];
  return facts
    .filter(([, value]) => value.trim() !== "")
    .map(([key, value]) => (
      <Fact key={key} label={t(`fields.${key}`)}>
        <span data-testid={`merchant-fact-${key}`}>{value.trim()}</span>
      </Fact>
    ));
}

/** The CLABE deposits go to, and a form to add or replace it. */
function ClabeCard({
  merchantId,
  clabe: current,
  bank,
}: {
  merchantId: string;
  clabe?: string | null;
  bank?: string | null;
}) {
  const { t } = useTranslation("merchants");
  const errorMessage = useErrorMessage();
  const [clabe, setClabe] = useState("");
  const save = useSetClabe(merchantId, {
    onSuccess: (saved) => {
      setClabe("");
      notifications.show({ color: "green", message: t("clabe.saved", { bank: saved.bank ?? "" }) });
    },
  });
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t("clabe.title")}
        </Text>
        <Text size="sm" data-testid="merchant-clabe">
          {current ? `${current} · ${bank ?? ""}` : t("clabe.none")}
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!save.isPending) save.mutate(clabe);
          }}
        >
          <Group align="flex-end" gap="xs">
            <div style={{ flex: 1, minWidth: 220 }}>
              <ValidatedField
                kind="clabe"
                label={t("clabe.label")}
                value={clabe}
                onValueChange={setClabe}
                error={
                  save.error instanceof CommandError && save.error.field === "clabe"
                    ? errorMessage(save.error).text
                    : null
                }
                testId="merchant-clabe-input"
              />
            </div>
            <Button type="submit" loading={save.isPending} data-testid="merchant-clabe-save">
              {t("clabe.save")}
            </Button>
          </Group>
        </form>
        {save.error && !(save.error instanceof CommandError && save.error.field) && (
          <ErrorNotice error={save.error} />
        )}
      </Stack>
    </Card>
  );
}

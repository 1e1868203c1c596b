import type { TFunction } from "i18next";

import type { Customer, TimelineEntry } from "../bindings";

/** A timeline entry in words: its title and, for a note or a link, the note or the link. */
export function timelineText(
  t: TFunction<"customers">,
  customer: Customer,
  entry: TimelineEntry,
): { title: string; body?: string } {
  const status = (value: Customer["kycStatus"]) =>
    customer.provider === "undostres" ? t(`undostresStatus.${value}`) : t(`status.${value}`);
  switch (entry.kind) {
    case "created":
      return { title: t("timeline.created", { provider: t(`providers.${customer.provider}`) }) };
    case "status": {
      const to = status(entry.to);
      const level = entry.level == null ? "" : ` · ${t("timeline.level", { level: entry.level })}`;
      const body = t(`timeline.source.${entry.source}`);
      // Same status, another level (an UnDosTres account moved up or down).
      if (entry.from === entry.to && entry.level != null)
        return { title: t("timeline.levelChanged", { level: entry.level, status: to }), body };
      const title =
        entry.from == null
          ? t("timeline.firstSeen", { to })
          : t("timeline.status", { from: status(entry.from), to });
      return { title: `${title}${level}`, body };
    }
    case "note":
      return { title: t("timeline.note"), body: entry.text };
    case "tagAdded":
      return { title: t("timeline.tagAdded", { tag: entry.tag }) };
    case "tagRemoved":
      return { title: t("timeline.tagRemoved", { tag: entry.tag }) };
    case "documentUploaded": {
      // A type this build does not name is shown as CryptoPocket spells it.
      const type = t(`documentTypes.${entry.documentType}` as "documentTypes.other", {
        defaultValue: entry.documentType,
      });
      return { title: t("timeline.documentUploaded", { type }) };
    }
    case "linkIssued":
      return { title: t(`timeline.linkIssued.${entry.link}`), body: entry.url };
    case "reminder": {
      const channel = entry.channel;
      const known = channel === "whatsapp" || channel === "email" || channel === "copy";
      return {
        title: t("timeline.reminder", {
          channel: known ? t(`timeline.channels.${channel}`) : channel,
        }),
      };
    }
  }
}

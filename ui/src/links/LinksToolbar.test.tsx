import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";

import { Providers } from "../app/Providers";
import { createI18n } from "../i18n";
import { NO_FILTERS, type LinkFilters } from "./filters";
import { LinksToolbar } from "./LinksToolbar";

async function renderToolbar() {
  const seen: LinkFilters[] = [];
  function Host() {
    const [filters, setFilters] = useState(NO_FILTERS);
    return (
      <LinksToolbar
        filters={filters}
        onChange={(next) => {
          seen.push(next);
          setFilters(next);
        }}
        onNew={() => undefined}
        csv={{ mutate: () => undefined, isPending: false }}
      />
    );
  }
  const i18n = await createI18n("es-MX");
  render(
    <Providers i18n={i18n}>
      <Host />
    </Providers>,
  );
  return seen;
}

describe("LinksToolbar", () => {
  it("sets the amount and created ranges from their popovers, and clears them", async () => {
    const user = userEvent.setup();
    const seen = await renderToolbar();
    await user.click(screen.getByTestId("filter-amount"));
    await user.type(await screen.findByTestId("filter-amountMin"), "100");
    await user.type(screen.getByTestId("filter-amountMax"), "2500");
    expect(seen.at(-1)).toMatchObject({ amountMin: 100, amountMax: 2500 });
    await user.keyboard("{Escape}");

    await user.click(screen.getByTestId("filter-created"));
    fireEvent.change(await screen.findByTestId("filter-createdFrom"), {
      target: { value: "2026-11-01" },
    });
    fireEvent.change(screen.getByTestId("filter-createdTo"), {
      target: { value: "2026-11-30" },
    });
    expect(seen.at(-1)).toMatchObject({
      amountMin: 100,
      amountMax: 2500,
      createdFrom: "2026-11-01",
      createdTo: "2026-11-30",
    });

    await user.click(screen.getByTestId("links-filters-clear"));
    expect(seen.at(-1)).toEqual(NO_FILTERS);
    // The button went with the filters; the focus stays on their line, not on the page.
    expect(document.activeElement?.closest('[data-testid="links-status-filter"]')).not.toBeNull();
  });
});

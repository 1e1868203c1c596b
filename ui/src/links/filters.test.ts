import { localDayStart } from "../format/time";
import { activeFilterCount, NO_FILTERS, toQuery } from "./filters";

describe("link filters", () => {
  it("asks for everything of the merchant by default", () => {
    const query = toQuery(NO_FILTERS, "61234");
    expect(query).toMatchObject({
      merchantId: "61234",
      text: "",
      status: null,
      expired: null,
      withMsi: null,
      sort: "newest",
    });
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });

  it("maps the derived states onto Billpocket's flag and the expiry", () => {
    expect(toQuery({ ...NO_FILTERS, status: "active" }, "m")).toMatchObject({
      status: "active",
      expired: false,
    });
    expect(toQuery({ ...NO_FILTERS, status: "inactive" }, "m")).toMatchObject({
      status: "inactive",
      expired: false,
    });
    expect(toQuery({ ...NO_FILTERS, status: "expired" }, "m")).toMatchObject({
      status: null,
      expired: true,
    });
  });

  it("turns pesos into centavos and includes the whole last day", () => {
    const filters = {
      ...NO_FILTERS,
      amountMin: 100.5,
      amountMax: 2000,
      createdFrom: "2026-11-01",
      createdTo: "2026-11-30",
      withMsi: true,
      expiringWithinDays: 7,
    };
    const query = toQuery(filters, "m");
    expect(query.amountMinCentavos).toBe(10_050);
    expect(query.amountMaxCentavos).toBe(200_000);
    expect(query.createdFrom).toBe(localDayStart("2026-11-01"));
    expect(query.createdTo).toBe((localDayStart("2026-11-30") ?? 0) + 86_400);
    expect(query.withMsi).toBe(true);
    expect(query.expiringWithinDays).toBe(7);
    expect(activeFilterCount(filters)).toBe(4);
  });
});

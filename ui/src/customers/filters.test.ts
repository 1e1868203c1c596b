import { activeFilterCount, NO_FILTERS, toQuery } from "./filters";

const DAY = 86_400;
const NOW = 1_796_256_000;

describe("the customers query", () => {
  it("lists everyone, oldest pending first, by default", () => {
    expect(toQuery(NO_FILTERS, NOW, 2)).toEqual({
      profileId: "",
      text: "",
      provider: null,
      kycStatus: null,
      countries: [],
      pending: null,
      pendingSinceBefore: null,
      sort: "oldestPending",
      limit: 100,
      cursor: null,
    });
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
  });

  it("sends a status, the pending group, a provider and a country", () => {
    const query = toQuery(
      { ...NO_FILTERS, status: "valid", provider: "undostres", country: "CHL" },
      NOW,
      2,
    );
    expect(query).toMatchObject({
      kycStatus: "valid",
      pending: null,
      provider: "undostres",
      countries: ["CHL"],
    });
    expect(toQuery({ ...NO_FILTERS, status: "pending" }, NOW, 2)).toMatchObject({
      kycStatus: null,
      pending: true,
    });
  });

  it("turns the age and the target into one bound on pending cases, the stricter winning", () => {
    const age = (olderThanDays: number | null, overTarget: boolean, target = 2) =>
      toQuery({ ...NO_FILTERS, olderThanDays, overTarget }, NOW, target).pendingSinceBefore;
    expect(age(7, false)).toBe(NOW - 7 * DAY);
    expect(age(null, true)).toBe(NOW - 2 * DAY);
    expect(age(null, true, 5)).toBe(NOW - 5 * DAY);
    expect(age(1, true)).toBe(NOW - 2 * DAY);
    expect(age(14, true)).toBe(NOW - 14 * DAY);
    expect(activeFilterCount({ ...NO_FILTERS, olderThanDays: 3, overTarget: true })).toBe(2);
  });
});

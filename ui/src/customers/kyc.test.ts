import { customerRow as customer, NOW } from "../test/fixtures";
import {
  countryCode,
  displayName,
  isOverTarget,
  linkLifetime,
  pendingFor,
  DEFAULT_TARGET_DAYS,
} from "./kyc";

const DAY = 86_400;

describe("the age of a pending case against the target", () => {
  it("counts from the customer's creation while pending, and stops once settled", () => {
    expect(pendingFor(customer(), NOW)).toBe(3 * DAY);
    expect(pendingFor(customer({ kycStatus: "unused" }), NOW)).toBe(3 * DAY);
    expect(pendingFor(customer({ kycStatus: "valid" }), NOW)).toBeNull();
    expect(pendingFor(customer({ kycStatus: "fail" }), NOW)).toBeNull();
    // A creation stamped after the screen's clock last ticked is not a negative age.
    expect(pendingFor(customer({ createdAt: NOW + 5 }), NOW)).toBe(0);
  });

  it("marks a case past the target (2 days by default), never a settled one", () => {
    expect(DEFAULT_TARGET_DAYS).toBe(2);
    expect(isOverTarget(customer(), NOW, 2)).toBe(true);
    expect(isOverTarget(customer(), NOW, 3)).toBe(false);
    expect(isOverTarget(customer({ createdAt: NOW - 2 * DAY }), NOW, 2)).toBe(false);
    expect(isOverTarget(customer({ createdAt: NOW - 2 * DAY - 1 }), NOW, 2)).toBe(true);
    expect(isOverTarget(customer({ kycStatus: "fail", createdAt: 0 }), NOW, 2)).toBe(false);
  });
});

describe("the verification link's lifetime", () => {
  const company = (daysAgo: number) =>
    customer({
      kind: "company",
      companyName: "Tortillería San Miguel",
      createdAt: NOW - daysAgo * DAY,
    });

  it("gives a company's KYB link 90 days and warns when fewer than 14 remain", () => {
    expect(linkLifetime(company(10), NOW)).toEqual({ kind: "valid", expiresAt: NOW + 80 * DAY });
    expect(linkLifetime(company(76), NOW)).toEqual({ kind: "valid", expiresAt: NOW + 14 * DAY });
    expect(linkLifetime(company(76.5), NOW)).toEqual({
      kind: "expiresSoon",
      expiresAt: NOW + 13.5 * DAY,
    });
    expect(linkLifetime(company(87), NOW)).toEqual({
      kind: "expiresSoon",
      expiresAt: NOW + 3 * DAY,
    });
    expect(linkLifetime(company(90), NOW)).toEqual({ kind: "expired", expiresAt: NOW });
  });

  it("knows no expiry for a person's KYC form or an UnDosTres account", () => {
    expect(linkLifetime(customer({ createdAt: NOW - 200 * DAY }), NOW)).toEqual({
      kind: "unknown",
    });
    expect(linkLifetime(customer({ provider: "undostres", kind: "company" }), NOW)).toEqual({
      kind: "unknown",
    });
  });
});

describe("names and countries", () => {
  it("reads either provider's spelling of a country", () => {
    expect(countryCode("Mexico")).toBe("MEX");
    expect(countryCode("MEX")).toBe("MEX");
    expect(countryCode(" Chile ")).toBe("CHL");
    expect(countryCode("Narnia")).toBeNull();
  });

  it("names a person by their names and a company by its name", () => {
    expect(displayName(customer({ secondLastName: "Pérez" }))).toBe("Sofía López Pérez");
    expect(displayName(customer({ kind: "company", companyName: "Viñedos del Maipo SpA" }))).toBe(
      "Viñedos del Maipo SpA",
    );
  });
});

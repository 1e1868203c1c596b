import { resources } from ".";

/** Every leaf of a catalogue as [key path, value]; keys may be nested or flat with dots. */
function leaves(node: unknown, prefix = ""): [string, unknown][] {
  if (typeof node !== "object" || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

const NAMESPACES = ["common", "customers", "errors", "links", "merchants", "validation"] as const;

describe("translation catalogues", () => {
  for (const namespace of NAMESPACES) {
    it(`English has exactly the Spanish keys in ${namespace}`, () => {
      const keysOf = (catalogue: unknown) =>
        leaves(catalogue)
          .map(([key]) => key)
          .sort();
      expect(keysOf(resources.en[namespace])).toEqual(keysOf(resources["es-MX"][namespace]));
    });
  }

  it("has no empty message", () => {
    for (const locale of ["es-MX", "en"] as const) {
      for (const namespace of NAMESPACES) {
        for (const [key, value] of leaves(resources[locale][namespace])) {
          expect(typeof value === "string" && value.trim().length > 0, `${locale}:${key}`).toBe(
            true,
          );
        }
      }
    }
  });
});

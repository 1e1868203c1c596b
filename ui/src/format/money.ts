// Money is integer centavos everywhere; it becomes text only here. es-MX grouping and MXN in every
// language: the amounts are Mexican pesos whatever the UI language is.
const mxn = new Intl.NumberFormat("es-MX", {
  style: "currency",
  currency: "MXN",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function formatCentavos(centavos: number): string {
  if (!Number.isSafeInteger(centavos)) {
    throw new RangeError(`centavos must be a safe integer, got ${String(centavos)}`);
  }
  return mxn.format(centavos / 100);
}

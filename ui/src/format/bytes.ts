const KIB = 1024;
const MIB = 1024 * KIB;

/** A file's size as people read it: "850 bytes", "12.5 kB", "10 MB" (binary multiples). */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, size]: ["byte" | "kilobyte" | "megabyte", number] =
    bytes >= MIB
      ? ["megabyte", bytes / MIB]
      : bytes >= KIB
        ? ["kilobyte", bytes / KIB]
        : ["byte", bytes];
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: unit === "byte" ? "long" : "short",
    maximumFractionDigits: 1,
  }).format(size);
}

import { formatCentavos } from "./money";

describe("formatCentavos", () => {
  it("formats pesos with es-MX grouping and two decimals", () => {
    expect(formatCentavos(123450)).toBe("$1,234.50");
    expect(formatCentavos(0)).toBe("$0.00");
    expect(formatCentavos(5)).toBe("$0.05");
    expect(formatCentavos(100000000)).toBe("$1,000,000.00");
  });

  it("formats negative amounts (refunds) with a sign", () => {
    expect(formatCentavos(-2500)).toBe("-$25.00");
  });

  it("refuses fractional centavos instead of rounding them away", () => {
    expect(() => formatCentavos(10.5)).toThrow(RangeError);
  });
});

import { Skeleton } from "@mantine/core";

import { useQr } from "./queries";

/** The QR code of a URL, drawn as SVG squares from the matrix the Rust `qrcode` crate builds. */
export function QrCodeView({
  text,
  size = 176,
  label,
}: {
  text: string;
  size?: number;
  label: string;
}) {
  const qr = useQr(text);
  if (!qr.data) return <Skeleton width={size} height={size} />;
  const { size: modules, modules: dark } = qr.data;
  const quiet = 4;
  const total = modules + quiet * 2;
  const rects: string[] = [];
  dark.forEach((on, index) => {
    if (on)
      rects.push(
        `M${String((index % modules) + quiet)} ${String(Math.floor(index / modules) + quiet)}h1v1h-1z`,
      );
  });
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${String(total)} ${String(total)}`}
      role="img"
      aria-label={label}
      data-testid="link-qr"
      shapeRendering="crispEdges"
    >
      <rect width={total} height={total} fill="#fff" />
      <path d={rects.join("")} fill="#000" />
    </svg>
  );
}

import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "teal",
  defaultRadius: "md",
  fontFamily:
    "Inter, 'Segoe UI', Cantarell, 'Noto Sans', 'DejaVu Sans', system-ui, -apple-system, sans-serif",
  headings: { fontWeight: "650" },
});

//! Rapport's Mantine theme: a calm slate-blue primary, system fonts, compact desktop density.
import { createTheme, type MantineColorsTuple } from "@mantine/core";

const rapport: MantineColorsTuple = [
  "#edf4fa",
  "#dae5f0",
  "#b0c9e2",
  "#84abd4",
  "#5f92c8",
  "#4882c1",
  "#3b7abf",
  "#2d68a8",
  "#245c97",
  "#134f86",
];

export const theme = createTheme({
  primaryColor: "rapport",
  primaryShade: { light: 7, dark: 5 },
  colors: { rapport },
  defaultRadius: "md",
  cursorType: "pointer",
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  headings: { fontWeight: "650" },
  components: {
    Card: { defaultProps: { withBorder: true, radius: "md", padding: "md" } },
    Badge: { defaultProps: { radius: "sm" } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
  },
});

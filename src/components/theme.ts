export type ThemeChoice = "auto" | "light" | "dark";
const storageKey = "course-theme";

function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === "auto" || value === "light" || value === "dark";
}

export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(storageKey);
    return isThemeChoice(stored) ? stored : "auto";
  } catch {
    return "auto"; // storage disabled: fall back to the system preference
  }
}

export function saveThemeChoice(choice: string): void {
  if (!isThemeChoice(choice)) return;
  try {
    localStorage.setItem(storageKey, choice);
  } catch {
    // Storage disabled or full: the theme still applies for this page view.
  }
}

export function applyThemeChoice(choice: string): void {
  const resolved = isThemeChoice(choice) ? choice : "auto";
  const dark = resolved === "dark" || (resolved === "auto" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
  document.documentElement.dataset.themeChoice = resolved;
}

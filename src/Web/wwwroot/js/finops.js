// Small browser helpers used through JS interop: theme memory and ApexCharts rendering.
const themeKey = "finops-theme";

export function getTheme() {
    try { return localStorage.getItem(themeKey); } catch { return null; }
}

export function setTheme(value) {
    try { localStorage.setItem(themeKey, value); } catch { /* private mode: not remembered */ }
}

// Puts text on the clipboard; false when the browser refuses (no permission, or not a secure context).
export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}

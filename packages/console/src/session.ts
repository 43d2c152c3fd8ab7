/**
 * The API key lives in this tab's sessionStorage only: never in a URL, never in a cookie, gone
 * when the tab closes or on "Sign out".
 */
const KEY = "hangar.apiKey";

export const session = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (apiKey: string) => sessionStorage.setItem(KEY, apiKey),
  clear: () => sessionStorage.removeItem(KEY),
};

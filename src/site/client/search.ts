// The search page, on Pagefind's UI (loaded by the page as a classic script).
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => { triggerSearch(term: string): void };
  }
}

const bundlePath = new URL("../pagefind/", import.meta.url).pathname;
if (window.PagefindUI) {
  const ui = new window.PagefindUI({ element: "#search", showSubResults: true, bundlePath, resetStyles: false });
  const query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
}
export {};

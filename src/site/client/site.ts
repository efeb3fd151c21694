// Site-wide behaviour: "/" focuses the search box from anywhere, as on most search-heavy sites; links that show
// their own address are marked so that print does not write it twice; and the sticky header is measured.
import { markLinksShowingTheirAddress } from "./link-addresses.ts";

markLinksShowingTheirAddress();

// The sticky header's height (none where it does not stay at the top), so that the stylesheet keeps targets and
// sticky parts of a page clear of it, whatever its wrapping at this width.
const header = document.querySelector<HTMLElement>(".site-header");
if (header) {
  const measure = () => {
    const height = getComputedStyle(header).position === "sticky" ? header.offsetHeight : 0;
    document.documentElement.style.setProperty("--header-height", `${height}px`);
  };
  new ResizeObserver(measure).observe(header);
}
document.addEventListener("keydown", (event) => {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const input =
    document.querySelector<HTMLInputElement>("#search-input") ?? document.querySelector<HTMLInputElement>("#site-search-input");
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});

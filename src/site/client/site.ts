// Site-wide behaviour: "/" focuses the search box from anywhere, as on most search-heavy sites; and links that
// show their own address are marked so that print does not write it twice.
import { markLinksShowingTheirAddress } from "./link-addresses.ts";

markLinksShowingTheirAddress();
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

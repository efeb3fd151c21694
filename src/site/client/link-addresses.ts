// Print writes each link's address after it (edition.css). Where a link's text already is its address, as with
// a bare URL in a message, that would print it twice; such links are marked so that print leaves them alone.

const bare = (address: string) => address.trim().replace(/^https?:\/\//, "").replace(/\/$/, "");

function decoded(address: string): string {
  try {
    return decodeURI(address);
  } catch {
    return address;
  }
}

export function markLinksShowingTheirAddress(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("main a[href]")) {
    const text = bare(link.textContent ?? "");
    if (text === bare(decoded(link.href)) || text === bare(decoded(link.getAttribute("href") ?? ""))) link.classList.add("shows-address");
  }
}

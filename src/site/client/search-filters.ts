// The filter panel: a group per filter (kind, sender, recipient, year, month, note kind), each value a checkbox with
// its count among the current results. Drawn only once the filters are loaded, which is when the reader opens the
// panel or arrives with a filter in the URL: Pagefind's filter indexes are most of what a first search would
// otherwise download.
import { FILTER_GROUPS } from "../search-schema.ts";
import type { FilterCounts } from "./pagefind-engine.ts";

/** Values shown before "Show all": enough for most groups, short enough that the panel stays readable. */
const SHORT_LIST = 8;

const monthFormat = (language: string) => new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" });

/** How a value reads: a month "2016-10" as "October 2016". */
export function filterLabel(group: string, value: string, language: string): string {
  const month = group === "Month" ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  return month ? monthFormat(language).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1))) : value;
}

/** Years and months in time order; the other groups by count, then by name. */
function ordered(group: string, counts: Record<string, number>): string[] {
  const values = Object.keys(counts);
  if (group === "Year" || group === "Month") return values.sort();
  return values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
}

export interface FilterPanel {
  /** Redraws the groups with these counts and this selection. */
  update(counts: FilterCounts, selected: Record<string, string[]>): void;
}

/**
 * `totals` are the counts in the whole edition: they set the order of the values, which stays put as the counts
 * change with the search, so that a value does not move away from the reader's pointer as they check it.
 */
export function filterPanel(
  container: HTMLElement,
  totals: FilterCounts,
  language: string,
  onChange: (group: string, value: string, checked: boolean) => void,
): FilterPanel {
  const expanded = new Set<string>();
  const order = Object.fromEntries(FILTER_GROUPS.map(({ name }) => [name, ordered(name, totals[name] ?? {})]));
  const ids = new Map<string, string>();
  const idFor = (param: string, value: string) => {
    const key = `${param}\u0000${value}`;
    let id = ids.get(key);
    if (!id) ids.set(key, (id = `filter-${param}-${ids.size}`));
    return id;
  };
  let last: { counts: FilterCounts; selected: Record<string, string[]> } | undefined;
  const draw = (counts: FilterCounts, selected: Record<string, string[]>) => {
    last = { counts, selected };
    const focused = document.activeElement instanceof HTMLElement && container.contains(document.activeElement) ? document.activeElement.id : "";
    const groups: HTMLElement[] = [];
    FILTER_GROUPS.forEach(({ name, param }) => {
      const chosen = selected[name] ?? [];
      const values = (order[name] ?? []).filter((value) => (counts[name]?.[value] ?? 0) > 0 || chosen.includes(value));
      for (const value of chosen) if (!values.includes(value)) values.push(value);
      if (!values.length) return;
      const fieldset = document.createElement("fieldset");
      fieldset.className = "filter-group";
      const legend = document.createElement("legend");
      legend.textContent = name;
      fieldset.append(legend);
      const list = document.createElement("ul");
      const all = expanded.has(name) || values.length <= SHORT_LIST + 2;
      // Selected values always show, even beyond the short list.
      const shown = all ? values : values.filter((value, i) => i < SHORT_LIST || chosen.includes(value));
      shown.forEach((value) => {
        const item = document.createElement("li");
        const input = document.createElement("input");
        input.type = "checkbox";
        input.id = idFor(param, value);
        input.name = param;
        input.value = value;
        input.checked = chosen.includes(value);
        input.addEventListener("change", () => onChange(name, value, input.checked));
        const label = document.createElement("label");
        label.htmlFor = input.id;
        label.append(filterLabel(name, value, language));
        const count = document.createElement("span");
        count.className = "filter-count";
        count.textContent = String(counts[name]?.[value] ?? 0);
        label.append(" ", count);
        item.append(input, label);
        list.append(item);
      });
      fieldset.append(list);
      if (!all) {
        const more = document.createElement("button");
        more.type = "button";
        more.className = "filter-more";
        more.id = `filter-${param}-more`;
        more.textContent = `Show all ${values.length}`;
        more.addEventListener("click", () => {
          expanded.add(name);
          if (last) draw(last.counts, last.selected);
          // On to the first value the list did not show.
          document.getElementById(idFor(param, values.find((value, i) => i >= SHORT_LIST && !chosen.includes(value)) ?? ""))?.focus();
        });
        fieldset.append(more);
      }
      groups.push(fieldset);
    });
    container.replaceChildren(...groups);
    if (focused) document.getElementById(focused)?.focus();
  };
  return { update: draw };
}

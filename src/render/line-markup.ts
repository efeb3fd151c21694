// The markup contract between the render plugins: how a citable line looks in hast, so that the plugin that
// numbers lines and the plugins that mark and index them agree without sharing state.
import type { Element } from "hast";

export const LINE_CLASS = "line";
export const LINE_NUMBER_CLASS = "line-number";
export const LINE_TEXT_CLASS = "line-text";
/** A line's second and later segments, when one source line spans several elements (table cells). */
export const LINE_CONTINUATION_CLASS = "line-continued";

export function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) ? value.includes(name) : value === name;
}

/** The label of a line element (`data-line`), or undefined if the element is not a line. */
export function lineLabelOf(node: Element): string | undefined {
  const label = node.properties.dataLine;
  return hasClass(node, LINE_CLASS) && label !== undefined ? String(label) : undefined;
}

export function lineId(label: string, prefix = "L"): string {
  return `${prefix}${label}`;
}

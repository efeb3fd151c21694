// The timeline's two shapes and its text, in SVG user units; at the widest layout a unit is a CSS pixel. Labels are
// measured by estimate (generous average glyph widths for the site's sans-serif), so that none overlaps another.

/** How the picture is laid out: lanes named in a column beside the marks, or (on a phone) above them. */
export type TimelineShape = "wide" | "narrow";

export interface Geometry {
  width: number;
  plotLeft: number;
  plotRight: number;
  top: number;
  laneHeight: number;
  /** From a lane's top to the centre line of its marks. */
  laneCentre: number;
  /** The room for a lane's name and count. */
  labelRoom: number;
  labels: "beside" | "above";
  /** The silences' labels: a little smaller at a phone's width, so that a short silence still gets its words. */
  gapFont: number;
}

/** Lane labels end this far left of the plot. */
export const LABEL_GAP = 12;
export const GEOMETRY: Record<TimelineShape, Geometry> = {
  wide: { width: 704, plotLeft: 184, plotRight: 704 - 28, top: 10, laneHeight: 40, laneCentre: 20, labelRoom: 184 - LABEL_GAP - 4, labels: "beside", gapFont: 12 },
  // About a phone's width, where the wide picture would have to scroll: every lane's name sits above its marks,
  // so that the marks have the whole width and the names never scroll out of sight.
  narrow: { width: 320, plotLeft: 10, plotRight: 320 - 12, top: 4, laneHeight: 58, laneCentre: 36, labelRoom: 320 - 22, labels: "above", gapFont: 11 },
};
export const MARK_RADIUS = 5;
/** Font sizes, set on the SVG's text as attributes, because the layout measures its labels by them. */
export const TIMELINE_FONTS = { lane: 14, small: 12, tick: 12 };
const EM_PER_CHAR = 0.56;
const EM_PER_BOLD_CHAR = 0.64;

export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? EM_PER_BOLD_CHAR : EM_PER_CHAR);
}

/** The text, cut short with an ellipsis when it would be wider than `width`. */
export function fitLabel(text: string, width: number, fontSize: number, bold: boolean): string {
  if (estimateTextWidth(text, fontSize, bold) <= width) return text;
  const chars = Math.max(1, Math.floor(width / estimateTextWidth("x", fontSize, bold)) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}

export const round = (value: number) => Math.round(value * 10) / 10;

// The timeline's lanes: one per sender, busiest first (ties by first appearance in the thread), the least active
// sharing an "Others" lane past a cap, then one for public posts and statements; each with its name and count
// fitted to the room its shape gives them.
import type { MessageKind } from "../../load/schema.ts";
import { PUBLIC_KINDS } from "../format.ts";
import { estimateTextWidth, fitLabel, LABEL_GAP, TIMELINE_FONTS, type Geometry } from "./geometry.ts";
import type { TimelineInput } from "./layout.ts";

export interface TimelineLane {
  kind: "sender" | "others" | "public";
  /** The sender, for a sender lane. */
  person?: string;
  /** The full name of the lane, for the table and the caption. */
  name: string;
  /** The name as drawn, shortened to fit the label column. */
  label: string;
  /** "8 sent", "3 published". */
  countLabel: string;
  count: number;
  /** The lane's centre line. */
  y: number;
  /** Where its name and its count are drawn, and how they are anchored there. */
  labelAt: TextPlace;
  countAt: TextPlace;
}

export interface TextPlace {
  x: number;
  y: number;
  anchor: "start" | "end";
}

const count = (n: number) => n.toLocaleString("en");

/** A lane before it is placed. */
export type LaneName = Omit<TimelineLane, "y" | "labelAt" | "countAt">;

/** Lanes in order: senders by activity (ties by first appearance), then the others, then public posts. */
export function assignLanes(input: TimelineInput, geometry: Geometry): { lanes: LaneName[]; laneOf: Int32Array } {
  const { messages } = input;
  const maxSenders = input.maxSenderLanes ?? 8;
  const sent = new Map<string, number>();
  const published = new Map<MessageKind, number>();
  for (const message of messages) {
    if (PUBLIC_KINDS.has(message.kind)) published.set(message.kind, (published.get(message.kind) ?? 0) + 1);
    else sent.set(message.from, (sent.get(message.from) ?? 0) + 1);
  }
  // Map iteration is insertion order, i.e. first appearance in the thread: a stable tie-break.
  const senders = [...sent].map(([person, n], order) => ({ person, n, order })).sort((a, b) => b.n - a.n || a.order - b.order);
  // One more sender than the cap would make an "others" lane of one: show them instead.
  const shown = senders.length <= maxSenders + 1 ? senders : senders.slice(0, maxSenders);
  const hidden = senders.slice(shown.length);
  const lanes: LaneName[] = shown.map(({ person, n }) => {
    const name = input.nameOf(person);
    return { kind: "sender", person, name, label: name, countLabel: `${count(n)} sent`, count: n };
  });
  const laneByPerson = new Map(shown.map(({ person }, index) => [person, index]));
  let othersLane = -1;
  if (hidden.length) {
    othersLane = lanes.length;
    const n = hidden.reduce((sum, sender) => sum + sender.n, 0);
    const people = `${count(hidden.length)} ${hidden.length === 1 ? "person" : "people"}`;
    lanes.push({ kind: "others", name: `Others (${people})`, label: "Others", countLabel: `${people}, ${count(n)} sent`, count: n });
  }
  let publicLane = -1;
  if (published.size) {
    publicLane = lanes.length;
    const posts = published.get("public-post") ?? 0;
    const statements = published.get("statement") ?? 0;
    const byKind = [posts ? `${count(posts)} post${posts === 1 ? "" : "s"}` : "", statements ? `${count(statements)} statement${statements === 1 ? "" : "s"}` : ""];
    const countLabel = byKind.filter(Boolean).join(", ");
    const fits = estimateTextWidth(countLabel, TIMELINE_FONTS.small) <= geometry.labelRoom / (geometry.labels === "above" ? 2 : 1);
    lanes.push({ kind: "public", name: "Public posts and statements", label: "Public", countLabel: fits ? countLabel : `${count(posts + statements)} published`, count: posts + statements });
  }
  const laneOf = new Int32Array(messages.length);
  messages.forEach((message, index) => {
    laneOf[index] = PUBLIC_KINDS.has(message.kind) ? publicLane : (laneByPerson.get(message.from) ?? othersLane);
  });
  for (const lane of lanes) {
    if (geometry.labels === "beside") {
      lane.label = fitLabel(lane.label, geometry.labelRoom, TIMELINE_FONTS.lane, true);
      lane.countLabel = fitLabel(lane.countLabel, geometry.labelRoom, TIMELINE_FONTS.small, false);
    } else {
      // Name and count share one row above the marks: the count keeps its room, the name has the rest.
      lane.countLabel = fitLabel(lane.countLabel, geometry.labelRoom / 2, TIMELINE_FONTS.small, false);
      lane.label = fitLabel(lane.label, geometry.labelRoom - estimateTextWidth(lane.countLabel, TIMELINE_FONTS.small) - 12, TIMELINE_FONTS.lane, true);
    }
  }
  return { lanes, laneOf };
}


/** Each lane's centre line, and where its name and count go: beside the plot, or above its marks. */
export function placeLanes(lanes: readonly LaneName[], geometry: Geometry): TimelineLane[] {
  return lanes.map((lane, index) => {
    const laneTop = geometry.top + index * geometry.laneHeight;
    const y = laneTop + geometry.laneCentre;
    return geometry.labels === "beside"
      ? {
          ...lane,
          y,
          labelAt: { x: geometry.plotLeft - LABEL_GAP, y: y - 3, anchor: "end" },
          countAt: { x: geometry.plotLeft - LABEL_GAP, y: y + 13, anchor: "end" },
        }
      : {
          ...lane,
          y,
          labelAt: { x: geometry.plotLeft, y: laneTop + 14, anchor: "start" },
          countAt: { x: geometry.plotRight, y: laneTop + 14, anchor: "end" },
        };
  });
}

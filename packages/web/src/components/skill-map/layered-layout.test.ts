import { describe, expect, it } from "vitest";
import { layeredLayout, longestPathLayers, placeInOrder } from "./layered-layout.ts";

const OPTIONS = { nodeWidth: 100, nodeHeight: 40, gapX: 20, gapY: 30 };
const nodes = (...ids: string[]) => ids.map((id) => ({ id }));
const edge = (from: string, to: string) => ({ from, to });

/** Crossings of the drawn edges between consecutive layers, counted from the routed points. */
function drawnCrossings(layout: ReturnType<typeof layeredLayout>): number {
  const segments = layout.edges.flatMap((e) => e.points.slice(1).map((p, i) => ({ a: e.points[i]!, b: p })));
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const s = segments[i]!;
      const t = segments[j]!;
      if (s.a.y !== t.a.y || s.b.y !== t.b.y) continue;
      if ((s.a.x - t.a.x) * (s.b.x - t.b.x) < 0) count++;
    }
  }
  return count;
}

describe("layered layout of a prerequisite graph", () => {
  it("puts each skill one layer below its deepest prerequisite (longest path from the roots)", () => {
    expect(longestPathLayers(4, [[], [0], [1], [0, 2]])).toEqual([0, 1, 2, 3]);
  });

  it("ignores an edge that closes a cycle instead of looping", () => {
    expect(longestPathLayers(2, [[1], [0]])).toEqual([1, 0]);
    const layout = layeredLayout(nodes("a", "b"), [edge("a", "b"), edge("b", "a")], OPTIONS);
    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges).toHaveLength(1);
  });

  it("stacks a chain straight down", () => {
    const layout = layeredLayout(nodes("a", "b", "c"), [edge("a", "b"), edge("b", "c")], OPTIONS);
    expect(layout.nodes.map((n) => [n.id, n.layer, n.x, n.y])).toEqual([
      ["a", 0, 0, 0],
      ["b", 1, 0, 70],
      ["c", 2, 0, 140],
    ]);
    expect(layout.width).toBe(100);
    expect(layout.height).toBe(180);
  });

  it("centres a diamond: the shared prerequisite above, the joint skill below, no crossings", () => {
    const layout = layeredLayout(nodes("a", "b", "c", "d"), [edge("a", "b"), edge("a", "c"), edge("b", "d"), edge("c", "d")], OPTIONS);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(at.get("a")!.x).toBe(60);
    expect(at.get("d")!.x).toBe(60);
    expect(at.get("c")!.x - at.get("b")!.x).toBe(120);
    expect(drawnCrossings(layout)).toBe(0);
  });

  it("routes an edge that skips layers through a point between the nodes of each layer it crosses", () => {
    const layout = layeredLayout(nodes("a", "b", "c"), [edge("a", "b"), edge("b", "c"), edge("a", "c")], OPTIONS);
    const long = layout.edges.find((e) => e.from === "a" && e.to === "c")!;
    expect(long.points).toHaveLength(4);
    const b = layout.nodes.find((n) => n.id === "b")!;
    const passing = long.points[1]!.x;
    expect(passing < b.x || passing > b.x + 100).toBe(true);
    expect(long.points[1]!.x).toBe(long.points[2]!.x);
  });

  it("orders layers to remove avoidable crossings", () => {
    const layout = layeredLayout(nodes("a", "b", "c", "d"), [edge("a", "d"), edge("b", "c")], OPTIONS);
    expect(drawnCrossings(layout)).toBe(0);
    const twoLevels = layeredLayout(
      nodes("r1", "r2", "r3", "x", "y", "z"),
      [edge("r1", "z"), edge("r2", "y"), edge("r3", "x"), edge("r1", "y")],
      OPTIONS,
    );
    expect(drawnCrossings(twoLevels)).toBe(0);
  });

  it("keeps a unit's skills together when crossings allow", () => {
    const layout = layeredLayout(
      [{ id: "root" }, { id: "u2-a", group: 2 }, { id: "u1-a", group: 1 }, { id: "u2-b", group: 2 }, { id: "u1-b", group: 1 }],
      [edge("root", "u2-a"), edge("root", "u1-a"), edge("root", "u2-b"), edge("root", "u1-b")],
      OPTIONS,
    );
    expect(layout.layers[1]).toEqual(["u1-a", "u1-b", "u2-a", "u2-b"]);
  });

  it("never overlaps nodes of a layer", () => {
    const ids = ["r", "a", "b", "c", "d", "e", "f"];
    const layout = layeredLayout(nodes(...ids), ids.slice(1).map((id) => edge("r", id)), OPTIONS);
    const layer1 = layout.nodes.filter((n) => n.layer === 1).map((n) => n.x);
    for (let i = 1; i < layer1.length; i++) expect(layer1[i]! - layer1[i - 1]!).toBeGreaterThanOrEqual(120);
    expect(layout.nodes.find((n) => n.id === "r")!.x + 50).toBeCloseTo((layer1[0]! + layer1.at(-1)! + 100) / 2);
  });

  it("is deterministic", () => {
    const make = () => layeredLayout(nodes("a", "b", "c", "d", "e"), [edge("a", "c"), edge("b", "c"), edge("a", "d"), edge("c", "e"), edge("b", "e")], OPTIONS);
    expect(make()).toEqual(make());
  });
});

describe("placing a layer in order", () => {
  it("keeps the order and the gaps, as close to the wishes as possible", () => {
    expect(placeInOrder([0, 0, 0], [10, 10])).toEqual([-10, 0, 10]);
    expect(placeInOrder([0, 100], [10])).toEqual([0, 100]);
    expect(placeInOrder([5, 0], [10])).toEqual([-2.5, 7.5]);
  });
});

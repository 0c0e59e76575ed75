import { describe, expect, it } from "vitest";
import { emptyMap, mapEntries, mapGet, mapSet } from "./persistent-map.ts";

describe("persistent map", () => {
  it("returns new maps and leaves old ones unchanged", () => {
    const a = mapSet(emptyMap<number>(), "x", 1);
    const b = mapSet(a, "x", 2);
    const c = mapSet(b, "y", 3);
    expect(mapGet(a, "x")).toBe(1);
    expect(mapGet(b, "x")).toBe(2);
    expect(mapGet(b, "y")).toBeUndefined();
    expect(c.size).toBe(2);
    expect(b.size).toBe(1);
  });

  it("holds thousands of keys", () => {
    let m = emptyMap<number>();
    for (let i = 0; i < 5000; i++) m = mapSet(m, `item-${i}`, i);
    expect(m.size).toBe(5000);
    expect(mapGet(m, "item-4321")).toBe(4321);
    expect([...mapEntries(m)].length).toBe(5000);
  });
});

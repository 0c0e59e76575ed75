/**
 * A layered (Sugiyama-style) drawing of a prerequisite graph, top to bottom, small enough to keep in the app
 * (≈ 2 KB gzipped, against ≈ 30 KB for dagre with its graph library): a course has tens of skills, not thousands.
 *
 * 1. Layers: longest path from the roots, so every prerequisite sits above the skills that need it.
 * 2. Edges spanning several layers get a virtual point per layer they cross, so they run between nodes, not over them.
 * 3. Order within layers: barycentre sweeps down and up with adjacent swaps, keeping the order with fewest crossings
 *    (Sugiyama, Tagawa & Toda 1981; Gansner et al. 1993 for the sweep-and-transpose scheme), then sifting.
 * 4. Horizontal positions: each node as close as the order allows to the mean of its neighbours, solved exactly per
 *    layer as an isotonic regression (pool-adjacent-violators), alternating down and up.
 */

export interface LayoutNode {
  readonly id: string;
  /** Tie-break key when ordering a layer (the unit's position, so units stay together where crossings allow). */
  readonly group?: number;
}

/** An edge from a prerequisite to a skill that needs it. */
export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
}

export interface LayoutOptions {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  /** Horizontal space between two nodes of a layer. */
  readonly gapX: number;
  /** Vertical space between layers (where edges bend). */
  readonly gapY: number;
  /** Space kept around a virtual edge point passing between nodes. */
  readonly edgeGap?: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlacedNode {
  readonly id: string;
  readonly layer: number;
  /** Top-left corner. */
  readonly x: number;
  readonly y: number;
}

export interface RoutedEdge {
  readonly from: string;
  readonly to: string;
  /** From the bottom of `from` to the top of `to`; consecutive points with equal x run straight down. */
  readonly points: readonly Point[];
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  /** Layer by layer, left to right: the reading (and keyboard) order. */
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly RoutedEdge[];
  /** Node ids per layer, left to right. */
  readonly layers: readonly (readonly string[])[];
}

interface Vertex {
  readonly real: boolean;
  readonly layer: number;
  /** Input index (real vertices) for stable ties. */
  readonly index: number;
  readonly group: number;
  readonly up: number[];
  readonly down: number[];
}

/** Layer of each node: 0 for roots, else one below its deepest prerequisite. Edges closing a cycle are ignored. */
export function longestPathLayers(count: number, prerequisites: readonly (readonly number[])[]): number[] {
  const layer = new Array<number>(count).fill(-1);
  const visiting = new Set<number>();
  const visit = (v: number): number => {
    if (layer[v]! >= 0) return layer[v]!;
    if (visiting.has(v)) return -1;
    visiting.add(v);
    let deepest = -1;
    for (const p of prerequisites[v] ?? []) deepest = Math.max(deepest, visit(p));
    visiting.delete(v);
    layer[v] = deepest + 1;
    return layer[v]!;
  };
  for (let v = 0; v < count; v++) visit(v);
  return layer;
}

/** Scratch positions within a layer, indexed by vertex (no allocation in the hot loop). */
let scratch = new Int32Array(64);

/** Crossings between two adjacent layers: pairs of edges whose ends are in opposite orders. */
function crossingsBetween(upper: readonly number[], lower: readonly number[], vertices: readonly Vertex[]): number {
  if (scratch.length < vertices.length) scratch = new Int32Array(vertices.length * 2);
  for (let i = 0; i < lower.length; i++) scratch[lower[i]!] = i;
  let crossings = 0;
  for (let a = 0; a < upper.length; a++) {
    const fromA = vertices[upper[a]!]!.down;
    for (let b = a + 1; b < upper.length; b++) {
      const fromB = vertices[upper[b]!]!.down;
      for (const x of fromA) for (const y of fromB) if (scratch[x]! > scratch[y]!) crossings++;
    }
  }
  return crossings;
}

function totalCrossings(order: readonly (readonly number[])[], vertices: readonly Vertex[]): number {
  let sum = 0;
  for (let l = 0; l + 1 < order.length; l++) sum += crossingsBetween(order[l]!, order[l + 1]!, vertices);
  return sum;
}

/** Reorders one layer by the mean position of each vertex's neighbours in the fixed layer; loners keep their place. */
function sortByBarycentre(layer: number[], neighbours: (v: number) => readonly number[], fixedPos: ReadonlyMap<number, number>, vertices: readonly Vertex[]) {
  const key = new Map<number, number>();
  layer.forEach((v, i) => {
    const ns = neighbours(v);
    key.set(v, ns.length === 0 ? i : ns.reduce((s, n) => s + fixedPos.get(n)!, 0) / ns.length);
  });
  const rank = (v: number) => [key.get(v)!, vertices[v]!.group, vertices[v]!.index] as const;
  layer.sort((a, b) => {
    const [ka, ga, ia] = rank(a);
    const [kb, gb, ib] = rank(b);
    return ka - kb || ga - gb || ia - ib;
  });
}

function positions(layer: readonly number[]): Map<number, number> {
  const pos = new Map<number, number>();
  layer.forEach((v, i) => pos.set(v, i));
  return pos;
}

/** Crossings of layer l with the layers above and below it. */
function localCrossings(order: readonly (readonly number[])[], l: number, vertices: readonly Vertex[]): number {
  return (l > 0 ? crossingsBetween(order[l - 1]!, order[l]!, vertices) : 0) + (l + 1 < order.length ? crossingsBetween(order[l]!, order[l + 1]!, vertices) : 0);
}

/**
 * Sifting (Matuszewski, Schönfeld & Molitor 1999): moves each vertex in turn to the place in its layer with the
 * fewest crossings, until a round changes nothing.
 */
function sift(order: number[][], vertices: readonly Vertex[]) {
  for (let round = 0, moved = true; moved && round < 4; round++) {
    moved = false;
    for (let l = 0; l < order.length; l++) {
      const layer = order[l]!;
      for (const v of [...layer]) {
        const from = layer.indexOf(v);
        layer.splice(from, 1);
        let bestAt = from;
        let fewest = Infinity;
        for (let at = 0; at <= layer.length; at++) {
          layer.splice(at, 0, v);
          const crossings = localCrossings(order, l, vertices);
          if (crossings < fewest || (crossings === fewest && at === from)) {
            fewest = crossings;
            bestAt = at;
          }
          layer.splice(at, 1);
        }
        layer.splice(bestAt, 0, v);
        if (bestAt !== from) moved = true;
      }
    }
  }
}

/** Swaps neighbours in a layer while that lowers the crossings with the layers above and below. */
function transpose(order: number[][], vertices: readonly Vertex[]) {
  for (let pass = 0, improved = true; improved && pass < 8; pass++) {
    improved = false;
    for (let l = 0; l < order.length; l++) {
      const layer = order[l]!;
      for (let i = 0; i + 1 < layer.length; i++) {
        const before = localCrossings(order, l, vertices);
        [layer[i], layer[i + 1]] = [layer[i + 1]!, layer[i]!];
        if (localCrossings(order, l, vertices) < before) improved = true;
        else [layer[i], layer[i + 1]] = [layer[i + 1]!, layer[i]!];
      }
    }
  }
}

/** Moves virtual points towards the line between their neighbours without adding crossings; true if any moved. */
function straightenLongEdges(order: number[][], vertices: readonly Vertex[], centre: ReadonlyMap<number, number>, nodeWidth: number): boolean {
  let movedAny = false;
  for (let l = 1; l + 1 < order.length; l++) {
    const layer = order[l]!;
    for (const v of layer.filter((u) => !vertices[u]!.real)) {
      const ideal = (centre.get(vertices[v]!.up[0]!)! + centre.get(vertices[v]!.down[0]!)!) / 2;
      const from = layer.indexOf(v);
      const before = localCrossings(order, l, vertices);
      const others = layer.filter((u) => u !== v);
      // The x a point would get between two neighbours of the layer (the current positions, before re-placing).
      const edgeOf = (u: number | undefined, side: -1 | 1) => (u === undefined ? undefined : centre.get(u)! + (side * (vertices[u]!.real ? nodeWidth : 0)) / 2);
      let bestAt = from;
      let bestDistance = Infinity;
      for (let at = 0; at <= others.length; at++) {
        order[l] = [...others.slice(0, at), v, ...others.slice(at)];
        if (localCrossings(order, l, vertices) > before) continue;
        const leftEdge = edgeOf(others[at - 1], 1);
        const rightEdge = edgeOf(others[at], -1);
        const slot = leftEdge === undefined ? Math.min(ideal, rightEdge!) : rightEdge === undefined ? Math.max(ideal, leftEdge) : Math.min(Math.max(ideal, leftEdge), rightEdge);
        const distance = Math.abs(slot - ideal) + (leftEdge !== undefined && rightEdge !== undefined && rightEdge < leftEdge ? Infinity : 0);
        if (distance < bestDistance - 1) {
          bestDistance = distance;
          bestAt = at;
        }
      }
      order[l] = [...others.slice(0, bestAt), v, ...others.slice(bestAt)];
      if (bestAt !== from) movedAny = true;
    }
  }
  return movedAny;
}

/**
 * Positions as close as possible (least squares) to `desired`, in the given order, at least `gaps[i]` apart between
 * item i and i + 1: with y_i = x_i − offset_i the constraints become y nondecreasing, solved by pool-adjacent-violators.
 */
export function placeInOrder(desired: readonly number[], gaps: readonly number[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (let i = 0; i < desired.length; i++) {
    offsets.push(offset);
    offset += gaps[i] ?? 0;
  }
  const blocks: { sum: number; count: number }[] = [];
  for (let i = 0; i < desired.length; i++) {
    blocks.push({ sum: desired[i]! - offsets[i]!, count: 1 });
    while (blocks.length > 1 && blocks.at(-2)!.sum / blocks.at(-2)!.count > blocks.at(-1)!.sum / blocks.at(-1)!.count) {
      const last = blocks.pop()!;
      blocks.at(-1)!.sum += last.sum;
      blocks.at(-1)!.count += last.count;
    }
  }
  const result: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) result.push(b.sum / b.count + offsets[result.length]!);
  return result;
}

/** Lays out a prerequisite graph top to bottom. Deterministic: the same input always gives the same drawing. */
export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions): Layout {
  const { nodeWidth, nodeHeight, gapX, gapY } = options;
  const edgeGap = options.edgeGap ?? 12;
  const indexOf = new Map(nodes.map((n, i) => [n.id, i]));
  const unique = new Map<string, LayoutEdge>();
  for (const e of edges) if (e.from !== e.to && indexOf.has(e.from) && indexOf.has(e.to)) unique.set(`${e.from}\u0000${e.to}`, e);
  const kept = [...unique.values()];
  const prerequisites: number[][] = nodes.map(() => []);
  for (const e of kept) prerequisites[indexOf.get(e.to)!]!.push(indexOf.get(e.from)!);
  const layerOf = longestPathLayers(nodes.length, prerequisites);

  // Vertices: the real nodes, then a virtual point per layer crossed by a long edge.
  const vertices: Vertex[] = nodes.map((n, i) => ({ real: true, layer: layerOf[i]!, index: i, group: n.group ?? 0, up: [], down: [] }));
  const chains: { edge: LayoutEdge; path: number[] }[] = [];
  for (const e of kept) {
    const from = indexOf.get(e.from)!;
    const to = indexOf.get(e.to)!;
    if (layerOf[from]! >= layerOf[to]!) continue; // closes a cycle: not drawn
    const path = [from];
    for (let l = layerOf[from]! + 1; l < layerOf[to]!; l++) {
      vertices.push({ real: false, layer: l, index: nodes.length + vertices.length, group: vertices[to]!.group, up: [], down: [] });
      path.push(vertices.length - 1);
    }
    path.push(to);
    for (let k = 0; k + 1 < path.length; k++) {
      vertices[path[k]!]!.down.push(path[k + 1]!);
      vertices[path[k + 1]!]!.up.push(path[k]!);
    }
    chains.push({ edge: e, path });
  }

  const layerCount = nodes.length === 0 ? 0 : Math.max(...layerOf) + 1;
  let order: number[][] = Array.from({ length: layerCount }, () => []);
  vertices.forEach((v, i) => order[v.layer]!.push(i));
  order[0]?.sort((a, b) => vertices[a]!.group - vertices[b]!.group || vertices[a]!.index - vertices[b]!.index);
  for (let l = 1; l < layerCount; l++) sortByBarycentre(order[l]!, (v) => vertices[v]!.up, positions(order[l - 1]!), vertices);

  let best = order.map((layer) => [...layer]);
  let bestCrossings = totalCrossings(best, vertices);
  for (let sweep = 0, stale = 0; sweep < 12 && stale < 4 && bestCrossings > 0; sweep++) {
    if (sweep % 2 === 0) for (let l = 1; l < layerCount; l++) sortByBarycentre(order[l]!, (v) => vertices[v]!.up, positions(order[l - 1]!), vertices);
    else for (let l = layerCount - 2; l >= 0; l--) sortByBarycentre(order[l]!, (v) => vertices[v]!.down, positions(order[l + 1]!), vertices);
    transpose(order, vertices);
    const crossings = totalCrossings(order, vertices);
    stale++;
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = order.map((layer) => [...layer]);
      stale = 0;
    }
  }
  order = best;
  if (bestCrossings > 0) sift(order, vertices);

  // Horizontal centres.
  const width = (v: number) => (vertices[v]!.real ? nodeWidth : 0);
  const gapsOf = (layer: readonly number[]) =>
    layer.slice(0, -1).map((v, i) => (width(v) + width(layer[i + 1]!)) / 2 + (vertices[v]!.real && vertices[layer[i + 1]!]!.real ? gapX : edgeGap));
  const centre = new Map<number, number>();
  const settle = (layer: readonly number[], neighbours: (v: number) => readonly number[]) => {
    const desired = layer.map((v) => {
      const ns = neighbours(v);
      return ns.length === 0 ? centre.get(v)! : ns.reduce((s, n) => s + centre.get(n)!, 0) / ns.length;
    });
    placeInOrder(desired, gapsOf(layer)).forEach((x, i) => centre.set(layer[i]!, x));
  };
  const place = () => {
    for (const layer of order) placeInOrder(layer.map(() => 0), gapsOf(layer)).forEach((x, i) => centre.set(layer[i]!, x));
    for (let round = 0; round < 6; round++) {
      for (let l = 1; l < layerCount; l++) settle(order[l]!, (v) => vertices[v]!.up);
      for (let l = layerCount - 2; l >= 0; l--) settle(order[l]!, (v) => vertices[v]!.down);
    }
    for (let l = 0; l < layerCount; l++) settle(order[l]!, (v) => [...vertices[v]!.up, ...vertices[v]!.down]);
  };
  place();
  // A long edge may have been sent round the outside to save nothing: move each of its points to the slot of its
  // layer nearest the straight line between its neighbours, among the slots that add no crossing.
  if (straightenLongEdges(order, vertices, centre, nodeWidth)) place();

  const left = Math.min(...[...centre.entries()].map(([v, x]) => x - width(v) / 2));
  const right = Math.max(...[...centre.entries()].map(([v, x]) => x + width(v) / 2));
  const top = (l: number) => l * (nodeHeight + gapY);
  const cx = (v: number) => centre.get(v)! - left;

  // Ports: the edges leaving (or entering) a node spread along its bottom (or top), in the order of their far ends.
  const portSpacing = Math.min(16, (nodeWidth * 0.6) / Math.max(1, Math.max(...vertices.map((v) => Math.max(v.up.length, v.down.length)))));
  const port = (v: number, to: number, side: "up" | "down") => {
    if (!vertices[v]!.real) return cx(v);
    const ends = [...vertices[v]![side]].sort((a, b) => cx(a) - cx(b));
    return cx(v) + (ends.indexOf(to) - (ends.length - 1) / 2) * portSpacing;
  };
  const routed: RoutedEdge[] = chains.map(({ edge, path }) => {
    const points: Point[] = [{ x: port(path[0]!, path[1]!, "down"), y: top(vertices[path[0]!]!.layer) + nodeHeight }];
    for (const v of path.slice(1, -1)) {
      points.push({ x: cx(v), y: top(vertices[v]!.layer) });
      points.push({ x: cx(v), y: top(vertices[v]!.layer) + nodeHeight });
    }
    const last = path.at(-1)!;
    points.push({ x: port(last, path.at(-2)!, "up"), y: top(vertices[last]!.layer) });
    return { from: edge.from, to: edge.to, points };
  });

  const placed: PlacedNode[] = order.flatMap((layer) =>
    layer.filter((v) => vertices[v]!.real).map((v) => ({ id: nodes[v]!.id, layer: vertices[v]!.layer, x: cx(v) - nodeWidth / 2, y: top(vertices[v]!.layer) })),
  );
  return {
    width: nodes.length === 0 ? 0 : right - left,
    height: layerCount === 0 ? 0 : top(layerCount - 1) + nodeHeight,
    nodes: placed,
    edges: routed,
    layers: order.map((layer) => layer.filter((v) => vertices[v]!.real).map((v) => nodes[v]!.id)),
  };
}

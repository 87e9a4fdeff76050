// Reading a matching instance from its JSON form (docs/matching.instance.schema.json) into the typed-array
// form the solvers use, and back. Pure: returns the problems found, each naming the offending item by
// its JSON path, e.g. `edges[12].post: unknown post "P9"`. The platform and the CLI share it.
import { MAX_ABS_SCORE, MAX_CAPACITY, type MatchingInstance } from './types.ts';

export interface InstanceError {
  /** JSON path of the offending item, e.g. `edges[12].post`. */
  readonly path: string;
  readonly message: string;
}

export type ParsedInstance =
  { ok: true; instance: MatchingInstance } | { ok: false; errors: InstanceError[]; truncated: boolean };

/** The JSON form of an instance (what the schema describes). */
export interface InstanceJson {
  students: { id: string }[];
  posts: { id: string; enterprise: string; capacity: number }[];
  enterprises: { id: string; capacity: number }[];
  edges: { student: string; post: string; score: number; rank?: number; priority?: number }[];
}

export function formatInstanceError(e: InstanceError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

const MAX_ERRORS = 100;

class Problems {
  readonly list: InstanceError[] = [];
  truncated = false;
  add(path: string, message: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push({ path, message });
    else this.truncated = true;
  }
  get full(): boolean {
    return this.truncated;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/** Reads the ids of one list; returns the id → index map (null entries where the id was bad). */
function readIds(
  list: unknown[],
  name: string,
  kind: string,
  problems: Problems,
): { ids: string[]; index: Map<string, number> } {
  const ids: string[] = new Array<string>(list.length);
  const index = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const path = `${name}[${i}]`;
    if (!isObject(item)) {
      problems.add(path, `must be an object, got ${show(item)}`);
      ids[i] = '';
      continue;
    }
    const id = item.id;
    if (typeof id !== 'string' || id.length === 0) {
      problems.add(`${path}.id`, `must be a non-empty string, got ${show(id)}`);
      ids[i] = '';
      continue;
    }
    ids[i] = id;
    const seen = index.get(id);
    if (seen !== undefined) problems.add(`${path}.id`, `duplicate ${kind} "${id}" (also ${name}[${seen}])`);
    else index.set(id, i);
  }
  return { ids, index };
}

function readCapacity(v: unknown, path: string, problems: Problems): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    problems.add(path, `must be a non-negative integer, got ${show(v)}`);
    return 0;
  }
  if (v < 0) {
    problems.add(path, `must not be negative, got ${v}`);
    return 0;
  }
  return Math.min(v, MAX_CAPACITY);
}

/** Validates `json` (a parsed JSON value) as a matching instance. */
export function parseInstance(json: unknown): ParsedInstance {
  const problems = new Problems();
  if (!isObject(json)) {
    problems.add('', `an instance must be a JSON object, got ${show(json)}`);
    return { ok: false, errors: problems.list, truncated: false };
  }
  const lists: Record<'students' | 'posts' | 'enterprises' | 'edges', unknown[]> = {
    students: [],
    posts: [],
    enterprises: [],
    edges: [],
  };
  for (const key of ['students', 'posts', 'enterprises', 'edges'] as const) {
    const v = json[key];
    if (!Array.isArray(v)) problems.add(key, `must be an array, got ${show(v)}`);
    else lists[key] = v;
  }
  if (problems.list.length > 0) return { ok: false, errors: problems.list, truncated: false };

  const students = readIds(lists.students, 'students', 'student', problems);
  const enterprises = readIds(lists.enterprises, 'enterprises', 'enterprise', problems);
  const posts = readIds(lists.posts, 'posts', 'post', problems);

  const nE = enterprises.ids.length;
  const enterpriseCapacity = new Int32Array(nE);
  for (let e = 0; e < nE; e++) {
    const item = lists.enterprises[e];
    if (isObject(item))
      enterpriseCapacity[e] = readCapacity(item.capacity, `enterprises[${e}].capacity`, problems);
  }
  const nP = posts.ids.length;
  const postCapacity = new Int32Array(nP);
  const postEnterprise = new Int32Array(nP);
  for (let j = 0; j < nP; j++) {
    const item = lists.posts[j];
    if (!isObject(item)) continue;
    postCapacity[j] = readCapacity(item.capacity, `posts[${j}].capacity`, problems);
    const ent = item.enterprise;
    if (typeof ent !== 'string') {
      problems.add(`posts[${j}].enterprise`, `must be an enterprise id (a string), got ${show(ent)}`);
      continue;
    }
    const e = enterprises.index.get(ent);
    if (e === undefined) problems.add(`posts[${j}].enterprise`, `unknown enterprise ${show(ent)}`);
    else postEnterprise[j] = e;
  }

  const m = lists.edges.length;
  const edgeStudent = new Int32Array(m);
  const edgePost = new Int32Array(m);
  const edgeScore = new Int32Array(m);
  const edgeRank = new Int32Array(m);
  const edgePriority = new Float64Array(m).fill(NaN);
  const edgeOk = new Uint8Array(m);
  for (let k = 0; k < m && !problems.full; k++) {
    const item = lists.edges[k];
    const path = `edges[${k}]`;
    if (!isObject(item)) {
      problems.add(path, `must be an object, got ${show(item)}`);
      continue;
    }
    let ok = true;
    const s = typeof item.student === 'string' ? students.index.get(item.student) : undefined;
    if (s === undefined) {
      ok = false;
      problems.add(
        `${path}.student`,
        typeof item.student === 'string'
          ? `unknown student ${show(item.student)}`
          : `must be a student id (a string), got ${show(item.student)}`,
      );
    } else edgeStudent[k] = s;
    const p = typeof item.post === 'string' ? posts.index.get(item.post) : undefined;
    if (p === undefined) {
      ok = false;
      problems.add(
        `${path}.post`,
        typeof item.post === 'string'
          ? `unknown post ${show(item.post)}`
          : `must be a post id (a string), got ${show(item.post)}`,
      );
    } else edgePost[k] = p;
    const score = item.score;
    if (typeof score !== 'number' || !Number.isInteger(score))
      problems.add(`${path}.score`, `must be an integer, got ${show(score)}`);
    else if (Math.abs(score) > MAX_ABS_SCORE)
      problems.add(`${path}.score`, `must be between -${MAX_ABS_SCORE} and ${MAX_ABS_SCORE}, got ${score}`);
    else edgeScore[k] = score;
    const rank = item.rank;
    if (rank !== undefined && rank !== null) {
      if (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 1 || rank > MAX_CAPACITY)
        problems.add(`${path}.rank`, `must be a positive integer, got ${show(rank)}`);
      else edgeRank[k] = rank;
    }
    const priority = item.priority;
    if (priority !== undefined && priority !== null) {
      if (typeof priority !== 'number' || !Number.isFinite(priority))
        problems.add(`${path}.priority`, `must be a finite number, got ${show(priority)}`);
      else edgePriority[k] = priority;
    }
    if (ok) edgeOk[k] = 1;
  }

  // Duplicate edges and duplicate ranks, per student (edges grouped by student, in input order).
  if (!problems.full) {
    const nS = students.ids.length;
    const start = new Int32Array(nS + 1);
    for (let k = 0; k < m; k++) if (edgeOk[k]) start[edgeStudent[k]! + 1]!++;
    for (let i = 0; i < nS; i++) start[i + 1]! += start[i]!;
    const order = new Int32Array(start[nS]!);
    const fill = start.slice(0, nS);
    for (let k = 0; k < m; k++) if (edgeOk[k]) order[fill[edgeStudent[k]!]!++] = k;
    const lastAt = new Int32Array(nP).fill(-1);
    const ranks = new Map<number, number>();
    for (let i = 0; i < nS && !problems.full; i++) {
      ranks.clear();
      for (let x = start[i]!; x < start[i + 1]!; x++) {
        const k = order[x]!;
        const p = edgePost[k]!;
        const prev = lastAt[p]!;
        if (prev >= 0 && edgeStudent[prev] === i)
          problems.add(
            `edges[${k}]`,
            `duplicate edge: student "${students.ids[i]}" and post "${posts.ids[p]}" (also edges[${prev}])`,
          );
        else lastAt[p] = k;
        const r = edgeRank[k]!;
        if (r > 0) {
          const other = ranks.get(r);
          if (other !== undefined)
            problems.add(
              `edges[${k}].rank`,
              `student "${students.ids[i]}" gives rank ${r} twice (also edges[${other}])`,
            );
          else ranks.set(r, k);
        }
      }
    }
  }

  if (problems.list.length > 0) return { ok: false, errors: problems.list, truncated: problems.truncated };
  return {
    ok: true,
    instance: {
      studentIds: students.ids,
      postIds: posts.ids,
      enterpriseIds: enterprises.ids,
      postEnterprise,
      postCapacity,
      enterpriseCapacity,
      edgeStudent,
      edgePost,
      edgeScore,
      edgeRank,
      edgePriority,
    },
  };
}

/** The JSON form of an instance (e.g. to write a generated one to a file). */
export function instanceToJson(inst: MatchingInstance): InstanceJson {
  const { studentIds, postIds, enterpriseIds } = inst;
  const edges: InstanceJson['edges'] = [];
  for (let k = 0; k < inst.edgeStudent.length; k++) {
    const edge: InstanceJson['edges'][number] = {
      student: studentIds[inst.edgeStudent[k]!]!,
      post: postIds[inst.edgePost[k]!]!,
      score: inst.edgeScore[k]!,
    };
    if (inst.edgeRank[k]! > 0) edge.rank = inst.edgeRank[k]!;
    if (!Number.isNaN(inst.edgePriority[k]!)) edge.priority = inst.edgePriority[k]!;
    edges.push(edge);
  }
  return {
    students: studentIds.map((id) => ({ id })),
    posts: postIds.map((id, j) => ({
      id,
      enterprise: enterpriseIds[inst.postEnterprise[j]!]!,
      capacity: inst.postCapacity[j]!,
    })),
    enterprises: enterpriseIds.map((id, e) => ({ id, capacity: inst.enterpriseCapacity[e]! })),
    edges,
  };
}

/** The priority an enterprise gives edge `k`: its priority, or its score when none is given. */
export function edgePriorityOf(inst: MatchingInstance, k: number): number {
  const p = inst.edgePriority[k]!;
  return Number.isNaN(p) ? inst.edgeScore[k]! : p;
}

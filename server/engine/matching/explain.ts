// Why each student got what it got: for every post it preferred to its assignment (in its order of
// preference), the fact that kept it out — the post was full (naming the lowest-priority student admitted
// there), its enterprise was at capacity (naming the lowest at the enterprise), or, in optimal mode, both
// had room but the best total placed the student elsewhere. (A stable result never has that last case:
// it would be a blocking pair.)
import { edgePriorityOf } from './instance.ts';
import { preferenceRows } from './order.ts';
import type { Admitted, MatchMode, MatchingInstance, PostExplanation, StudentExplanation } from './types.ts';

/** The lowest-priority holder per group (post or enterprise): lower priority, then later student. */
function lowestHolders(
  inst: MatchingInstance,
  studentEdge: Int32Array,
  groups: number,
  groupOf: (post: number) => number,
): (Admitted | null)[] {
  const out: (Admitted | null)[] = new Array<Admitted | null>(groups).fill(null);
  for (let i = 0; i < studentEdge.length; i++) {
    const k = studentEdge[i]!;
    if (k < 0) continue;
    const g = groupOf(inst.edgePost[k]!);
    const priority = edgePriorityOf(inst, k);
    const cur = out[g];
    if (!cur || priority < cur.priority || (priority === cur.priority && i > cur.student))
      out[g] = { student: i, priority };
  }
  return out;
}

/**
 * Explains `studentEdge` (a result of either mode). `mode` only documents which mode produced it: the
 * facts are read off the result the same way for both.
 */
export function explainMatching(
  inst: MatchingInstance,
  studentEdge: Int32Array,
  _mode: MatchMode = 'optimal',
): StudentExplanation[] {
  const nP = inst.postIds.length;
  const nE = inst.enterpriseIds.length;
  const { postEnterprise, postCapacity, enterpriseCapacity, edgePost } = inst;
  const postCount = new Int32Array(nP);
  const entCount = new Int32Array(nE);
  for (const k of studentEdge)
    if (k >= 0) {
      postCount[edgePost[k]!]!++;
      entCount[postEnterprise[edgePost[k]!]!]!++;
    }
  const lowestAtPost = lowestHolders(inst, studentEdge, nP, (j) => j);
  const lowestAtEnt = lowestHolders(inst, studentEdge, nE, (j) => postEnterprise[j]!);
  const { start, edges } = preferenceRows(inst);
  const out: StudentExplanation[] = [];
  for (let i = 0; i < studentEdge.length; i++) {
    const own = studentEdge[i]!;
    const preferred: PostExplanation[] = [];
    for (let x = start[i]!; x < start[i + 1]! && edges[x] !== own; x++) {
      const j = edgePost[edges[x]!]!;
      const e = postEnterprise[j]!;
      if (postCount[j]! >= postCapacity[j]!)
        preferred.push({ post: j, reason: 'post_full', lowestAdmitted: lowestAtPost[j] ?? null });
      else if (entCount[e]! >= enterpriseCapacity[e]!)
        preferred.push({ post: j, reason: 'enterprise_full', lowestAdmitted: lowestAtEnt[e] ?? null });
      else preferred.push({ post: j, reason: 'lower_total' });
    }
    out.push({ post: own >= 0 ? edgePost[own]! : -1, preferred });
  }
  return out;
}

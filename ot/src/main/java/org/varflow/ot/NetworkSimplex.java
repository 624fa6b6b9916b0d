package org.varflow.ot;

import java.util.Arrays;

/**
 * Primal network simplex for the transportation problem, one instance per solve (it owns all scratch arrays).
 *
 * <h2>Network</h2>
 * Nodes 0..n-1 are the sources (supply a_i), nodes n..n+m-1 the targets (demand b_j), node n+m an artificial root.
 * Arc e = i m + j (0 <= e < n m) goes from source i to target n + j with cost C_ij and unbounded capacity. Each node u
 * also has one artificial arc n m + u joining it to the root, with cost ART = 3 max |C_ij| (or 1 when C = 0): from u
 * to the root if u has positive supply, from the root to u otherwise. Since ART > max C / 2, routing mass through the
 * root (u to root to v) is always dearer than the direct arc u to v, so an optimal solution carries no artificial flow
 * (up to the rounding of the two total masses).
 *
 * <h2>Spanning tree</h2>
 * The basis is a spanning tree rooted at the root, stored as parent, pred (the tree arc joining a node to its parent),
 * predUp (whether that arc points from the node to its parent), predFlow (its flow), depth, and a preorder thread
 * (thread / revThread, circular through the root). Node potentials pi make every tree arc tight:
 * C_e + pi[source(e)] - pi[target(e)] = 0, pi[root] = 0. They are recomputed from the parent at every pivot for the
 * whole re-hung subtree, so pi[u] = pi[parent(u)] -/+ C_pred(u) holds exactly as computed and no drift accumulates.
 *
 * <h2>Pivot</h2>
 * <ul>
 *   <li>Pricing (block search): scan the arcs cyclically in blocks of about sqrt(#arcs); at the end of the first block
 *       containing an arc with reduced cost C_e + pi[s] - pi[t] < -tol, enter the most negative arc of that block.
 *       None left in a full cycle: optimal.</li>
 *   <li>Cycle: the entering arc (s, t) closes a cycle with the tree paths from s and t to their apex (join). Flow
 *       increases by delta along the cycle oriented as s to t; the blocking arcs are the tree arcs pointing against
 *       that orientation, delta is their smallest flow.</li>
 *   <li>Leaving arc (strongly feasible trees, Cunningham 1976; Ahuja, Magnanti and Orlin, <i>Network Flows</i>,
 *       section 11.6): the <b>last</b> blocking arc met when the cycle is traversed along its orientation starting at
 *       the apex. The initial star tree is strongly feasible (every zero-flow tree arc points away from the root), the
 *       rule keeps it so, and then every degenerate pivot changes sum_u pi[u] strictly in the same direction, so no
 *       basis repeats: the simplex cannot cycle on ties.</li>
 *   <li>Update: the subtree cut off by the leaving arc is re-hung below the entering arc: the parent pointers along
 *       its stem (from the entering endpoint up to the leaving arc) are reversed, its preorder is rebuilt in one walk
 *       of the old thread and spliced in after the new parent, and its depths and potentials are recomputed.</li>
 * </ul>
 * Costs per pivot: O(block + cycle length + size of the re-hung subtree); memory O(n m) for the arc states only.
 */
final class NetworkSimplex {
    private final int n;
    private final int m;
    private final int nm;
    private final int root;
    private final int arcCount;
    private final double[] cost;
    private final double art;
    private final double tolerance;
    private final int blockSize;

    private final boolean[] artUp;
    private final boolean[] inTree;

    private final int[] parent;
    private final int[] pred;
    private final boolean[] predUp;
    private final double[] predFlow;
    private final int[] depth;
    private final int[] thread;
    private final int[] revThread;
    private final double[] pi;

    private final int[] stem;
    private final int[] order;

    private int nextArc;
    private long pivots;

    /** Arguments are validated by {@link ExactOT}; {@code cost} is read, never written. */
    NetworkSimplex(double[] a, double[] b, double[] cost) {
        this.n = a.length;
        this.m = b.length;
        this.nm = n * m;
        this.root = n + m;
        this.arcCount = nm + n + m;
        this.cost = cost;
        double maxAbs = 0;
        for (double c : cost) {
            maxAbs = Math.max(maxAbs, Math.abs(c));
        }
        this.art = maxAbs > 0 ? 3 * maxAbs : 1;
        this.tolerance = 1e-12 * art;
        this.blockSize = Math.max(10, (int) Math.sqrt(arcCount));

        int nodes = n + m + 1;
        artUp = new boolean[n + m];
        inTree = new boolean[arcCount];
        parent = new int[nodes];
        pred = new int[nodes];
        predUp = new boolean[nodes];
        predFlow = new double[nodes];
        depth = new int[nodes];
        thread = new int[nodes];
        revThread = new int[nodes];
        pi = new double[nodes];
        stem = new int[nodes];
        order = new int[nodes];

        // initial strongly feasible star: supply nodes send up to the root, demand (and zero) nodes are fed from it
        parent[root] = -1;
        pred[root] = -1;
        thread[root] = 0;
        revThread[0] = root;
        for (int u = 0; u < n + m; u++) {
            double supply = u < n ? a[u] : -b[u - n];
            artUp[u] = supply > 0;
            parent[u] = root;
            pred[u] = nm + u;
            predUp[u] = artUp[u];
            predFlow[u] = Math.abs(supply);
            depth[u] = 1;
            pi[u] = artUp[u] ? -art : art;
            inTree[nm + u] = true;
            thread[u] = u + 1;
            revThread[u + 1] = u;
        }
        thread[n + m - 1] = root;
        revThread[root] = n + m - 1;
    }

    /** Pivots until no arc has a reduced cost below -tol. */
    void run() {
        run(null);
    }

    /** Pivots until optimal, counting them in {@code counter} as well (may be null). */
    void run(java.util.concurrent.atomic.AtomicLong counter) {
        for (int e = findEntering(); e >= 0; e = findEntering()) {
            pivot(e);
            pivots++;
            if (counter != null && (pivots & 1023) == 0) {
                counter.set(pivots);
            }
        }
        if (counter != null) {
            counter.set(pivots);
        }
    }

    /**
     * Block-search pricing; returns the entering arc or -1 at optimality. The scan walks the cost matrix in runs
     * along a row, so a real arc's reduced cost C_ij + pi_i - pi_(n+j) costs no integer division (one per run, not
     * per arc: pricing is nearly all of the solver's time, and the division per arc made it three times slower).
     * The scan may stop past the end of a row only at a block boundary, exactly as an arc-by-arc scan would.
     */
    private int findEntering() {
        double best = -tolerance;
        int bestArc = -1;
        int left = blockSize;
        int e = nextArc;
        int scanned = 0;
        while (scanned < arcCount) {
            int run;
            if (e < nm) {
                // a run of real arcs along row i: a loop simple enough for the JIT to unroll
                int i = e / m;
                int j = e - i * m;
                run = Math.min(m - j, left);
                double rowPotential = pi[i];
                int columns = n + j - e;   // pi index of arc f's column is f + columns
                for (int f = e, end = e + run; f < end; f++) {
                    double rc = cost[f] + rowPotential - pi[f + columns];
                    if (rc < best && !inTree[f]) {
                        best = rc;
                        bestArc = f;
                    }
                }
            } else {
                run = 1;
                if (!inTree[e]) {
                    double rc = reducedCost(e);
                    if (rc < best) {
                        best = rc;
                        bestArc = e;
                    }
                }
            }
            scanned += run;
            e += run;
            if (e == arcCount) {
                e = 0;
            }
            left -= run;
            if (left == 0) {
                if (bestArc >= 0) {
                    break;
                }
                left = blockSize;
            }
        }
        nextArc = e;
        return bestArc;
    }

    private double reducedCost(int e) {
        if (e < nm) {
            int i = e / m;
            return cost[e] + pi[i] - pi[n + e - i * m];
        }
        int u = e - nm;
        return artUp[u] ? art + pi[u] : art - pi[u];
    }

    private int source(int e) {
        if (e < nm) {
            return e / m;
        }
        int u = e - nm;
        return artUp[u] ? u : root;
    }

    private int target(int e) {
        if (e < nm) {
            return n + e % m;
        }
        int u = e - nm;
        return artUp[u] ? root : u;
    }

    private double arcCost(int e) {
        return e < nm ? cost[e] : art;
    }

    private void pivot(int entering) {
        int s = source(entering);
        int t = target(entering);

        // apex of the cycle
        int u = s;
        int v = t;
        while (u != v) {
            if (depth[u] > depth[v]) {
                u = parent[u];
            } else if (depth[v] > depth[u]) {
                v = parent[v];
            } else {
                u = parent[u];
                v = parent[v];
            }
        }
        int join = u;

        // leaving arc: last blocking arc in the order apex -> s -> t -> apex.
        // On the s side that is the blocking arc nearest to s (strict <, walking up from s); any blocking arc on the
        // t side comes later in that order, nearest to the apex winning (<=, walking up from t).
        double delta = Double.POSITIVE_INFINITY;
        int out = -1;
        boolean onSourceSide = false;
        for (int x = s; x != join; x = parent[x]) {
            if (predUp[x] && predFlow[x] < delta) {
                delta = predFlow[x];
                out = x;
                onSourceSide = true;
            }
        }
        for (int x = t; x != join; x = parent[x]) {
            if (!predUp[x] && predFlow[x] <= delta) {
                delta = predFlow[x];
                out = x;
                onSourceSide = false;
            }
        }
        if (out < 0) {
            throw new IllegalStateException("unbounded pivot cycle; the transportation problem cannot be unbounded");
        }
        if (delta > 0) {
            for (int x = s; x != join; x = parent[x]) {
                predFlow[x] += predUp[x] ? -delta : delta;
            }
            for (int x = t; x != join; x = parent[x]) {
                predFlow[x] += predUp[x] ? delta : -delta;
            }
        }
        int leaving = pred[out];

        // the subtree below the leaving arc is re-hung at q (the entering endpoint inside it) under p
        int q = onSourceSide ? s : t;
        int p = onSourceSide ? t : s;
        int stemLength = 0;
        for (int x = q;; x = parent[x]) {
            stem[stemLength++] = x;
            if (x == out) {
                break;
            }
        }

        // new preorder of the subtree: x_0, (old subtree of x_0), x_1, (old subtree of x_1 minus that of x_0), ...
        // computed from the old thread and depths; depths are shifted as nodes are emitted.
        int before = revThread[out];
        int count = 0;
        int previousStem = -1;
        int previousAfter = -1;
        int baseDepth = depth[p] + 1;
        for (int k = 0; k < stemLength; k++) {
            int x = stem[k];
            int oldDepth = depth[x];
            int shift = baseDepth + k - oldDepth;
            depth[x] = baseDepth + k;
            order[count++] = x;
            int w = thread[x];
            while (true) {
                if (w == previousStem) {
                    w = previousAfter;
                    continue;
                }
                if (depth[w] <= oldDepth) {
                    break;
                }
                depth[w] += shift;
                order[count++] = w;
                w = thread[w];
            }
            previousStem = x;
            previousAfter = w;
        }
        int after = previousAfter;

        // reverse the stem: x_{k+1} becomes a child of x_k through x_k's old tree arc
        for (int k = stemLength - 1; k > 0; k--) {
            int child = stem[k];
            int newParent = stem[k - 1];
            parent[child] = newParent;
            pred[child] = pred[newParent];
            predUp[child] = !predUp[newParent];
            predFlow[child] = predFlow[newParent];
        }
        parent[q] = p;
        pred[q] = entering;
        predUp[q] = onSourceSide; // the arc s -> t points from q to p exactly when q = s
        predFlow[q] = delta;

        // cut the old block [out .. revThread[after]] out of the thread, splice the new order in after p
        thread[before] = after;
        revThread[after] = before;
        for (int k = 0; k + 1 < count; k++) {
            thread[order[k]] = order[k + 1];
            revThread[order[k + 1]] = order[k];
        }
        int next = thread[p];
        thread[p] = order[0];
        revThread[order[0]] = p;
        thread[order[count - 1]] = next;
        revThread[next] = order[count - 1];

        // potentials of the re-hung subtree, parents first (preorder)
        for (int k = 0; k < count; k++) {
            int x = order[k];
            double c = arcCost(pred[x]);
            pi[x] = predUp[x] ? pi[parent[x]] - c : pi[parent[x]] + c;
        }

        inTree[entering] = true;
        inTree[leaving] = false;
    }

    /**
     * The optimal plan (positive tree flows on real arcs, sorted by (i, j)), its cost, and centred dual potentials
     * f_i = -pi[i], g_j = pi[n + j]. Potentials of zero-weight nodes are replaced by their c-transforms
     * g_j = min_i (C_ij - f_i), f_i = min_j (C_ij - g_j), the tightest feasible values, which changes neither
     * feasibility nor the dual objective.
     */
    ExactOTResult result(double[] a, double[] b) {
        long[] keys = new long[n + m];
        int count = 0;
        for (int u = 0; u < n + m; u++) {
            if (pred[u] < nm && predFlow[u] > 0) {
                keys[count++] = ((long) pred[u] << 32) | u;
            }
        }
        Arrays.sort(keys, 0, count);
        int[] sources = new int[count];
        int[] targets = new int[count];
        double[] masses = new double[count];
        double total = 0;
        for (int k = 0; k < count; k++) {
            int arc = (int) (keys[k] >>> 32);
            int node = (int) keys[k];
            sources[k] = arc / m;
            targets[k] = arc % m;
            masses[k] = predFlow[node];
            total += masses[k] * cost[arc];
        }

        double[] f = new double[n];
        double[] g = new double[m];
        for (int i = 0; i < n; i++) {
            f[i] = -pi[i];
        }
        for (int j = 0; j < m; j++) {
            g[j] = pi[n + j];
        }
        for (int j = 0; j < m; j++) {
            if (b[j] == 0) {
                double min = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    min = Math.min(min, cost[i * m + j] - f[i]);
                }
                g[j] = min;
            }
        }
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                double min = Double.POSITIVE_INFINITY;
                for (int j = 0; j < m; j++) {
                    min = Math.min(min, cost[i * m + j] - g[j]);
                }
                f[i] = min;
            }
        }
        double sumAF = 0;
        double mass = 0;
        for (int i = 0; i < n; i++) {
            sumAF += a[i] * f[i];
            mass += a[i];
        }
        double sumBG = 0;
        for (int j = 0; j < m; j++) {
            sumBG += b[j] * g[j];
        }
        double shift = (sumBG - sumAF) / (2 * mass);
        for (int i = 0; i < n; i++) {
            f[i] += shift;
        }
        for (int j = 0; j < m; j++) {
            g[j] -= shift;
        }
        return new ExactOTResult(total, new SparsePlan(n, m, sources, targets, masses), f, g, pivots);
    }
}

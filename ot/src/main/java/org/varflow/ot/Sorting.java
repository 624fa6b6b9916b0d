package org.varflow.ot;

/** Sorting of a key array together with a parallel value array, on primitives (no boxing). */
final class Sorting {
    private Sorting() {
    }

    /**
     * Sorts {@code keys} ascending in place and applies the same permutation to {@code values}. Stable bottom-up merge
     * sort, O(n log n) in all cases; allocates two scratch arrays of length n. Keys must not be NaN.
     */
    static void sortByKey(double[] keys, double[] values) {
        int n = keys.length;
        if (n < 2) {
            return;
        }
        double[] srcK = keys;
        double[] srcV = values;
        double[] dstK = new double[n];
        double[] dstV = new double[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (srcK[j] < srcK[i]) {
                        dstK[k] = srcK[j];
                        dstV[k++] = srcV[j++];
                    } else {
                        dstK[k] = srcK[i];
                        dstV[k++] = srcV[i++];
                    }
                }
                while (i < mid) {
                    dstK[k] = srcK[i];
                    dstV[k++] = srcV[i++];
                }
                while (j < hi) {
                    dstK[k] = srcK[j];
                    dstV[k++] = srcV[j++];
                }
            }
            double[] t = srcK;
            srcK = dstK;
            dstK = t;
            t = srcV;
            srcV = dstV;
            dstV = t;
        }
        if (srcK != keys) {
            System.arraycopy(srcK, 0, keys, 0, n);
            System.arraycopy(srcV, 0, values, 0, n);
        }
    }
}

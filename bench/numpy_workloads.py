"""The NumPy / POT half of bench/compare.sh: the same workloads as org.varflow.bench.Workloads.

Prints one line per measurement: workload size threads seconds checksum (best of several runs).
W1: Langevin ensemble (Euler-Maruyama, double well sum (x^2-1)^2/4, d = 10, h = 0.01, beta = 1, 200 steps).
W2: Sinkhorn, n = m = 1000 points in 2-D, squared Euclidean cost, eps = 0.01, 500 iterations:
    POT's plain ot.sinkhorn (not log-stable) and a NumPy log-domain version (scipy-free logsumexp).
W3: exact OT, n = m = 1000, uniform weights: POT's ot.emd2 (C++ network simplex).
W4: 1-D Fokker-Planck on 1200 cells of [-8, 8] (V = x^2/2, T = 1, from N(2, 1/4)) to t = 2 by explicit
    Scharfetter-Gummel finite volumes at 0.9 x the explicit stability limit (the limit computed as varflow does:
    1 / max outflow rate), vectorised over cells; checksum = final free energy int V rho + int rho log rho.
W5: seed 004's jko_particles verbatim in structure: N particles from N(2, 0.3^2), V = (x^2 - 1)^2, KDE score with
    bandwidth 0.5 N^-1/5 on N x N arrays, 500 steps of 0.01; checksum = final mean.
W6: mean-field two-layer ReLU network (the seed's experiment, varflow's mean-field-network preset): width m = 2000
    neurons (a, w, b) ~ N(0, I), f(x) = (1/m) sum a relu(w x + b), 64 points of sin(pi x) + 0.5 sin(3 pi x) on
    [-1, 1], 1500 full-batch gradient steps theta_i -= h m grad_i R with h = 0.2, R = mean((f - y)^2) / 2.
    Vectorised over neurons and points (m x n arrays, preallocated); checksum = final R. The starting neurons are
    drawn by NumPy, not varflow, so the checksums agree only to the width's sampling error (about 1e-4 at m = 2000).
    W6-torch: the same network and steps in PyTorch on the CPU with one thread, written as the seed's experiment is
    (tensors, the loss, loss.backward(), an in-place SGD step), in float64 from the same NumPy draws, so its checksum
    equals NumPy's to rounding; skipped when torch is not installed (Debian: python3-torch).
"""
import sys
import time

import numpy as np

try:
    import ot  # POT, Debian's python3-pot
except ImportError:  # pragma: no cover - the peer is optional
    ot = None

try:
    import torch  # PyTorch, Debian's python3-torch
except ImportError:  # pragma: no cover - the peer is optional
    torch = None


def best_of(fn, repeats, warm=True):
    if warm:
        fn()
    best, value = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t0)
    return best, value


def langevin(n, d=10, steps=200, h=0.01, beta=1.0, seed=1):
    rng = np.random.default_rng(seed)
    x = np.full((n, d), 0.5)
    s = np.sqrt(2 * h / beta)
    for _ in range(steps):
        grad = x * (x * x - 1.0)
        x += -h * grad + s * rng.standard_normal((n, d))
    return float(np.mean(np.sum((x * x - 1.0) ** 2 / 4.0, axis=1)))


def cloud(n, target):
    """The Kronecker points of org.varflow.bench.Workloads.cloud: identical inputs on both sides."""
    a = np.array([np.sqrt(5), np.sqrt(7)] if target else [np.sqrt(2), np.sqrt(3)])
    i = np.arange(1, n + 1, dtype=float)[:, None]
    u = i * a[None, :]
    return u - np.floor(u) + (0.25 if target else 0.0)


def cost_matrix(n):
    x, y = cloud(n, False), cloud(n, True)
    return ((x[:, None, :] - y[None, :, :]) ** 2).sum(axis=2)


def sinkhorn_log(n, iterations=500, eps=0.01):
    c = cost_matrix(n)
    a = np.full(n, 1.0 / n)
    b = np.full(n, 1.0 / n)
    f = np.zeros(n)
    g = np.zeros(n)
    la, lb = np.log(a), np.log(b)
    for _ in range(iterations):
        m = (g[None, :] - c) / eps + lb[None, :]
        mx = m.max(axis=1)
        f = -eps * (mx + np.log(np.exp(m - mx[:, None]).sum(axis=1)))
        m = (f[:, None] - c) / eps + la[:, None]
        mx = m.max(axis=0)
        g = -eps * (mx + np.log(np.exp(m - mx[None, :]).sum(axis=0)))
    p = np.exp((f[:, None] + g[None, :] - c) / eps) * a[:, None] * b[None, :]
    return float((p * c).sum())


def bernoulli(z):
    """B(z) = z / (e^z - 1), with B(0) = 1."""
    out = np.ones_like(z)
    nz = np.abs(z) > 1e-12
    out[nz] = z[nz] / np.expm1(z[nz])
    return out


def grid_fp(cells=1200, t_end=2.0, lower=-8.0, upper=8.0, temp=1.0):
    dx = (upper - lower) / cells
    x = lower + (np.arange(cells) + 0.5) * dx
    v = 0.5 * x * x
    rho = np.exp(-(x - 2.0) ** 2 / (2 * 0.25))
    rho /= rho.sum() * dx
    z = (v[1:] - v[:-1]) / temp
    bp, bm = bernoulli(z), bernoulli(-z)
    c = temp / (dx * dx)
    # outflow rates of each cell: through its right face c B(z_i), through its left face c B(-z_{i-1})
    out = np.zeros(cells)
    out[:-1] += c * bp
    out[1:] += c * bm
    h_max = 1.0 / out.max()
    steps = int(np.ceil(t_end / (0.9 * h_max)))
    h = t_end / steps
    flux = np.empty(cells - 1)
    for _ in range(steps):
        np.multiply(bp, rho[:-1], out=flux)
        flux -= bm * rho[1:]
        flux *= c * dx
        rho[:-1] -= h / dx * flux
        rho[1:] += h / dx * flux
    pos = rho > 0
    return float((v * rho).sum() * dx + (rho[pos] * np.log(rho[pos])).sum() * dx)


def jko_particles(n, steps=500, tau=0.01, seed=0):
    rng = np.random.default_rng(seed)
    p = rng.normal(2.0, 0.3, n)
    bw = 0.5 * n ** (-0.2)
    for _ in range(steps):
        diffs = p[:, None] - p[None, :]
        kernel = np.exp(-diffs ** 2 / (2 * bw ** 2))
        score = np.sum(diffs * kernel, axis=1) / (bw ** 2 * np.sum(kernel, axis=1))
        p = p - tau * 4 * p * (p ** 2 - 1) + tau * score
    return float(p.mean())


def mean_field(m, n=64, epochs=1500, h=0.2, seed=1):
    rng = np.random.default_rng(seed)
    a, w, b = rng.standard_normal((3, m))
    x = np.linspace(-1.0, 1.0, n)
    y = np.sin(np.pi * x) + 0.5 * np.sin(3 * np.pi * x)
    z = np.empty((m, n))
    hid = np.empty((m, n))
    act = np.empty((m, n))
    loss = 0.0
    for _ in range(epochs + 1):
        np.multiply(w[:, None], x[None, :], out=z)
        z += b[:, None]
        np.maximum(z, 0.0, out=hid)
        r = (a @ hid) / m - y
        loss = 0.5 * float(r @ r) / n
        if _ == epochs:
            break
        np.greater(z, 0.0, out=act)
        act *= r[None, :]                     # 1[z > 0] r_k
        ga = (hid @ r) / n                    # m dR/da_i
        gw = a * (act @ x) / n                # m dR/dw_i
        gb = a * act.sum(axis=1) / n          # m dR/db_i
        a -= h * ga
        w -= h * gw
        b -= h * gb
    return loss


def mean_field_torch(m, n=64, epochs=1500, h=0.2, seed=1):
    """W6 in PyTorch (CPU, one thread): autograd gives m dR/dtheta_i, the step is theta_i -= h m grad_i R."""
    torch.set_num_threads(1)
    rng = np.random.default_rng(seed)
    a0, w0, b0 = rng.standard_normal((3, m))
    a = torch.tensor(a0, dtype=torch.float64, requires_grad=True)
    w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(b0, dtype=torch.float64, requires_grad=True)
    x = torch.linspace(-1.0, 1.0, n, dtype=torch.float64)
    y = torch.sin(torch.pi * x) + 0.5 * torch.sin(3 * torch.pi * x)
    loss = 0.0
    for epoch in range(epochs + 1):
        hid = torch.relu(w[:, None] * x[None, :] + b[:, None])
        r = (a @ hid) / m - y
        risk = 0.5 * (r * r).mean()
        loss = float(risk)
        if epoch == epochs:
            break
        risk.backward()
        with torch.no_grad():
            for p in (a, w, b):
                p -= h * m * p.grad
                p.grad = None
    return loss


def main():
    quick = len(sys.argv) > 1 and sys.argv[1] == "quick"
    repeats = 2 if quick else 3
    sizes = [10_000, 100_000] if quick else [10_000, 25_000, 50_000, 100_000]
    for n in sizes:
        t, v = best_of(lambda: langevin(n), repeats)
        print(f"W1-numpy {n} 1 {t:.4f} {v:.6g}")
    t, v = best_of(lambda: sinkhorn_log(1000), repeats)
    print(f"W2-numpy-log {1000} 1 {t:.4f} {v:.6g}")
    t, v = best_of(lambda: grid_fp(1200), repeats)
    print(f"W4-numpy {1200} 1 {t:.4f} {v:.6g}")
    for n in ([2000] if quick else [500, 1000, 2000, 4000]):
        t, v = best_of(lambda: jko_particles(n), 1, warm=n <= 500)
        print(f"W5-numpy {n} 1 {t:.4f} {v:.6g}")
    for m in ([2000] if quick else [200, 2000]):
        t, v = best_of(lambda: mean_field(m), repeats)
        print(f"W6-numpy {m} 1 {t:.4f} {v:.6g}")
    if torch is None:
        print("# PyTorch not installed: W6-torch skipped", file=sys.stderr)
    else:
        for m in ([2000] if quick else [200, 2000]):
            t, v = best_of(lambda: mean_field_torch(m), repeats)
            print(f"W6-torch {m} 1 {t:.4f} {v:.6g}")
    if ot is None:
        print("# POT not installed: W2-pot and W3-pot skipped", file=sys.stderr)
        return
    c = cost_matrix(1000)
    a = np.full(1000, 1e-3)
    t, v = best_of(lambda: float((ot.sinkhorn(a, a, c, 0.01, numItermax=500, stopThr=0) * c).sum()), repeats)
    print(f"W2-pot {1000} 1 {t:.4f} {v:.6g}")
    t, v = best_of(lambda: float(ot.emd2(a, a, c)), repeats)
    print(f"W3-pot {1000} 1 {t:.4f} {v:.6g}")


if __name__ == "__main__":
    main()

/*
 * varflow explorer: drawing on canvases. Everything drawn here comes from the server (frames, landscapes, Gibbs
 * densities); this file only maps numbers to pixels: scales, contour lines of the server's grid of energy values
 * (marching squares), histograms of the server's particles. Text is drawn with fillText, never as HTML.
 */
'use strict';

const Plots = (() => {
  /* One colour per method, the same everywhere on the page (a method is a composition's signature). */
  const PALETTE = ['#1f5fbf', '#d1495b', '#2a9d55', '#8e44ad', '#e07b00', '#00838f', '#7f5539', '#c2185b'];
  const assigned = new Map();

  function colourFor(key) {
    if (!assigned.has(key)) {
      assigned.set(key, PALETTE[assigned.size % PALETTE.length]);
    }
    return assigned.get(key);
  }

  function withAlpha(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
  }

  /* Tick values at 1, 2, 5 x 10^k covering [lo, hi]. */
  function ticks(lo, hi, count) {
    const span = hi - lo;
    if (!(span > 0) || !isFinite(span)) {
      return [lo];
    }
    const raw = span / Math.max(1, count);
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map(m => m * mag).find(s => s >= raw) || 10 * mag;
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) {
      out.push(Math.abs(v) < 1e-12 * span ? 0 : v);
    }
    return out;
  }

  function fmt(v) {
    if (v === null || v === undefined || !isFinite(v)) {
      return 'n/a';
    }
    const a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e5)) {
      return v.toExponential(2);
    }
    return String(Number(v.toPrecision(4)));
  }

  /* A rectangle of the canvas with linear maps from data to pixels. */
  class Frame2D {
    constructor(canvas, xRange, yRange, equal) {
      this.canvas = canvas;
      this.ctx = canvas.getContext('2d');
      this.m = {left: 54, right: 14, top: 12, bottom: 40};
      this.setRanges(xRange, yRange, equal);
    }

    /* Maps the ranges onto the plot area; with equal scales, the range with room to spare is widened. */
    setRanges(xRange, yRange, equal) {
      if (equal) {
        const w = this.canvas.width - this.m.left - this.m.right;
        const h = this.canvas.height - this.m.top - this.m.bottom;
        const s = Math.min(w / (xRange[1] - xRange[0] || 1), h / (yRange[1] - yRange[0] || 1));
        const cx = (xRange[0] + xRange[1]) / 2;
        const cy = (yRange[0] + yRange[1]) / 2;
        xRange = [cx - w / s / 2, cx + w / s / 2];
        yRange = [cy - h / s / 2, cy + h / s / 2];
      }
      this.x0 = xRange[0];
      this.x1 = xRange[1];
      this.y0 = yRange[0];
      this.y1 = yRange[1];
      const w = this.canvas.width - this.m.left - this.m.right;
      const h = this.canvas.height - this.m.top - this.m.bottom;
      this.sx = w / (this.x1 - this.x0 || 1);
      this.sy = h / (this.y1 - this.y0 || 1);
      this.w = w;
      this.h = h;
    }

    px(x) { return this.m.left + (x - this.x0) * this.sx; }
    py(y) { return this.m.top + this.h - (y - this.y0) * this.sy; }

    axes(ctx, xLabel, yLabel) {
      ctx.save();
      ctx.strokeStyle = '#9aa3b0';
      ctx.fillStyle = '#3b4452';
      ctx.lineWidth = 1;
      ctx.font = '12px system-ui, sans-serif';
      ctx.strokeRect(this.m.left + 0.5, this.m.top + 0.5, this.w, this.h);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      for (const t of ticks(this.x0, this.x1, 6)) {
        const x = this.px(t);
        ctx.beginPath();
        ctx.moveTo(x, this.m.top + this.h);
        ctx.lineTo(x, this.m.top + this.h + 4);
        ctx.stroke();
        ctx.fillText(fmt(t), x, this.m.top + this.h + 6);
      }
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (const t of ticks(this.y0, this.y1, 5)) {
        const y = this.py(t);
        ctx.beginPath();
        ctx.moveTo(this.m.left - 4, y);
        ctx.lineTo(this.m.left, y);
        ctx.stroke();
        ctx.fillText(fmt(t), this.m.left - 6, y);
      }
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      if (xLabel) {
        ctx.fillText(xLabel, this.m.left + this.w / 2, this.canvas.height - 2);
      }
      if (yLabel) {
        ctx.save();
        ctx.translate(12, this.m.top + this.h / 2);
        ctx.rotate(-Math.PI / 2);
        ctx.textBaseline = 'middle';
        ctx.fillText(yLabel, 0, 0);
        ctx.restore();
      }
      ctx.restore();
    }

    clip(ctx) {
      ctx.beginPath();
      ctx.rect(this.m.left, this.m.top, this.w, this.h);
      ctx.clip();
    }
  }

  /* Contour segments of a grid of values (rows along y) at one level, in data coordinates. */
  function contour(xs, ys, values, level, out) {
    const nx = xs.length;
    const ny = ys.length;
    for (let j = 0; j + 1 < ny; j++) {
      const r0 = values[j];
      const r1 = values[j + 1];
      for (let i = 0; i + 1 < nx; i++) {
        const a = r0[i], b = r0[i + 1], c = r1[i + 1], d = r1[i];
        if (a === null || b === null || c === null || d === null) {
          continue;
        }
        const idx = (a > level ? 8 : 0) | (b > level ? 4 : 0) | (c > level ? 2 : 0) | (d > level ? 1 : 0);
        if (idx === 0 || idx === 15) {
          continue;
        }
        const x0 = xs[i], x1 = xs[i + 1], y0 = ys[j], y1 = ys[j + 1];
        const lerp = (p, q, u, v) => p + (q - p) * (level - u) / (v - u);
        const top = () => [lerp(x0, x1, a, b), y0];
        const right = () => [x1, lerp(y0, y1, b, c)];
        const bottom = () => [lerp(x0, x1, d, c), y1];
        const left = () => [x0, lerp(y0, y1, a, d)];
        const seg = (p, q) => out.push(p[0], p[1], q[0], q[1]);
        switch (idx) {
          case 1: case 14: seg(left(), bottom()); break;
          case 2: case 13: seg(bottom(), right()); break;
          case 3: case 12: seg(left(), right()); break;
          case 4: case 11: seg(top(), right()); break;
          case 5: seg(left(), top()); seg(bottom(), right()); break;
          case 6: case 9: seg(top(), bottom()); break;
          case 7: case 8: seg(left(), top()); break;
          case 10: seg(left(), bottom()); seg(top(), right()); break;
        }
      }
    }
  }

  /* A landscape as a pale heat map (bands between the server's levels) with contour lines. */
  function drawLandscape(ctx, f, land) {
    const levels = land.levels || [];
    const nx = land.x.length;
    const ny = land.y.length;
    const img = document.createElement('canvas');
    img.width = nx;
    img.height = ny;
    const ictx = img.getContext('2d');
    const data = ictx.createImageData(nx, ny);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const v = land.values[j][i];
        const k = ((ny - 1 - j) * nx + i) * 4;
        if (v === null) {
          data.data[k + 3] = 0;
          continue;
        }
        let band = 0;
        while (band < levels.length && v > levels[band]) {
          band++;
        }
        const u = levels.length ? band / levels.length : 0.5;
        data.data[k] = Math.round(225 + 28 * u);
        data.data[k + 1] = Math.round(236 + 12 * u - 20 * u * u);
        data.data[k + 2] = Math.round(252 - 70 * u);
        data.data[k + 3] = 255;
      }
    }
    ictx.putImageData(data, 0, 0);
    const dx = (land.x[nx - 1] - land.x[0]) / (nx - 1);
    const dy = (land.y[ny - 1] - land.y[0]) / (ny - 1);
    ctx.save();
    f.clip(ctx);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(img, f.px(land.x[0] - dx / 2), f.py(land.y[ny - 1] + dy / 2),
      (nx * dx) * f.sx, (ny * dy) * f.sy);
    ctx.strokeStyle = 'rgba(60, 70, 90, 0.55)';
    ctx.lineWidth = 1;
    let segments = 0;
    for (const level of levels) {
      const out = [];
      contour(land.x, land.y, land.values, level, out);
      ctx.beginPath();
      for (let s = 0; s < out.length; s += 4) {
        ctx.moveTo(f.px(out[s]), f.py(out[s + 1]));
        ctx.lineTo(f.px(out[s + 2]), f.py(out[s + 3]));
      }
      ctx.stroke();
      segments += out.length / 4;
    }
    ctx.restore();
    return segments;
  }

  function curve(ctx, f, xs, ys, colour, width, dash) {
    ctx.save();
    f.clip(ctx);
    ctx.strokeStyle = colour;
    ctx.lineWidth = width || 2;
    ctx.setLineDash(dash || []);
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < xs.length; i++) {
      if (ys[i] === null || !isFinite(ys[i])) {
        pen = false;
        continue;
      }
      const x = f.px(xs[i]);
      const y = f.py(ys[i]);
      if (pen) {
        ctx.lineTo(x, y);
      } else {
        ctx.moveTo(x, y);
        pen = true;
      }
    }
    ctx.stroke();
    ctx.restore();
  }

  /* Counts of the values in equal bins of [lo, hi], as a density (integrates to the fraction inside). */
  function histogram(values, lo, hi, bins) {
    const out = new Float64Array(bins);
    const width = (hi - lo) / bins;
    let n = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!isFinite(v)) {
        continue;
      }
      n++;
      const b = Math.floor((v - lo) / width);
      if (b >= 0 && b < bins) {
        out[b]++;
      }
    }
    for (let b = 0; b < bins; b++) {
      out[b] = n ? out[b] / (n * width) : 0;
    }
    return out;
  }

  function drawHistogram(ctx, f, counts, lo, hi, colour) {
    const bins = counts.length;
    const width = (hi - lo) / bins;
    ctx.save();
    f.clip(ctx);
    ctx.fillStyle = withAlpha(colour, 0.35);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1;
    for (let b = 0; b < bins; b++) {
      if (counts[b] <= 0) {
        continue;
      }
      const x = f.px(lo + b * width);
      const y = f.py(counts[b]);
      ctx.fillRect(x, y, width * f.sx, f.py(0) - y);
      ctx.strokeRect(x, y, width * f.sx, f.py(0) - y);
    }
    ctx.restore();
  }

  function maxOf(arrays) {
    let m = 0;
    for (const a of arrays) {
      for (let i = 0; i < a.length; i++) {
        if (a[i] !== null && isFinite(a[i]) && a[i] > m) {
          m = a[i];
        }
      }
    }
    return m;
  }

  /*
   * A scene draws one run's frames on one canvas: the static backdrop is rendered once into an offscreen canvas, each
   * frame is drawn on top of it. scene.draw(i) draws frame i and records what it drew in the canvas's data attributes.
   */
  class Scene {
    constructor(canvas, trajectory, colour, label) {
      this.canvas = canvas;
      this.t = trajectory;
      this.colour = colour;
      this.label = label;
      this.view = trajectory.view;
      this.backdrop = trajectory.backdrop || {};
      this.frames = trajectory.frames;
      this.prepare();
    }

    prepare() {
      const c = this.canvas;
      const kind = this.view.kind;
      const b = this.backdrop;
      this.under = document.createElement('canvas');
      this.under.width = c.width;
      this.under.height = c.height;
      const u = this.under.getContext('2d');
      u.fillStyle = '#fff';
      u.fillRect(0, 0, c.width, c.height);
      this.contourSegments = 0;
      if (kind === 'plane') {
        const xr = b.xRange || this.pointRange(0, 2);
        const yr = b.yRange || this.pointRange(1, 2);
        this.f = new Frame2D(c, xr, yr, true);
        if (b.landscape) {
          this.contourSegments = drawLandscape(u, this.f, b.landscape);
        }
        this.f.axes(u, this.view.axes[0], this.view.axes[1]);
      } else if (kind === 'line' || kind === 'density-1d') {
        const xr = b.xRange || this.pointRange(0, 1);
        this.bins = 60;
        this.xr = xr;
        let top = maxOf([b.gibbs ? b.gibbs.y : []]);
        if (kind === 'density-1d') {
          top = Math.max(top, ...this.frames.map(fr => maxOf([fr.values])));
        } else if (this.single()) {
          top = 1;
        } else {
          for (const fr of this.frames) {
            top = Math.max(top, maxOf([histogram(fr.values, xr[0], xr[1], this.bins)]));
          }
        }
        this.f = new Frame2D(c, xr, [0, (top || 1) * 1.08]);
        if (b.potential) {
          this.drawPotential(u, b.potential);
        }
        this.f.axes(u, this.view.axes[0], this.single() ? '' : 'density');
      } else if (kind === 'density-2d') {
        const g = this.view.grid;
        this.f = new Frame2D(c, [g.lower[0], g.upper[0]], [g.lower[1], g.upper[1]], true);
        this.top = Math.max(...this.frames.map(fr => maxOf([fr.values]))) || 1;
        this.f.axes(u, this.view.axes[0], this.view.axes[1]);
      } else {
        const n = this.frames.length ? this.frames[0].values.length : 1;
        const vr = b.valueRange || this.valueRange();
        const pad = (vr[1] - vr[0]) * 0.06 || 1;
        this.f = new Frame2D(c, [0, Math.max(1, n - 1)], [vr[0] - pad, vr[1] + pad]);
        this.f.axes(u, 'coordinate index', 'value');
      }
      c.dataset.kind = kind;
      c.dataset.colour = this.colour;
      c.dataset.contours = String(this.contourSegments);
      c.dataset.frames = String(this.frames.length);
    }

    single() {
      return this.frames.length > 0 && this.frames[0].values.length <= (this.view.kind === 'plane' ? 2 : 1);
    }

    pointRange(axis, width) {
      let lo = Infinity, hi = -Infinity;
      for (const fr of this.frames) {
        for (let i = axis; i < fr.values.length; i += width) {
          const v = fr.values[i];
          if (isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      if (!(hi > lo)) {
        return isFinite(lo) ? [lo - 1, lo + 1] : [-1, 1];
      }
      const pad = 0.08 * (hi - lo);
      return [lo - pad, hi + pad];
    }

    valueRange() {
      let lo = Infinity, hi = -Infinity;
      for (const fr of this.frames) {
        for (const v of fr.values) {
          if (isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
      }
      return hi >= lo ? [lo, hi] : [0, 1];
    }

    /* The potential on the same axes, scaled to the upper half (its scale is not the density's). */
    drawPotential(ctx, p) {
      const ys = p.y.filter(v => v !== null && isFinite(v));
      if (!ys.length) {
        return;
      }
      const lo = Math.min(...ys);
      const hi = Math.max(...ys);
      const top = this.f.y1;
      this.potentialScale = v => (hi > lo ? (v - lo) / (hi - lo) : 0.5) * top * 0.9;
      curve(ctx, this.f, p.x, p.y.map(v => v === null ? null : this.potentialScale(v)), '#9aa3b0', 1.5, [2, 3]);
      ctx.save();
      ctx.fillStyle = '#7b8494';
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillText((this.view.potential || 'V') + ' (rescaled)', this.f.m.left + 6, this.f.m.top + 12);
      ctx.restore();
    }

    /* Draws frame i; returns how many points (or cells, or coordinates) it drew. */
    draw(i) {
      const c = this.canvas;
      const ctx = c.getContext('2d');
      ctx.drawImage(this.under, 0, 0);
      const fr = this.frames[Math.max(0, Math.min(i, this.frames.length - 1))];
      if (!fr) {
        return 0;
      }
      let drawn = 0;
      const kind = this.view.kind;
      if (kind === 'plane') {
        drawn = this.single() ? this.drawPath(ctx, i) : this.drawCloud(ctx, fr.values);
      } else if (kind === 'line') {
        if (this.single()) {
          drawn = this.drawBall(ctx, i);
        } else {
          const h = histogram(fr.values, this.xr[0], this.xr[1], this.bins);
          drawHistogram(ctx, this.f, h, this.xr[0], this.xr[1], this.colour);
          drawn = fr.values.length;
        }
      } else if (kind === 'density-1d') {
        const g = this.view.grid;
        const n = g.cells[0];
        const dx = (g.upper[0] - g.lower[0]) / n;
        const xs = Array.from({length: n}, (_, k) => g.lower[0] + (k + 0.5) * dx);
        curve(ctx, this.f, xs, Array.from(fr.values), this.colour, 2.5);
        drawn = n;
      } else if (kind === 'density-2d') {
        drawn = this.drawHeat(ctx, fr.values);
      } else {
        const xs = Array.from({length: fr.values.length}, (_, k) => k);
        curve(ctx, this.f, xs, Array.from(fr.values), this.colour, 2);
        drawn = fr.values.length;
      }
      if ((kind === 'line' || kind === 'density-1d') && this.backdrop.gibbs) { // on top: the law it should reach
        curve(ctx, this.f, this.backdrop.gibbs.x, this.backdrop.gibbs.y, '#222', 2, [6, 4]);
      }
      this.caption(ctx, fr);
      c.dataset.frame = String(i);
      c.dataset.time = String(fr.time);
      c.dataset.step = String(fr.step);
      c.dataset.points = String(drawn);
      return drawn;
    }

    caption(ctx, fr) {
      ctx.save();
      ctx.font = '13px system-ui, sans-serif';
      ctx.fillStyle = this.colour;
      ctx.textAlign = 'right';
      const text = (this.label ? this.label + '   ' : '') + 't = ' + fmt(fr.time);
      ctx.fillText(text, this.canvas.width - this.f.m.right - 6, this.f.m.top + 16);
      if (this.backdrop.gibbs && (this.view.kind === 'line' || this.view.kind === 'density-1d')) {
        ctx.fillStyle = '#222';
        ctx.fillText('Gibbs exp(-V/T)/Z, T = ' + fmt(this.backdrop.temperature) + ' (dashed)',
          this.canvas.width - this.f.m.right - 6, this.f.m.top + 34);
      }
      ctx.restore();
    }

    drawCloud(ctx, v) {
      ctx.save();
      this.f.clip(ctx);
      ctx.fillStyle = withAlpha(this.colour, v.length > 4000 ? 0.45 : 0.75);
      const size = v.length > 4000 ? 2 : 3;
      const half = size / 2;
      const f = this.f;
      let n = 0;
      for (let k = 0; k + 1 < v.length; k += 2) {
        const x = v[k], y = v[k + 1];
        if (x === x && y === y) {
          ctx.fillRect(f.px(x) - half, f.py(y) - half, size, size);
          n++;
        }
      }
      ctx.restore();
      return n;
    }

    drawPath(ctx, i) {
      const f = this.f;
      ctx.save();
      f.clip(ctx);
      ctx.strokeStyle = this.colour;
      ctx.lineWidth = 2;
      ctx.beginPath();
      for (let k = 0; k <= i && k < this.frames.length; k++) {
        const v = this.frames[k].values;
        if (k === 0) {
          ctx.moveTo(f.px(v[0]), f.py(v[1]));
        } else {
          ctx.lineTo(f.px(v[0]), f.py(v[1]));
        }
      }
      ctx.stroke();
      const v = this.frames[Math.min(i, this.frames.length - 1)].values;
      ctx.fillStyle = this.colour;
      ctx.beginPath();
      ctx.arc(f.px(v[0]), f.py(v[1]), 5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.restore();
      return Math.min(i, this.frames.length - 1) + 1;
    }

    drawBall(ctx, i) {
      const f = this.f;
      const p = this.backdrop.potential;
      const at = x => {
        if (!p || !this.potentialScale) {
          return f.y1 * 0.5;
        }
        let k = 0;
        while (k + 1 < p.x.length && p.x[k + 1] < x) {
          k++;
        }
        const v = p.y[k];
        return v === null ? f.y1 * 0.5 : this.potentialScale(v);
      };
      ctx.save();
      f.clip(ctx);
      ctx.fillStyle = withAlpha(this.colour, 0.35);
      for (let k = 0; k < i && k < this.frames.length; k++) {
        const x = this.frames[k].values[0];
        ctx.fillRect(f.px(x) - 1.5, f.py(at(x)) - 1.5, 3, 3);
      }
      const x = this.frames[Math.min(i, this.frames.length - 1)].values[0];
      ctx.fillStyle = this.colour;
      ctx.beginPath();
      ctx.arc(f.px(x), f.py(at(x)), 7, 0, 2 * Math.PI);
      ctx.fill();
      ctx.restore();
      return 1;
    }

    drawHeat(ctx, v) {
      const g = this.view.grid;
      const nx = g.cells[0];
      const ny = g.cells[1];
      const img = document.createElement('canvas');
      img.width = nx;
      img.height = ny;
      const ictx = img.getContext('2d');
      const data = ictx.createImageData(nx, ny);
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++) {
          const u = Math.max(0, Math.min(1, v[j * nx + i] / this.top));
          const k = ((ny - 1 - j) * nx + i) * 4;
          data.data[k] = Math.round(255 - 200 * u);
          data.data[k + 1] = Math.round(255 - 150 * u);
          data.data[k + 2] = Math.round(255 - 40 * u);
          data.data[k + 3] = 255;
        }
      }
      ictx.putImageData(data, 0, 0);
      ctx.save();
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, this.f.px(g.lower[0]), this.f.py(g.upper[1]), this.f.w, this.f.h);
      ctx.restore();
      return nx * ny;
    }

    /* The frame whose time is nearest t. */
    indexAt(t) {
      let best = 0;
      for (let k = 1; k < this.frames.length; k++) {
        if (Math.abs(this.frames[k].time - t) < Math.abs(this.frames[best].time - t)) {
          best = k;
        }
      }
      return best;
    }
  }

  /*
   * Both levels on one axis: the particles' histogram (samples) and the grid density (law) at the same time, over the
   * Gibbs law of the density run.
   */
  class LevelsScene {
    constructor(canvas, samples, law, colours) {
      this.canvas = canvas;
      this.samples = samples;
      this.law = law;
      this.colours = colours;
      const g = law.view.grid;
      this.xs = Array.from({length: g.cells[0]}, (_, k) => g.lower[0] + (k + 0.5) * (g.upper[0] - g.lower[0]) / g.cells[0]);
      const sr = (samples.backdrop && samples.backdrop.xRange) || [g.lower[0], g.upper[0]];
      this.xr = [Math.max(g.lower[0], sr[0]), Math.min(g.upper[0], sr[1])];
      this.bins = 60;
      let top = maxOf([law.backdrop.gibbs ? law.backdrop.gibbs.y : []]);
      for (const fr of law.frames) {
        top = Math.max(top, maxOf([fr.values]));
      }
      for (const fr of samples.frames) {
        top = Math.max(top, maxOf([histogram(fr.values, this.xr[0], this.xr[1], this.bins)]));
      }
      this.f = new Frame2D(canvas, this.xr, [0, top * 1.08 || 1]);
      this.under = document.createElement('canvas');
      this.under.width = canvas.width;
      this.under.height = canvas.height;
      const u = this.under.getContext('2d');
      u.fillStyle = '#fff';
      u.fillRect(0, 0, canvas.width, canvas.height);
      if (law.backdrop.gibbs) {
        curve(u, this.f, law.backdrop.gibbs.x, law.backdrop.gibbs.y, '#222', 2, [6, 4]);
      }
      this.f.axes(u, law.view.axes[0], 'density');
      canvas.dataset.kind = 'levels';
    }

    draw(t) {
      const ctx = this.canvas.getContext('2d');
      ctx.drawImage(this.under, 0, 0);
      const s = this.samples.frames[Scene.prototype.indexAt.call({frames: this.samples.frames}, t)];
      const l = this.law.frames[Scene.prototype.indexAt.call({frames: this.law.frames}, t)];
      drawHistogram(ctx, this.f, histogram(s.values, this.xr[0], this.xr[1], this.bins), this.xr[0], this.xr[1],
        this.colours.samples);
      curve(ctx, this.f, this.xs, Array.from(l.values), this.colours.law, 2.5);
      ctx.save();
      ctx.font = '13px system-ui, sans-serif';
      ctx.textAlign = 'right';
      const right = this.canvas.width - this.f.m.right - 6;
      ctx.fillStyle = this.colours.samples;
      ctx.fillText('samples: ' + s.values.length + ' particles, t = ' + fmt(s.time), right, this.f.m.top + 16);
      ctx.fillStyle = this.colours.law;
      ctx.fillText('law: grid density, t = ' + fmt(l.time), right, this.f.m.top + 34);
      ctx.fillStyle = '#222';
      ctx.fillText('Gibbs exp(-V/T)/Z (dashed)', right, this.f.m.top + 52);
      ctx.restore();
      this.canvas.dataset.time = String(l.time);
      this.canvas.dataset.samplesTime = String(s.time);
      this.canvas.dataset.points = String(s.values.length);
      this.canvas.dataset.cells = String(l.values.length);
    }
  }

  /* Counts the canvas's pixels that differ from white: a drawn plot has many. */
  function inkedPixels(canvas) {
    const d = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let k = 0; k < d.length; k += 4) {
      if (d[k] < 245 || d[k + 1] < 245 || d[k + 2] < 245) {
        n++;
      }
    }
    return n;
  }

  return {colourFor, withAlpha, fmt, Scene, LevelsScene, histogram, inkedPixels};
})();

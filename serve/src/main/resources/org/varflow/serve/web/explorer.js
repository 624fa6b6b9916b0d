/*
 * varflow explorer: the page's logic. It composes a spec from the registry's parts (lists and forms generated from
 * GET /api/parts), asks the server which parts fit (POST /api/compatibility), runs flows (POST /api/runs), follows
 * them (server-sent events) and draws what the server returns. It computes no numbers of its own. Text from the
 * server or the user is only ever set with textContent.
 */
'use strict';

(() => {
  const $ = id => document.getElementById(id);
  const KINDS = ['space', 'metric', 'energy', 'entropy', 'noise', 'scheme'];
  const DEFAULT_PRESET = 'gradient-descent';
  const DEFAULT_FRAMES = 100;

  /* ------------------------------------------------------------------------------------------------ server */

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function call(method, path, body) {
    const init = {method, headers: {}};
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      throw new ApiError(response.status, 'the server answered ' + response.status + ' with something that is not JSON');
    }
    if (!response.ok) {
      throw new ApiError(response.status, json && json.error ? json.error : 'HTTP ' + response.status);
    }
    return json;
  }

  const get = path => call('GET', path);
  const post = (path, body) => call('POST', path, body);

  /* ------------------------------------------------------------------------------------------------ state */

  const state = {
    catalog: null,      // kind -> id -> part description
    presets: new Map(), // id -> preset
    limits: null,
    draft: null,        // the composition being edited (spec-file schema, values as typed)
    check: null,        // the last compatibility verdict
    checkSeq: 0,
    explained: new Map(),
  };

  function text(el, value) {
    el.textContent = value === null || value === undefined ? '' : String(value);
    return el;
  }

  function make(tag, attrs, content) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') {
        el.className = v;
      } else if (k.startsWith('data-')) {
        el.setAttribute(k, v);
      } else {
        el[k] = v;
      }
    }
    if (content !== undefined) {
      text(el, content);
    }
    return el;
  }

  /* A message about the composition, without the position the spec reader gives (the page sent the spec, not the user). */
  function plain(message) {
    return message ? String(message).replace(/^spec file \(request body\), line \d+, column \d+: /, '') : message;
  }

  function showError(el, message) {
    message = plain(message);
    if (message) {
      text(el, message);
      el.hidden = false;
    } else {
      text(el, '');
      el.hidden = true;
    }
  }

  /* ------------------------------------------------------------------------------------------------ drafts */

  /* A parameter value as it is shown in a form field. */
  function shown(value) {
    if (Array.isArray(value)) {
      return value.map(v => Array.isArray(v) ? v.join(',') : String(v)).join(Array.isArray(value[0]) ? ';' : ',');
    }
    return value === null || value === undefined ? '' : String(value);
  }

  /* A typed value from a form field: numbers as numbers, lists as lists; anything else as typed (the server says what is wrong). */
  function typed(param, raw) {
    if (param.type === 'boolean') {
      return raw === true || raw === 'true';
    }
    const s = String(raw).trim();
    if (param.type === 'real' || param.type === 'integer') {
      return s !== '' && isFinite(Number(s)) ? Number(s) : s;
    }
    if (param.type === 'vector') {
      const items = s.split(/\s*,\s*|\s+/).filter(x => x !== '');
      return items.length && items.every(x => isFinite(Number(x))) ? items.map(Number) : s;
    }
    if (param.type === 'matrix') {
      const rows = s.split(/\s*;\s*/).map(r => r.split(/\s*,\s*/).map(Number));
      return rows.length && rows.every(r => r.length && r.every(isFinite)) ? rows : s;
    }
    return s;
  }

  function numberOr(raw) {
    const s = String(raw).trim();
    return s !== '' && isFinite(Number(s)) ? Number(s) : s;
  }

  /* The draft (as typed) from an explicit spec (as the server resolved it). */
  function draftOf(spec) {
    const d = {preset: spec.preset || null, parts: {}};
    for (const kind of KINDS) {
      const p = spec.parts[kind];
      const params = {};
      for (const [k, v] of Object.entries(p.params || {})) {
        params[k] = shown(v);
      }
      d.parts[kind] = {id: p.id, params};
    }
    d.lengthKind = spec.steps !== undefined && spec.steps !== null ? 'steps' : 'time';
    d.length = String(d.lengthKind === 'steps' ? spec.steps : spec.time);
    d.dt = String(spec.dt);
    d.particles = String(spec.particles);
    d.seed = String(spec.seed);
    d.frames = String(DEFAULT_FRAMES);
    return d;
  }

  function plannedSteps(d) {
    const dt = Number(d.dt);
    const length = Number(d.length);
    if (!(dt > 0) || !(length >= 0)) {
      return null;
    }
    return d.lengthKind === 'steps' ? Math.round(length) : Math.ceil(length / dt - 1e-9);
  }

  /* The spec the draft stands for (spec-file schema: what POST /api/runs takes). */
  function specOf(d) {
    const spec = {};
    if (d.preset) {
      spec.preset = d.preset;
    }
    spec.parts = {};
    for (const kind of KINDS) {
      const choice = d.parts[kind];
      const part = state.catalog[kind][choice.id];
      const params = {};
      for (const [name, raw] of Object.entries(choice.params)) {
        const declared = part ? part.parameters.find(p => p.name === name) : null;
        if (raw === '' || raw === null || raw === undefined) {
          continue;
        }
        params[name] = declared ? typed(declared, raw) : raw;
      }
      spec.parts[kind] = {id: choice.id, params};
    }
    spec[d.lengthKind] = numberOr(d.length);
    spec.dt = numberOr(d.dt);
    spec.seed = numberOr(d.seed);
    spec.particles = numberOr(d.particles);
    const steps = plannedSteps(d);
    const frames = Number(d.frames);
    if (steps !== null && frames >= 1) {
      spec.every = Math.max(1, Math.ceil(steps / frames));
    }
    return spec;
  }

  /* What a run is called on the page: its composition (the same composition has the same colour everywhere). */
  function signature(spec) {
    const p = spec.parts;
    const beta = p.entropy.params && p.entropy.params.beta !== undefined ? ' beta=' + p.entropy.params.beta : '';
    return `${p.space.id} | ${p.metric.id} | ${p.energy.id} | ${p.entropy.id}${beta} | ${p.noise.id} | ${p.scheme.id}`
      + ` | dt=${spec.dt}`;
  }

  /* ------------------------------------------------------------------------------------------------ forms */

  function renderSlots() {
    const box = $('slots');
    box.replaceChildren();
    for (const kind of KINDS) {
      const slot = make('div', {class: 'slot', 'data-kind': kind});
      const head = make('div', {class: 'slot-head'});
      head.append(make('span', {class: 'kind'}, kind));
      const select = make('select', {id: 'slot-' + kind, 'data-kind': kind});
      select.setAttribute('aria-label', kind);
      for (const id of Object.keys(state.catalog[kind])) {
        select.append(make('option', {value: id}, id));
      }
      select.value = state.draft.parts[kind].id;
      select.addEventListener('change', () => choosePart(kind, select.value));
      head.append(select);
      slot.append(head);
      slot.append(make('p', {class: 'part-summary', id: 'summary-' + kind}));
      slot.append(make('div', {class: 'params', id: 'params-' + kind}));
      box.append(slot);
      renderParams(kind);
    }
  }

  function renderParams(kind) {
    const choice = state.draft.parts[kind];
    const part = state.catalog[kind][choice.id];
    text($('summary-' + kind), part ? part.summary : '(not registered)');
    const box = $('params-' + kind);
    box.replaceChildren();
    if (!part) {
      return;
    }
    for (const p of part.parameters) {
      const id = `param-${kind}-${p.name}`;
      const label = make('label', {htmlFor: id}, p.name);
      label.title = p.meaning;
      let input;
      if (p.type === 'boolean') {
        input = make('input', {type: 'checkbox', id});
        input.checked = String(choice.params[p.name] ?? p.default) === 'true';
        input.addEventListener('change', () => setParam(kind, p.name, input.checked ? 'true' : 'false'));
      } else if (p.type === 'choice') {
        input = make('select', {id});
        for (const c of p.choices) {
          input.append(make('option', {value: c}, c));
        }
        input.value = choice.params[p.name] ?? p.default;
        input.addEventListener('change', () => setParam(kind, p.name, input.value));
      } else {
        input = make('input', {type: 'text', id, spellcheck: false});
        input.value = choice.params[p.name] ?? '';
        input.placeholder = p.default === null ? '(optional)' : p.default;
        input.addEventListener('input', () => setParam(kind, p.name, input.value));
      }
      input.dataset.kind = kind;
      input.dataset.param = p.name;
      input.title = `${p.meaning}\nvalid: ${p.valid}` + (p.default === null ? '' : `\ndefault: ${p.default}`);
      input.addEventListener('focus', () => text($('hint-' + kind), `${p.name} (${p.type}): ${p.meaning}; valid: `
        + `${p.valid}` + (p.default === null ? '; optional' : `; default ${p.default}`)));
      box.append(label, input);
    }
    box.append(make('p', {class: 'hint param-hint', id: 'hint-' + kind}));
  }

  function choosePart(kind, id) {
    const part = state.catalog[kind][id];
    const params = {};
    for (const p of part.parameters) {
      if (p.default !== null) {
        params[p.name] = p.default;
      }
    }
    state.draft.parts[kind] = {id, params};
    renderParams(kind);
    scheduleCheck();
  }

  function setParam(kind, name, value) {
    state.draft.parts[kind].params[name] = value;
    scheduleCheck();
  }

  function renderLength() {
    const d = state.draft;
    $('length-kind').value = d.lengthKind;
    $('length-value').value = d.length;
    $('dt').value = d.dt;
    $('particles').value = d.particles;
    $('seed').value = d.seed;
    $('frames').value = d.frames;
  }

  function bindLength() {
    const bind = (id, key) => $(id).addEventListener('input', () => {
      state.draft[key] = $(id).value;
      scheduleCheck();
    });
    $('length-kind').addEventListener('change', () => {
      state.draft.lengthKind = $('length-kind').value;
      scheduleCheck();
    });
    bind('length-value', 'length');
    bind('dt', 'dt');
    bind('particles', 'particles');
    bind('seed', 'seed');
    bind('frames', 'frames');
  }

  /* ------------------------------------------------------------------------------------------------ checking */

  let checkTimer = null;

  function scheduleCheck() {
    document.body.dataset.checked = 'pending';
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, 250);
  }

  /* Asks the server whether the draft assembles, which parts fit each slot, and what the flow is. */
  async function check() {
    const seq = ++state.checkSeq;
    document.body.dataset.checked = 'pending';
    const spec = specOf(state.draft);
    const steps = plannedSteps(state.draft);
    text($('every-note'), spec.every ? `${steps} steps, observed every ${spec.every}` : '');
    history.replaceState(null, '', '#spec=' + encodeURIComponent(JSON.stringify(spec)));
    $('share-link').href = location.href;
    markInvalid(null);
    try {
      const verdict = await post('/api/compatibility', spec);
      if (seq !== state.checkSeq) {
        return;
      }
      state.check = verdict;
      applyVerdict(verdict);
      showError($('error'), verdict.error);
      markInvalid(verdict.error);
      $('run').disabled = !!verdict.error;
    } catch (e) {
      if (seq !== state.checkSeq) {
        return;
      }
      showError($('error'), e.message);
      markInvalid(e.message);
      $('run').disabled = true;
    }
    document.body.dataset.checked = 'done';
  }

  /* Outlines the field a message is about: "energy 'x': parameter 'tilt' ...". */
  function markInvalid(message) {
    for (const el of document.querySelectorAll('.params .invalid')) {
      el.classList.remove('invalid');
    }
    if (!message) {
      return;
    }
    for (const kind of KINDS) {
      for (const el of document.querySelectorAll(`#params-${kind} [data-param]`)) {
        if (message.includes(`${kind} '`) && message.includes(`'${el.dataset.param}'`)) {
          el.classList.add('invalid');
        }
      }
    }
  }

  function applyVerdict(verdict) {
    for (const kind of KINDS) {
      const select = $('slot-' + kind);
      const current = state.draft.parts[kind].id;
      for (const option of select.options) {
        const o = verdict.slots[kind].find(x => x.id === option.value);
        const fits = !o || o.fits || option.value === current;
        option.disabled = !fits;
        option.title = o && o.reason ? o.reason : '';
        text(option, option.value + (o && !o.fits && option.value !== current ? '  (does not fit)' : ''));
      }
    }
    if (verdict.decomposition) {
      renderDecomposition(verdict.decomposition);
    }
    renderExplain();
    refreshCompareChoices();
  }

  /* ------------------------------------------------------------------------------------------------ equation */

  function renderDecomposition(dec) {
    for (const term of document.querySelectorAll('#equation .term')) {
      term.classList.toggle('off', !dec.terms[term.dataset.term]);
    }
    const body = $('legend').tBodies[0];
    body.replaceChildren();
    const beta = dec.beta;
    const betaText = beta.none ? 'beta = infinity: no entropy, T = 0'
      : beta.schedule ? `beta(t): T from ${Plots.fmt(beta.temperatureStart)} to ${Plots.fmt(beta.temperatureEnd)}`
        : `beta = ${Plots.fmt(beta.beta)}, T = ${Plots.fmt(beta.temperatureStart)}`;
    const rows = [
      ['K', 'K', dec.K, dec.K.identity ? 'K = I (the flat metric)' : dec.K.constant ? 'K constant: div K = 0'
        : 'K depends on x: the Ito term beta^-1 div K is needed'],
      ['J', 'J', dec.J, dec.J.present ? 'J from the metric\'s Poisson part (conservative)' : 'J = 0: a gradient flow'],
      ['E', 'E', dec.E, dec.E.lifted ? 'written on the base space and lifted to this one' : ''],
      ['beta', '\u03b2', dec.beta, betaText],
      ['W', 'dW', dec.noise, dec.noise.present ? (dec.deterministic ? 'no temperature: adds nothing' : 'thermal noise of covariance 2 beta^-1 K dt')
        : ''],
      ['scheme', 'h', dec.scheme, (dec.scheme.stochastic ? 'stochastic scheme' : 'deterministic scheme')],
      ['space', 'x', dec.space, `kind ${dec.space.spaceKind}, ${dec.space.dimension} coordinates`
        + (dec.space.base ? `, over R^${dec.space.base}` : '')],
    ];
    for (const [cls, symbol, part, note] of rows) {
      const tr = make('tr', {'data-symbol': cls});
      tr.append(make('td', {class: 'symbol sym-' + cls}, symbol));
      tr.append(make('td', {}, `${part.kind} '${part.id}'`));
      const td = make('td');
      td.append(make('div', {}, part.summary + (note ? ' \u2014 ' + note : '')));
      if (part.formula) {
        td.append(make('div', {class: 'formula'}, part.formula));
      }
      tr.append(td);
      body.append(tr);
    }
    const off = Object.entries(dec.terms).filter(([, on]) => !on).map(([t]) => ({
      poisson: 'J grad E (no Poisson part)', ito: 'the Ito term (constant K or no noise)',
      noise: 'the noise (deterministic flow)', gradient: 'the gradient term',
    })[t]);
    text($('terms-note'), off.length ? 'In grey, the terms that vanish for this choice: ' + off.join('; ') + '.' : '');
  }

  async function explainOf(id, kind) {
    const key = kind + ':' + id;
    if (!state.explained.has(key)) {
      const path = '/api/explain/' + encodeURIComponent(id) + (kind ? '?kind=' + encodeURIComponent(kind) : '');
      state.explained.set(key, get(path).then(r => r.text).catch(e => e.message));
    }
    return state.explained.get(key);
  }

  async function renderExplain() {
    const d = state.draft;
    const pieces = [];
    if (d.preset) {
      pieces.push(explainOf(d.preset, ''));
    }
    for (const kind of KINDS) {
      pieces.push(explainOf(d.parts[kind].id, kind));
    }
    const texts = await Promise.all(pieces);
    text($('explain-id'), (d.preset ? d.preset + ' and ' : '') + 'its parts');
    text($('explain-text'), texts.join('\n'));
  }

  /* ------------------------------------------------------------------------------------------------ charts */

  /* A uPlot chart of series against time, with a marker at the current time. */
  function chart(el, xs, series, opts) {
    el.replaceChildren();
    const log = !!(opts && opts.log);
    const data = [xs];
    const config = [{}];
    for (const s of series) {
      let ys = s.values.map(v => (v === null || v === undefined || !isFinite(v)) ? null : v);
      if (log) {
        const finite = ys.filter(v => v !== null);
        const min = finite.length ? Math.min(...finite) : 0;
        const max = finite.length ? Math.max(...finite) : 1;
        ys = s.gapToMinimum ? ys.map(v => v === null ? null : v - min + 1e-12 * Math.max(1, Math.abs(max - min)))
          : ys.map(v => v === null || v <= 0 ? null : v);
      }
      data.push(ys);
      config.push({label: s.label, stroke: s.colour, width: 2, dash: s.dash, spanGaps: true,
        points: {show: xs.length < 60}, scale: s.scale || 'y'});
    }
    const marker = {t: null};
    const width = Math.max(320, el.clientWidth || 480);
    const scales = {x: {time: false}, y: log ? {distr: 3} : {}};
    const axes = [{label: opts && opts.xLabel || 't'}, {}];
    const second = series.find(s => s.scale && s.scale !== 'y');
    if (second) { // a quantity in other units (the observers' free energy of a measure) gets its own axis
      scales[second.scale] = log ? {distr: 3} : {};
      axes.push({scale: second.scale, side: 1, label: second.axisLabel || second.label, grid: {show: false}});
    }
    const plot = new uPlot({
      width, height: 240, series: config, scales, axes,
      legend: {live: false},
      hooks: {draw: [u => {
        if (marker.t === null) {
          return;
        }
        const x = u.valToPos(marker.t, 'x', true);
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = '#888';
        ctx.setLineDash([4, 4]);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.restore();
      }]},
    }, data, el);
    el.dataset.series = String(series.length);
    el.dataset.points = String(xs.length);
    return {
      mark(t) {
        marker.t = t;
        plot.redraw(false, false);
      },
      update(x, ys) {
        plot.setData([x, ...ys]);
        el.dataset.points = String(x.length);
      },
    };
  }

  /* Union of sorted time lists, and each series re-indexed on it (null where it has no value). */
  function align(lists) {
    const all = [...new Set(lists.flatMap(l => l.times))].sort((a, b) => a - b);
    const index = new Map(all.map((t, i) => [t, i]));
    return {
      times: all,
      series: lists.map(l => {
        const out = new Array(all.length).fill(null);
        l.times.forEach((t, i) => {
          out[index.get(t)] = l.values[i];
        });
        return out;
      }),
    };
  }

  /* The observers' histories (times and values) in a summary; one that reported no value at all is left out. */
  function traces(summary) {
    const out = [];
    for (const [id, report] of Object.entries((summary && summary.observers) || {})) {
      if (Array.isArray(report.times) && Array.isArray(report.values) && report.times.length === report.values.length
        && report.times.length > 1 && report.values.some(v => v !== null)) {
        out.push({id, times: report.times, values: report.values});
      }
    }
    return out;
  }

  function diagnosticsRows(status) {
    const s = status.summary;
    const rows = [['status', status.status + (status.stopReason ? ' (' + status.stopReason + ')' : ''), null]];
    if (status.error) {
      rows.push(['error', status.error, null]);
    }
    if (!s) {
      return rows;
    }
    rows.push(['steps', s.steps, s.steps], ['time', s.time, s.time]);
    rows.push(['energy at the start', s.energyInitial, s.energyInitial], ['energy at the end', s.energy, s.energy]);
    if (s.freeEnergy !== null || s.freeEnergyInitial !== null) {
      rows.push(['free energy at the start', s.freeEnergyInitial, s.freeEnergyInitial],
        ['free energy at the end', s.freeEnergy, s.freeEnergy]);
    }
    rows.push(['free energy method', s.freeEnergyMethod, null]);
    const st = s.state || {};
    const vec = st.x || st.mean;
    if (vec) {
      rows.push([st.x ? 'final x' : 'final mean', vec.slice(0, 4).map(Plots.fmt).join(', ') + (vec.length > 4 ? ', ...' : ''), null]);
    }
    if (st.covariance) {
      rows.push(['final variance (diagonal)', st.covariance.slice(0, 4).map((r, i) => Plots.fmt(r[i])).join(', '), null]);
    }
    const d = s.diagnostics;
    rows.push(['dissipation certificate (dE against -<dE, K dE>): max violation',
      d.maxDissipationViolation === null ? 'n/a (stochastic)' : d.maxDissipationViolation, d.maxDissipationViolation]);
    rows.push(['dissipation intervals checked', d.dissipationIntervalsChecked, d.dissipationIntervalsChecked]);
    rows.push(['energy increases', d.energyIncreases === null ? 'n/a' : d.energyIncreases, d.energyIncreases]);
    rows.push(['finite', d.finite, null], ['stopped early', d.stoppedEarly, null]);
    for (const [k, v] of Object.entries(s.scheme || {})) {
      rows.push(['scheme: ' + k, v, typeof v === 'number' ? v : null]);
    }
    for (const [id, report] of Object.entries(s.observers || {})) {
      for (const [k, v] of Object.entries(report)) {
        if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') {
          rows.push([`${id}: ${k}`, v, typeof v === 'number' ? v : null]);
        }
      }
    }
    rows.push(['wall time (s)', s.wallSeconds, s.wallSeconds]);
    return rows;
  }

  /* A table of diagnostics, one column per run; exact values in data-value for whoever checks them. */
  function diagnosticsTable(table, columns) {
    const body = table.tBodies[0] || table.createTBody();
    body.replaceChildren();
    if (columns.length > 1) {
      const head = make('tr');
      head.append(make('th', {}, ''));
      for (const c of columns) {
        const th = make('th');
        const sw = make('span', {class: 'swatch'});
        sw.style.background = c.colour;
        th.append(sw, document.createTextNode(c.label));
        head.append(th);
      }
      body.append(head);
    }
    const rows = columns.map(c => diagnosticsRows(c.status));
    const names = [...new Set(rows.flatMap(r => r.map(x => x[0])))];
    for (const name of names) {
      const tr = make('tr', {'data-row': name});
      tr.append(make('th', {}, name));
      rows.forEach(r => {
        const row = r.find(x => x[0] === name);
        const value = !row ? '' : row[1] === null || row[1] === undefined ? 'n/a'
          : typeof row[1] === 'number' ? Plots.fmt(row[1]) : row[1];
        const td = make('td', {}, value);
        if (row && row[2] !== null && row[2] !== undefined) {
          td.dataset.value = String(row[2]);
        }
        tr.append(td);
      });
      body.append(tr);
    }
  }

  /* ------------------------------------------------------------------------------------------------ players */

  const stats = {draws: 0, started: 0, drawMs: 0, fps: null};
  window.varflowPlayback = stats;

  /* A slider, a play button and a speed over frames [0, n): calls draw(i) for each frame shown. */
  class Player {
    constructor(prefix, count, draw) {
      this.slider = $('slider-' + prefix);
      this.button = $('play-' + prefix);
      this.label = $('time-' + prefix);
      this.count = count;
      this.drawFrame = draw;
      this.pos = 0;
      this.playing = false;
      this.speed = 30;
      this.slider.max = String(Math.max(0, count - 1));
      this.slider.value = '0';
      this.slider.disabled = count < 2;
      this.button.disabled = count < 2;
      this.slider.oninput = () => {
        this.stop();
        this.pos = Number(this.slider.value);
        this.show(this.pos);
      };
      this.button.onclick = () => (this.playing ? this.stop() : this.play());
      this.pos = Math.max(0, count - 1); // the end first; play starts again from the beginning
      this.show(this.pos);
    }

    show(i) {
      const t0 = performance.now();
      const label = this.drawFrame(i);
      stats.drawMs += performance.now() - t0;
      this.slider.value = String(i);
      text(this.label, label || '');
      this.shownIndex = i;
    }

    play() {
      if (this.pos >= this.count - 1) {
        this.pos = 0;
        this.show(0);
      }
      this.playing = true;
      text(this.button, '\u275a\u275a pause');
      stats.draws = 0;
      stats.drawMs = 0;
      stats.started = performance.now();
      stats.fps = null;
      let last = performance.now();
      const step = now => {
        if (!this.playing) {
          return;
        }
        const speed = Number(document.body.dataset.playbackSpeed || this.speed);
        this.pos += speed > 0 ? (now - last) / 1000 * speed : 1;
        last = now;
        const i = Math.min(this.count - 1, Math.floor(this.pos));
        if (i !== this.shownIndex) {
          this.show(i);
          stats.draws++;
          const seconds = (performance.now() - stats.started) / 1000;
          stats.fps = seconds > 0 ? stats.draws / seconds : null;
        }
        if (i >= this.count - 1) {
          this.stop();
          return;
        }
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    }

    stop() {
      this.playing = false;
      text(this.button, '\u25b6 play');
    }
  }

  /* ------------------------------------------------------------------------------------------------ runs */

  /* Follows a run with server-sent events until it ends; onProgress/onFrame as events come; resolves with the end status. */
  function follow(id, onProgress, onFrame) {
    return new Promise((resolve) => {
      const source = new EventSource('/api/runs/' + encodeURIComponent(id) + '/events');
      let ended = false;
      source.addEventListener('progress', e => onProgress && onProgress(JSON.parse(e.data)));
      source.addEventListener('frame', e => onFrame && onFrame(JSON.parse(e.data)));
      source.addEventListener('end', e => {
        ended = true;
        source.close();
        resolve(JSON.parse(e.data));
      });
      source.addEventListener('error', () => {
        if (!ended) {
          source.close();
          get('/api/runs/' + encodeURIComponent(id)).then(resolve, err => resolve({id, status: 'failed', error: err.message}));
        }
      });
    });
  }

  function progressText(s) {
    const parts = [s.status];
    if (s.step !== null && s.step !== undefined) {
      parts.push(`step ${s.step} of ${s.plannedSteps}`, `t = ${Plots.fmt(s.time)}`);
    }
    if (s.energy !== null && s.energy !== undefined) {
      parts.push(`E = ${Plots.fmt(s.energy)}`);
    }
    return parts.join(', ');
  }

  const current = {id: null, player: null};

  async function run() {
    const spec = specOf(state.draft);
    showError($('error'), null);
    $('run').disabled = true;
    let status;
    try {
      status = await post('/api/runs', spec);
    } catch (e) {
      showError($('error'), e.message);
      $('run').disabled = false;
      return;
    }
    current.id = status.id;
    const key = signature(status.spec);
    const colour = Plots.colourFor(key);
    $('stop').disabled = false;
    $('progress').value = 0;
    text($('status'), progressText(status));
    text($('view-caption'), `run ${status.id}: ${key}`);
    document.body.dataset.runStatus = 'running';
    document.body.dataset.runId = status.id;
    const live = [];
    const liveEnergy = {times: [], values: []};
    let liveChart = null;
    let drawnAt = 0;
    const end = await follow(status.id, p => {
      $('progress').value = p.progress;
      text($('status'), progressText(p));
    }, frame => {
      live.push(frame);
      if (live.length > 40) {
        live.splice(1, 1);
      }
      liveEnergy.times.push(frame.time);
      liveEnergy.values.push(frame.energy);
      const now = performance.now();
      if (now - drawnAt < 400) {
        return; // the run may be fast: the page draws it a few times a second and stays free for the user
      }
      drawnAt = now;
      new Plots.Scene($('view-run'), {view: status.view, backdrop: {}, frames: live}, colour, 'live').draw(live.length - 1);
      if (liveChart) {
        liveChart.update(liveEnergy.times, [liveEnergy.values]);
      } else {
        liveChart = chart($('energy-run'), liveEnergy.times, [{label: 'E (live)', values: liveEnergy.values, colour}]);
      }
    });
    $('stop').disabled = true;
    $('run').disabled = false;
    $('progress').value = end.progress;
    text($('status'), progressText(end) + (end.stopReason ? ' (' + end.stopReason + ')' : ''));
    showError($('error'), end.error);
    await show(end, colour, key);
    document.body.dataset.runStatus = end.status;
  }

  /* Draws a finished run: its frames over the backdrop, its energies, its diagnostics; offers its spec. */
  async function show(status, colour, key) {
    const id = status.id;
    for (const [link, ext] of [[$('download-yaml'), 'yaml'], [$('download-json'), 'json']]) {
      link.href = `/api/runs/${encodeURIComponent(id)}/spec.${ext}`;
      link.setAttribute('download', `varflow-${id}.${ext}`);
      link.classList.remove('disabled');
    }
    const t = await get(`/api/runs/${encodeURIComponent(id)}/trajectory?frames=${framesFor(status)}`);
    diagnosticsTable($('diagnostics-run'), [{label: key, colour, status}]);
    if (!t.frames.length) {
      return;
    }
    const scene = new Plots.Scene($('view-run'), t, colour, '');
    const observed = traces(status.summary);
    const freeTrace = observed.find(d => d.id === 'free-energy');
    const energy = energyChart($('energy-run'), [{t, colour, label: 'E', free: freeTrace}], $('log-run').checked);
    $('log-run').onchange = () => show(status, colour, key);
    const diag = observed.filter(d => d !== freeTrace);
    if (diag.length) {
      const a = align(diag);
      chart($('diag-chart-run'), a.times, diag.map((d, k) => ({label: d.id, values: a.series[k],
        colour: ['#444', '#d1495b', '#2a9d55', '#8e44ad'][k % 4]})), {log: a.series.flat().every(v => v === null || v > 0)});
    } else {
      $('diag-chart-run').replaceChildren(make('p', {class: 'hint'}, 'no observer reports a history for this flow'));
    }
    current.player = new Player('run', t.frames.length, i => {
      const n = scene.draw(i);
      const f = t.frames[i];
      energy.mark(f.time);
      return `t = ${Plots.fmt(f.time)}, step ${f.step}, E = ${Plots.fmt(f.energy)} (${n} drawn)`;
    });
    current.scene = scene;
    current.trajectory = t;
  }

  function framesFor(status) {
    return status.view && (status.view.kind === 'plane' || status.view.kind === 'line') ? 150 : 200;
  }

  /* Energy (and free energy where defined) of one or more runs against time. */
  function energyChart(el, runs, log) {
    const lists = [];
    const series = [];
    for (const r of runs) {
      const s = r.t.series;
      lists.push({times: s.time, values: s.energy});
      series.push({label: r.label, colour: r.colour, gapToMinimum: true});
      const hasF = s.freeEnergy.some((v, i) => v !== null && Math.abs(v - s.energy[i]) > 1e-12 * (1 + Math.abs(s.energy[i])));
      if (hasF) {
        lists.push({times: s.time, values: s.freeEnergy});
        series.push({label: r.label === 'E' ? 'F (free energy)' : r.label.replace(/^E/, 'F'), colour: r.colour,
          dash: [6, 4], gapToMinimum: true});
      } else if (r.free) { // F of the measure, from the observer: per unit mass, so on its own axis
        lists.push(r.free);
        series.push({label: 'F (observer free-energy, right axis)', colour: r.colour, dash: [6, 4], gapToMinimum: true,
          scale: 'F', axisLabel: 'F'});
      }
    }
    const a = align(lists);
    return chart(el, a.times, series.map((s, k) => ({...s, values: a.series[k]})), {log});
  }

  /* ------------------------------------------------------------------------------------------------ side by side */

  function refreshCompareChoices() {
    const what = $('compare-what');
    const keep = what.value;
    what.replaceChildren();
    for (const kind of ['metric', 'scheme', 'entropy', 'noise', 'energy', 'space']) {
      what.append(make('option', {value: 'part:' + kind}, 'the ' + kind));
    }
    for (const kind of KINDS) {
      const part = state.catalog[kind][state.draft.parts[kind].id];
      for (const p of part ? part.parameters : []) {
        if (p.type === 'real' || p.type === 'integer') {
          what.append(make('option', {value: `param:${kind}:${p.name}`}, `${kind}.${p.name}`));
        }
      }
    }
    what.append(make('option', {value: 'dt'}, 'dt'));
    what.value = [...what.options].some(o => o.value === keep) ? keep : 'part:metric';
    refreshCompareTarget();
  }

  function refreshCompareTarget() {
    const what = $('compare-what').value;
    const ids = $('compare-id');
    const value = $('compare-value');
    if (what.startsWith('part:')) {
      const kind = what.slice(5);
      const keep = ids.value;
      ids.replaceChildren();
      const slots = state.check ? state.check.slots[kind] : [];
      for (const o of slots) {
        if (o.id !== state.draft.parts[kind].id) {
          const option = make('option', {value: o.id}, o.id + (o.fits ? '' : '  (does not fit)'));
          option.disabled = !o.fits;
          option.title = o.reason || '';
          ids.append(option);
        }
      }
      const firstFit = [...ids.options].find(o => !o.disabled);
      ids.value = [...ids.options].some(o => o.value === keep && !o.disabled) ? keep : (firstFit ? firstFit.value : '');
      ids.hidden = false;
      value.hidden = true;
      ids.onchange = renderCompareParams;
    } else {
      ids.hidden = true;
      value.hidden = false;
    }
    renderCompareParams();
  }

  /* B's part gets its own parameters (its defaults to start with), like the slot's form on the left. */
  function renderCompareParams() {
    const box = $('compare-params');
    box.replaceChildren();
    const what = $('compare-what').value;
    if (!what.startsWith('part:')) {
      return;
    }
    const part = state.catalog[what.slice(5)][$('compare-id').value];
    for (const p of part ? part.parameters : []) {
      const input = make('input', {type: 'text', size: 8, id: 'compare-param-' + p.name,
        value: p.default === null ? '' : p.default});
      input.dataset.param = p.name;
      input.title = `${p.meaning}\nvalid: ${p.valid}`;
      const label = make('label', {}, p.name + ' ');
      label.append(input);
      box.append(label);
    }
  }

  /* The draft's spec, and the same with B's change. */
  function compareSpecs() {
    const a = specOf(state.draft);
    const b = JSON.parse(JSON.stringify(a));
    const what = $('compare-what').value;
    let change;
    if (what.startsWith('part:')) {
      const kind = what.slice(5);
      const id = $('compare-id').value;
      if (!id) {
        throw new Error(`no other ${kind} fits this composition`);
      }
      const part = state.catalog[kind][id];
      const params = {};
      const shownParams = [];
      for (const input of $('compare-params').querySelectorAll('input')) {
        const declared = part.parameters.find(p => p.name === input.dataset.param);
        if (input.value.trim() !== '') {
          params[input.dataset.param] = typed(declared, input.value);
          if (input.value.trim() !== declared.default) {
            shownParams.push(`${input.dataset.param}=${input.value.trim()}`);
          }
        }
      }
      b.parts[kind] = {id, params};
      change = `${kind} ${id}` + (shownParams.length ? ` (${shownParams.join(', ')})` : '');
      return {a, b, labels: [`${kind} ${a.parts[kind].id}`, change]};
    }
    const raw = $('compare-value').value;
    if (what === 'dt') {
      b.dt = numberOr(raw);
      return {a, b, labels: [`dt ${a.dt}`, `dt ${raw}`]};
    }
    const [, kind, name] = what.split(':');
    b.parts[kind].params[name] = numberOr(raw);
    return {a, b, labels: [`${kind}.${name} = ${a.parts[kind].params[name]}`, `${kind}.${name} = ${raw}`]};
  }

  async function runCompare() {
    showError($('compare-error'), null);
    let specs;
    try {
      specs = compareSpecs();
    } catch (e) {
      showError($('compare-error'), e.message);
      return;
    }
    $('compare-run').disabled = true;
    document.body.dataset.compareStatus = 'running';
    try {
      const [ra, rb] = [await post('/api/runs', specs.a), await post('/api/runs', specs.b)];
      const [ea, eb] = await Promise.all([follow(ra.id), follow(rb.id)]);
      const colours = [Plots.colourFor(signature(ra.spec)), Plots.colourFor(signature(rb.spec))];
      const [ta, tb] = await Promise.all([ea, eb].map(e => get(`/api/runs/${encodeURIComponent(e.id)}/trajectory?frames=${framesFor(e)}`)));
      const labels = specs.labels.map((l, k) => `${'AB'[k]}: ${l}`);
      text($('caption-a'), labels[0] + ` (run ${ea.id}, ${ea.status})`);
      text($('caption-b'), labels[1] + ` (run ${eb.id}, ${eb.status})`);
      $('caption-a').style.color = colours[0];
      $('caption-b').style.color = colours[1];
      const errors = [ea, eb].filter(e => e.error).map(e => `run ${e.id}: ${e.error}`);
      showError($('compare-error'), errors.join('\n'));
      diagnosticsTable($('diagnostics-compare'), [{label: labels[0], colour: colours[0], status: ea},
        {label: labels[1], colour: colours[1], status: eb}]);
      const scenes = [ta, tb].map((t, k) => t.frames.length ? new Plots.Scene($(k ? 'view-b' : 'view-a'), t, colours[k], 'AB'[k]) : null);
      const energy = energyChart($('energy-compare'), [{t: ta, colour: colours[0], label: 'E ' + labels[0]},
        {t: tb, colour: colours[1], label: 'E ' + labels[1]}], false);
      const diag = [...traces(ea.summary).map(d => ({...d, id: 'A ' + d.id, colour: colours[0]})),
        ...traces(eb.summary).map(d => ({...d, id: 'B ' + d.id, colour: colours[1]}))];
      if (diag.length) {
        const al = align(diag);
        chart($('diag-chart-compare'), al.times, diag.map((d, k) => ({label: d.id, values: al.series[k], colour: d.colour,
          dash: k % 2 ? [6, 4] : undefined})), {log: al.series.flat().every(v => v === null || v > 0)});
      } else {
        $('diag-chart-compare').replaceChildren(make('p', {class: 'hint'}, 'no observer reports a history for these flows'));
      }
      const longer = ta.frames.length >= tb.frames.length ? ta : tb;
      new Player('compare', longer.frames.length, i => {
        const time = longer.frames[i].time;
        scenes.forEach(s => s && s.draw(s.indexAt(time)));
        energy.mark(time);
        return `t = ${Plots.fmt(time)}`;
      });
      document.body.dataset.compareStatus = 'done';
      document.body.dataset.compareRuns = ea.id + ',' + eb.id;
    } catch (e) {
      showError($('compare-error'), e.message);
      document.body.dataset.compareStatus = 'failed';
    } finally {
      $('compare-run').disabled = false;
    }
  }

  /* ------------------------------------------------------------------------------------------------ both levels */

  async function prepareLevels() {
    const box = $('levels-energy');
    if (box.options.length) {
      return;
    }
    const [samples, law] = await Promise.all([post('/api/compatibility', {preset: 'particle-fokker-planck'}),
      post('/api/compatibility', {preset: 'fokker-planck'})]);
    const fitsLaw = new Set(law.slots.energy.filter(o => o.fits).map(o => o.id));
    for (const o of samples.slots.energy) {
      if (o.fits && fitsLaw.has(o.id)) {
        box.append(make('option', {value: o.id}, o.id));
      }
    }
    box.value = 'double-well';
    if (!box.value) {
      box.value = 'quadratic';
    }
    box.onchange = renderLevelsParams;
    renderLevelsParams();
  }

  function renderLevelsParams() {
    const box = $('levels-energy-params');
    box.replaceChildren();
    const part = state.catalog.energy[$('levels-energy').value];
    for (const p of part ? part.parameters : []) {
      const input = make('input', {type: 'text', size: 6, value: p.default === null ? '' : p.default});
      input.dataset.param = p.name;
      input.title = `${p.meaning}\nvalid: ${p.valid}`;
      const label = make('label', {}, p.name + ' ');
      label.append(input);
      box.append(label);
    }
  }

  async function runLevels() {
    showError($('levels-error'), null);
    const energy = $('levels-energy').value;
    const part = state.catalog.energy[energy];
    const params = {};
    for (const input of $('levels-energy-params').querySelectorAll('input')) {
      const declared = part.parameters.find(p => p.name === input.dataset.param);
      if (input.value.trim() !== '') {
        params[input.dataset.param] = typed(declared, input.value);
      }
    }
    const body = {
      energy: {id: energy, params},
      entropy: {id: 'boltzmann', params: {beta: numberOr($('levels-beta').value)}},
      law: {law: $('levels-law').value, mean: typed({type: 'vector'}, $('levels-mean').value),
        std: typed({type: 'vector'}, $('levels-std').value)},
      particles: numberOr($('levels-n').value),
      time: numberOr($('levels-time').value),
      frames: 60,
    };
    $('levels-run').disabled = true;
    document.body.dataset.levelsStatus = 'running';
    try {
      const pair = await post('/api/levels', body);
      const [es, el] = await Promise.all([follow(pair.samples.id), follow(pair.law.id)]);
      const errors = [es, el].filter(e => e.error).map(e => `run ${e.id}: ${e.error}`);
      showError($('levels-error'), errors.join('\n'));
      const [ts, tl] = await Promise.all([es, el].map(e => get(`/api/runs/${encodeURIComponent(e.id)}/trajectory?frames=400`)));
      const distance = await get(`/api/levels/distance?samples=${encodeURIComponent(es.id)}&law=${encodeURIComponent(el.id)}`);
      const colours = {samples: Plots.colourFor(signature(es.spec)), law: Plots.colourFor(signature(el.spec))};
      const scene = new Plots.LevelsScene($('view-levels'), ts, tl, colours);
      const lists = [{times: distance.times, values: distance.w2}];
      const series = [{label: 'W2(samples, law)', colour: '#222'}];
      for (const [name, e, colour] of [['samples', es, colours.samples], ['law', el, colours.law]]) {
        const trace = traces(e.summary).find(x => x.id === 'w2-to-gibbs');
        if (trace) {
          lists.push(trace);
          series.push({label: `W2(${name}, Gibbs)`, colour, dash: [6, 4]});
        }
      }
      const a = align(lists);
      const w2 = chart($('w2-levels'), a.times, series.map((s, k) => ({...s, values: a.series[k]})),
        {log: a.series.flat().every(v => v === null || v > 0)});
      $('w2-levels').dataset.w2 = JSON.stringify(distance.w2);
      diagnosticsTable($('diagnostics-levels'), [{label: `samples (run ${es.id})`, colour: colours.samples, status: es},
        {label: `law (run ${el.id})`, colour: colours.law, status: el}]);
      new Player('levels', tl.frames.length, i => {
        const time = tl.frames[i].time;
        scene.draw(time);
        w2.mark(time);
        const k = distance.times.findIndex(x => Math.abs(x - time) < 1e-9);
        return `t = ${Plots.fmt(time)}` + (k >= 0 ? `, W2(samples, law) = ${Plots.fmt(distance.w2[k])}` : '');
      });
      document.body.dataset.levelsStatus = 'done';
      document.body.dataset.levelsRuns = es.id + ',' + el.id;
    } catch (e) {
      showError($('levels-error'), e.message);
      document.body.dataset.levelsStatus = 'failed';
    } finally {
      $('levels-run').disabled = false;
    }
  }

  /* ------------------------------------------------------------------------------------------------ start */

  function selectTab(name) {
    for (const b of document.querySelectorAll('[role=tab]')) {
      b.setAttribute('aria-selected', String(b.dataset.tab === name));
    }
    for (const p of document.querySelectorAll('.tab')) {
      p.hidden = p.dataset.tab !== name;
    }
    if (name === 'levels') {
      prepareLevels().catch(e => showError($('levels-error'), e.message));
    }
  }

  async function loadSpec(spec) {
    state.draft = draftOf(spec);
    $('preset').value = state.draft.preset || '';
    const preset = state.presets.get(state.draft.preset);
    text($('preset-summary'), preset ? preset.summary : '');
    renderSlots();
    renderLength();
    await check();
  }

  /* The composition in the link (#spec=...), resolved by the server, or null when there is none. */
  async function specFromLink() {
    const m = location.hash.match(/^#spec=(.*)$/);
    if (!m) {
      return null;
    }
    let spec;
    try {
      spec = JSON.parse(decodeURIComponent(m[1]));
    } catch (e) {
      throw new ApiError(400, 'the link holds no readable spec: ' + e.message);
    }
    const verdict = await post('/api/compatibility', spec);
    const resolved = verdict.spec;
    if (spec.every !== undefined) {
      resolved.every = spec.every;
    }
    return resolved;
  }

  async function start() {
    const [parts, presets, limits] = await Promise.all([get('/api/parts'), get('/api/presets'), get('/api/limits')]);
    state.catalog = {};
    for (const kind of KINDS) {
      state.catalog[kind] = Object.fromEntries(parts.parts[kind].map(p => [p.id, p]));
    }
    for (const p of presets) {
      state.presets.set(p.id, p);
    }
    state.limits = limits;
    text($('limits'), `This server runs at most ${limits.concurrentRuns} flows at once (${limits.queuedRuns} more wait), `
      + `each up to ${limits.maxParticles} particles, ${limits.maxStateValues} state values, ${limits.maxSteps} steps `
      + `and ${limits.maxWallSeconds} s.`);
    const select = $('preset');
    select.append(make('option', {value: ''}, '(none: parts below)'));
    for (const p of presets) {
      const o = make('option', {value: p.id}, p.id);
      o.title = p.summary;
      select.append(o);
    }
    select.addEventListener('change', () => {
      const p = state.presets.get(select.value);
      if (p) {
        loadSpec(p.spec);
      } else {
        state.draft.preset = null;
        scheduleCheck();
      }
    });
    bindLength();
    $('run').addEventListener('click', run);
    $('stop').addEventListener('click', () => current.id && call('DELETE', '/api/runs/' + encodeURIComponent(current.id)));
    $('compare-what').addEventListener('change', refreshCompareTarget);
    $('compare-run').addEventListener('click', runCompare);
    $('levels-run').addEventListener('click', runLevels);
    for (const b of document.querySelectorAll('[role=tab]')) {
      b.addEventListener('click', () => selectTab(b.dataset.tab));
    }
    let spec = null;
    try {
      spec = await specFromLink();
    } catch (e) {
      await loadSpec(state.presets.get(DEFAULT_PRESET).spec);
      showError($('error'), e.message);
      document.body.dataset.ready = 'true';
      return;
    }
    await loadSpec(spec || state.presets.get(DEFAULT_PRESET).spec);
    if (spec && spec.every !== undefined) {
      const steps = plannedSteps(state.draft);
      if (steps) {
        state.draft.frames = String(Math.max(1, Math.round(steps / spec.every)));
        $('frames').value = state.draft.frames;
      }
    }
    document.body.dataset.ready = 'true';
  }

  window.addEventListener('DOMContentLoaded', () => {
    start().catch(e => {
      showError($('error'), 'the explorer could not start: ' + e.message);
      document.body.dataset.ready = 'failed';
    });
  });
})();

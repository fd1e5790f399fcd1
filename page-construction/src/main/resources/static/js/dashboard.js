// Marquee live comparison dashboard: plain browser JavaScript, no build step, no libraries (works offline).
// It polls page construction's public JSON every second and draws its charts as inline SVG.
(function () {
	'use strict';

	const PATHS = ['HOLLOW', 'KAFKA_CASSANDRA'];
	const LABELS = { HOLLOW: 'Hollow', KAFKA_CASSANDRA: 'Kafka → Cassandra' };
	const COLORS = { HOLLOW: '#0f9d8a', KAFKA_CASSANDRA: '#e8710a' };
	const SVG = 'http://www.w3.org/2000/svg';

	const state = {
		auth: null,          // { user, roles, header } once signed in
		activePath: null,
		pages: [],
		demo: null,          // the last demo edit: { pageId, slug, versions: Set, accepted }
		demoEdits: new Set(), // "pageId@contentVersion" of every demo edit published from this page
		previewVersions: {}, // path -> content version shown
		statusOk: true
	};

	const $ = (id) => document.getElementById(id);

	// ---- HTTP ---------------------------------------------------------------------------------------------

	async function call(method, url, options) {
		const headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
		const auth = (options && options.auth) || (options && options.useSession && state.auth && state.auth.header);
		if (auth) {
			headers['Authorization'] = auth;
		}
		let body;
		if (options && options.json !== undefined) {
			headers['Content-Type'] = 'application/json';
			body = JSON.stringify(options.json);
		}
		const response = await fetch(url, { method, headers, body, cache: 'no-store', credentials: 'omit' });
		let data = null;
		const text = await response.text();
		if (text) {
			try {
				data = JSON.parse(text);
			}
			catch (e) {
				data = { detail: text };
			}
		}
		return { status: response.status, ok: response.ok, data, headers: response.headers };
	}

	function problemText(result) {
		if (result.data && (result.data.detail || result.data.title)) {
			return (result.data.title ? result.data.title + ': ' : '') + (result.data.detail || '');
		}
		return 'HTTP ' + result.status;
	}

	// ---- formatting -----------------------------------------------------------------------------------------

	function ms(value) {
		if (value === null || value === undefined || isNaN(value)) {
			return '–';
		}
		if (value < 1) {
			return value.toFixed(2) + ' ms';
		}
		if (value < 1000) {
			return (value < 10 ? value.toFixed(1) : Math.round(value)) + ' ms';
		}
		if (value < 60000) {
			return (value / 1000).toFixed(value < 10000 ? 2 : 1) + ' s';
		}
		return (value / 60000).toFixed(1) + ' min';
	}

	function clock(iso) {
		if (!iso) {
			return '';
		}
		const d = new Date(iso);
		return d.toISOString().substring(11, 23);
	}

	function el(tag, attrs, ...children) {
		const node = document.createElement(tag);
		Object.entries(attrs || {}).forEach(([k, v]) => {
			if (k === 'class') {
				node.className = v;
			}
			else if (k === 'style') {
				node.setAttribute('style', v);
			}
			else {
				node.setAttribute(k, v);
			}
		});
		children.flat().forEach((child) => {
			if (child === null || child === undefined || child === false) {
				return;
			}
			node.appendChild(typeof child === 'string' || typeof child === 'number'
				? document.createTextNode(String(child)) : child);
		});
		return node;
	}

	function svg(tag, attrs, text) {
		const node = document.createElementNS(SVG, tag);
		Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
		if (text !== undefined) {
			node.textContent = text;
		}
		return node;
	}

	// ---- sign-in --------------------------------------------------------------------------------------------

	async function signIn(user, password) {
		const header = 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));
		const result = await call('GET', 'api/dashboard/session', { auth: header });
		if (!result.ok) {
			throw new Error(result.status === 401 ? 'Wrong user or password' : problemText(result));
		}
		state.auth = { user: result.data.user, roles: result.data.roles, header };
		sessionStorage.setItem('marquee.dashboard.auth', JSON.stringify(state.auth));
		renderSession();
	}

	function signOut() {
		state.auth = null;
		sessionStorage.removeItem('marquee.dashboard.auth');
		renderSession();
	}

	function renderSession() {
		const signedIn = state.auth !== null;
		$('login-form').hidden = signedIn;
		$('session').hidden = !signedIn;
		$('login-hint').hidden = signedIn || !$('login-hint').textContent;
		$('login-error').hidden = true;
		if (signedIn) {
			$('session-user').textContent = state.auth.user;
			$('session-roles').textContent = '(' + state.auth.roles.join(', ') + ')';
		}
	}

	function hasRole(role) {
		return state.auth !== null && state.auth.roles.indexOf(role) >= 0;
	}

	function needSignIn(message, target) {
		target.textContent = message;
		target.hidden = false;
		$('login-user').focus();
	}

	async function loadSettings() {
		const result = await call('GET', 'api/dashboard');
		if (!result.ok) {
			return;
		}
		const hints = result.data.localDefaults || {};
		const users = Object.keys(hints);
		if (users.length > 0) {
			const hint = $('login-hint');
			hint.textContent = '';
			hint.appendChild(document.createTextNode('Local defaults: '));
			users.forEach((user, i) => {
				if (i > 0) {
					hint.appendChild(document.createTextNode(' · '));
				}
				hint.appendChild(el('code', {}, user + ' / ' + hints[user]));
			});
			$('login-user').placeholder = users[0];
			$('login-password').placeholder = hints[users[0]];
			hint.hidden = state.auth !== null;
		}
	}

	// ---- read path ------------------------------------------------------------------------------------------

	function renderActivePath(path) {
		state.activePath = path;
		const badge = $('active-path');
		badge.textContent = LABELS[path] || path;
		badge.className = 'badge ' + path;
		badge.setAttribute('data-path', path);
		PATHS.forEach((p) => $('toggle-' + p).classList.toggle('on', p === path));
	}

	function describe(path, status) {
		if (!status) {
			return '';
		}
		if (path === 'HOLLOW') {
			const pages = status.publishedPages !== undefined ? status.publishedPages + ' published pages' : '';
			const version = status.version !== undefined && status.version > 0 ? 'version ' + status.version : 'no state loaded yet';
			const failure = status.lastFailure && status.lastFailure !== 'null' ? ' · last refresh failed' : '';
			return version + (pages ? ' · ' + pages : '') + failure;
		}
		const cache = status.nearCache;
		if (!cache) {
			return status.schemaApplied === false ? 'Cassandra not reached yet' : '';
		}
		const parts = [cache.size + ' pages in the near cache', cache.warm ? 'warm' : 'warming up',
			'refresh cycle ' + duration(cache.refreshInterval)];
		if (cache.failures > 0 && cache.lastError) {
			parts.push('last error: ' + cache.lastError.substring(0, 60));
		}
		return parts.join(' · ');
	}

	// Durations arrive as ISO-8601 (PT30S) or as seconds, depending on the JSON mapper's settings.
	function duration(value) {
		if (typeof value === 'number') {
			return ms(value * 1000);
		}
		const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(value || '');
		if (!match) {
			return String(value);
		}
		return ms(((+match[1] || 0) * 3600 + (+match[2] || 0) * 60 + (+match[3] || 0)) * 1000);
	}

	async function switchPath(path) {
		const message = $('toggle-message');
		message.classList.remove('error');
		if (!hasRole('ADMIN')) {
			message.classList.add('error');
			needSignIn('Sign in as admin to switch the read path.', message);
			return;
		}
		PATHS.forEach((p) => ($('toggle-' + p).disabled = true));
		try {
			const result = await call('PUT', 'admin/read-path', { json: { readPath: path }, useSession: true });
			if (!result.ok) {
				message.classList.add('error');
				message.textContent = 'Switch refused: ' + problemText(result);
				return;
			}
			renderActivePath(result.data.readPath);
			message.textContent = 'Public reads now come from ' + LABELS[result.data.readPath] + '.';
		}
		catch (e) {
			message.classList.add('error');
			message.textContent = 'Switch failed: ' + e.message;
		}
		finally {
			PATHS.forEach((p) => ($('toggle-' + p).disabled = false));
		}
	}

	async function pollStatus() {
		const result = await call('GET', 'api/status');
		if (!result.ok) {
			throw new Error(problemText(result));
		}
		renderActivePath(result.data.activeReadPath);
		PATHS.forEach((path) => ($('status-' + path).textContent = describe(path, result.data.paths[path])));
	}

	// ---- propagation ----------------------------------------------------------------------------------------

	async function pollPropagation() {
		const result = await call('GET', 'api/propagation');
		if (!result.ok) {
			throw new Error(problemText(result));
		}
		const report = result.data;
		PATHS.forEach((path) => {
			const latency = report.paths[path] || { count: 0 };
			const row = $('latency-' + path);
			row.querySelectorAll('td').forEach((cell) => {
				const key = cell.getAttribute('data-k');
				cell.textContent = key === 'count' ? String(latency.count) : (latency.count > 0 ? ms(latency[key]) : '–');
			});
		});
		drawPercentiles(report.paths);
		const edits = report.recentEdits || [];
		drawSeries(edits.slice(0, 60).reverse());
		renderDemoConvergence(edits);
		renderEdits(edits.slice(0, 12));
	}

	// Log scale from 0.1 ms to at least a minute, so Hollow's milliseconds and the near cache's seconds fit on one axis.
	function logScale(max, size) {
		const lo = Math.log10(0.1);
		const hi = Math.log10(Math.max(60000, max * 1.5));
		return (value) => size * (Math.log10(Math.max(0.1, value)) - lo) / (hi - lo);
	}

	function ticksUpTo(max) {
		const ticks = [[1, '1 ms'], [10, '10 ms'], [100, '100 ms'], [1000, '1 s'], [10000, '10 s'], [60000, '1 min']];
		if (max > 90000) {
			ticks.push([600000, '10 min']);
		}
		return ticks;
	}

	function drawPercentiles(paths) {
		const chart = $('percentile-chart');
		chart.textContent = '';
		const left = 34, width = 330, rowHeight = 17, groupHeight = 18 + 3 * rowHeight + 8;
		const values = PATHS.map((p) => paths[p] || { count: 0 });
		const max = Math.max(1, ...values.map((v) => v.p99Ms || 0));
		const x = logScale(max, width);
		const bottom = 4 + PATHS.length * groupHeight;
		ticksUpTo(max).forEach(([value, label]) => {
			const tx = left + x(value);
			if (tx <= left + width) {
				chart.appendChild(svg('line', { x1: tx, x2: tx, y1: 4, y2: bottom, class: 'axis' }));
				chart.appendChild(svg('text', { x: tx, y: bottom + 12, 'text-anchor': 'middle' }, label));
			}
		});
		PATHS.forEach((path, i) => {
			const latency = values[i];
			const groupTop = 4 + i * groupHeight;
			chart.appendChild(svg('text', { x: 0, y: groupTop + 12, style: 'fill:' + COLORS[path] + ';font-weight:600;font-size:11px' },
				LABELS[path] + (latency.count > 0 ? '' : ' · no edits measured yet')));
			[['p50', latency.p50Ms], ['p90', latency.p90Ms], ['p99', latency.p99Ms]].forEach(([name, value], j) => {
				const top = groupTop + 18 + j * rowHeight;
				chart.appendChild(svg('text', { x: left - 6, y: top + 11, 'text-anchor': 'end' }, name));
				if (latency.count > 0) {
					const w = Math.max(2, x(value));
					chart.appendChild(svg('rect', { x: left, y: top + 2, width: w, height: rowHeight - 5, rx: 3, fill: COLORS[path], opacity: 1 - j * 0.25 }));
					chart.appendChild(svg('text', { x: left + w + 4, y: top + 11, class: 'value' }, ms(value)));
				}
			});
		});
	}

	function drawSeries(edits) {
		const chart = $('series-chart');
		chart.textContent = '';
		const left = 64, top = 10, width = 1100, height = 170;
		const all = edits.flatMap((e) => PATHS.map((p) => e.latencyMs[p]).filter((v) => v !== undefined));
		const max = Math.max(1, ...all);
		const yScale = logScale(max, height);
		const y = (v) => top + height - yScale(v);
		ticksUpTo(max).forEach(([value, label]) => {
			chart.appendChild(svg('line', { x1: left, x2: left + width, y1: y(value), y2: y(value), class: 'axis' }));
			chart.appendChild(svg('text', { x: left - 6, y: y(value) + 3, 'text-anchor': 'end' }, label));
		});
		chart.appendChild(svg('line', { x1: left, x2: left + width, y1: top + height, y2: top + height, class: 'axis' }));
		if (edits.length === 0) {
			chart.appendChild(svg('text', { x: left + width / 2, y: top + height / 2, 'text-anchor': 'middle' }, 'Waiting for edits…'));
			return;
		}
		const step = edits.length > 1 ? width / (edits.length - 1) : 0;
		const x = (i) => left + (edits.length > 1 ? i * step : width / 2);
		PATHS.forEach((path) => {
			const points = [];
			edits.forEach((edit, i) => {
				const value = edit.latencyMs[path];
				if (value !== undefined) {
					points.push([x(i), y(value), value]);
				}
			});
			if (points.length > 1) {
				chart.appendChild(svg('polyline', {
					points: points.map((p) => p[0].toFixed(1) + ',' + p[1].toFixed(1)).join(' '),
					fill: 'none', stroke: COLORS[path], 'stroke-width': 1.5, opacity: 0.7
				}));
			}
			points.forEach(([px, py, value]) => {
				const dot = svg('circle', { cx: px.toFixed(1), cy: py.toFixed(1), r: 3.5, fill: COLORS[path] });
				dot.appendChild(svg('title', {}, LABELS[path] + ': ' + ms(value)));
				chart.appendChild(dot);
			});
		});
		// Legend.
		PATHS.forEach((path, i) => {
			const lx = left + 10 + i * 160;
			chart.appendChild(svg('circle', { cx: lx, cy: 206, r: 4, fill: COLORS[path] }));
			chart.appendChild(svg('text', { x: lx + 8, y: 210 }, LABELS[path]));
		});
		chart.appendChild(svg('text', { x: left + width, y: 210, 'text-anchor': 'end' }, edits.length + (edits.length === 1 ? ' edit' : ' most recent edits')));
	}

	function renderEdits(edits) {
		const body = $('edits-body');
		body.textContent = '';
		if (edits.length === 0) {
			body.appendChild(el('tr', { class: 'empty' }, el('td', { colspan: 5 }, 'No edits yet: publish a demo edit or post a webhook.')));
			return;
		}
		edits.forEach((edit) => {
			const isDemo = state.demoEdits.has(edit.pageId + '@' + edit.contentVersion);
			const row = el('tr', { class: isDemo ? 'demo' : '', 'data-page': edit.pageId, 'data-version': String(edit.contentVersion) },
				el('td', {}, edit.slug),
				el('td', {}, el('code', {}, String(edit.contentVersion))),
				el('td', {}, clock(edit.ingestedAt)),
				...PATHS.map((path) => {
					const latency = edit.latencyMs[path];
					if (latency === undefined) {
						return el('td', { 'data-path': path }, el('span', { class: 'pending' }, 'not yet'));
					}
					return el('td', { 'data-path': path }, el('span', { class: 'ms' }, ms(latency)),
						el('span', { class: 'at' }, clock(edit.visibleAt[path])));
				}));
			body.appendChild(row);
		});
	}

	async function resetLatencies() {
		const message = $('reset-message');
		message.hidden = true;
		if (!hasRole('ADMIN')) {
			needSignIn('Sign in as admin to reset the recorded latencies.', message);
			return;
		}
		const result = await call('POST', 'admin/propagation/reset', { useSession: true });
		if (!result.ok) {
			message.textContent = 'Reset refused: ' + problemText(result);
			message.hidden = false;
			return;
		}
		await pollPropagation();
	}

	// ---- demo edit ------------------------------------------------------------------------------------------

	async function publishDemo() {
		const error = $('demo-error');
		error.hidden = true;
		if (!hasRole('EDITOR')) {
			needSignIn('Sign in as an editor (or admin) to publish a demo edit.', error);
			return;
		}
		const button = $('demo-publish');
		button.disabled = true;
		try {
			const slug = $('demo-slug').value;
			const result = await call('POST', 'api/demo-edit' + (slug ? '?slug=' + encodeURIComponent(slug) : ''), { useSession: true });
			if (!result.ok) {
				error.textContent = problemText(result);
				error.hidden = false;
				return;
			}
			const answer = result.data;
			const versions = new Set(((answer.ingestion && answer.ingestion.pages) || [])
				.filter((p) => p.pageId === answer.pageId && p.stage === 'PUBLISHED')
				.map((p) => p.contentVersion));
			state.demo = { pageId: answer.pageId, slug: answer.slug, versions, accepted: Date.now() };
			versions.forEach((version) => state.demoEdits.add(answer.pageId + '@' + version));
			$('demo-heading').textContent = answer.heading;
			$('demo-status').textContent = 'ingestion answered HTTP ' + answer.ingestionStatus + ' for ' + answer.slug + ' v' + answer.version;
			$('demo-token').textContent = answer.consistencyToken ? answer.consistencyToken.substring(0, 24) + '…' : 'none';
			$('demo-token').title = answer.consistencyToken || '';
			PATHS.forEach((path) => {
				const cell = $('demo-visible-' + path);
				cell.textContent = 'waiting…';
				cell.className = 'pending';
			});
			$('demo-result').hidden = false;
			if (!$('preview-slug').value || $('preview-slug').value !== answer.slug) {
				selectPreview(answer.slug);
			}
		}
		catch (e) {
			error.textContent = 'Demo edit failed: ' + e.message;
			error.hidden = false;
		}
		finally {
			button.disabled = false;
		}
	}

	function renderDemoConvergence(edits) {
		const demo = state.demo;
		if (demo === null) {
			return;
		}
		// Without versions in ingestion's answer, the newest edit of the page after the click is the demo edit.
		const edit = edits.find((e) => e.pageId === demo.pageId
			&& (demo.versions.size > 0 ? demo.versions.has(e.contentVersion) : Date.parse(e.ingestedAt) >= demo.accepted - 60000));
		if (!edit) {
			return;
		}
		demo.versions.add(edit.contentVersion);
		state.demoEdits.add(edit.pageId + '@' + edit.contentVersion);
		PATHS.forEach((path) => {
			const cell = $('demo-visible-' + path);
			const latency = edit.latencyMs[path];
			if (latency !== undefined) {
				cell.textContent = 'visible after ' + ms(latency);
				cell.className = 'visible';
			}
		});
	}

	// ---- pages and previews ---------------------------------------------------------------------------------

	async function loadPages() {
		let result = await call('GET', 'pages?size=200');
		if (!result.ok) {
			result = await call('GET', 'pages?size=200&readPath=HOLLOW');
		}
		if (!result.ok) {
			return;
		}
		const items = result.data.items || [];
		const slugs = items.map((p) => p.slug).join('\n');
		if (slugs === state.pages.map((p) => p.slug).join('\n')) {
			return;
		}
		state.pages = items;
		[$('demo-slug'), $('preview-slug')].forEach((select, i) => {
			const current = select.value;
			select.textContent = '';
			if (i === 0) {
				select.appendChild(el('option', { value: '' }, 'first page with a hero'));
			}
			items.forEach((page) => select.appendChild(el('option', { value: page.slug }, page.title + ' (' + page.slug + ')')));
			if (current && items.some((p) => p.slug === current)) {
				select.value = current;
			}
		});
	}

	function selectPreview(slug) {
		const select = $('preview-slug');
		if (Array.from(select.options).some((o) => o.value === slug)) {
			select.value = slug;
		}
		state.previewVersions = {};
		pollPreviews();
	}

	async function pollPreviews() {
		const slug = $('preview-slug').value;
		if (!slug) {
			return;
		}
		await Promise.all(PATHS.map(async (path) => {
			const box = $('preview-' + path);
			const result = await call('GET', 'pages/' + encodeURIComponent(slug).replace(/%2F/g, '/') + '?readPath=' + path);
			const key = slug + '@' + (result.ok ? result.data.contentVersion : result.status);
			if (state.previewVersions[path] === key) {
				return;
			}
			state.previewVersions[path] = key;
			const target = box.querySelector('.preview-body');
			target.textContent = '';
			if (!result.ok) {
				box.querySelector('.version').textContent = '';
				target.appendChild(el('p', { class: 'error' }, problemText(result)));
				return;
			}
			box.querySelector('.version').textContent = 'v' + result.data.contentVersion;
			box.setAttribute('data-version', String(result.data.contentVersion));
			renderPage(result.data).forEach((node) => target.appendChild(node));
		}));
	}

	function plainText(html) {
		// Ingestion sanitizes HTML; the dashboard still shows it as text only, never as markup.
		return new DOMParser().parseFromString(html || '', 'text/html').body.textContent || '';
	}

	function initials(name) {
		return (name || '?').split(/\s+/).map((w) => w.charAt(0)).join('').substring(0, 2).toUpperCase();
	}

	function titleCard(title) {
		return el('div', { class: 'title-card' },
			el('strong', {}, title.name),
			title.maturityRating ? el('span', { class: 'rating' }, title.maturityRating) : null,
			el('div', { class: 'muted small' }, (title.genres || []).join(' · ')));
	}

	function talent(person) {
		return el('div', { class: 'talent' }, el('span', { class: 'avatar' }, initials(person.name)), el('span', {}, person.name));
	}

	function imageStyle(image) {
		// A missing CDN image leaves the gradient, so the preview stays readable offline.
		const url = image && image.url ? 'url("' + encodeURI(image.url).replace(/"/g, '%22') + '"), ' : '';
		return 'background-image: ' + url + 'linear-gradient(135deg, #2b3245, #4a3f6b);';
	}

	function renderElement(element) {
		const text = element.text || {};
		const type = element.type;
		const box = (...children) => el('div', { class: 'el el-' + type.toLowerCase(), 'data-type': type }, ...children);
		const label = el('div', { class: 'type' }, type.replace('_', ' '));
		switch (type) {
			case 'HERO':
				return el('div', { class: 'el el-hero', 'data-type': type, style: imageStyle(element.images[0]) },
					el('h4', { class: 'hero-heading' }, text.heading || ''),
					text.subheading ? el('p', {}, text.subheading) : null);
			case 'TITLE_ROW':
				return box(label, el('h5', {}, text.heading || ''), el('div', { class: 'cards' }, element.titles.map(titleCard)));
			case 'TITLE_CARD':
				return box(label, el('div', { class: 'cards' }, element.titles.map(titleCard)));
			case 'TALENT_CARD':
				return box(label, ...element.talent.map(talent));
			case 'QUOTE':
				return box(label, el('blockquote', {}, text.quote || ''), text.attribution ? el('div', { class: 'muted small' }, '— ' + text.attribution) : null);
			case 'RICH_TEXT':
				return box(label, el('p', {}, plainText(text.html).substring(0, 280)));
			case 'GALLERY':
				return box(label, text.heading ? el('h5', {}, text.heading) : null,
					el('div', { class: 'thumbs' }, element.images.slice(0, 8).map((image) => el('span', { class: 'thumb', style: imageStyle(image) }))));
			case 'PROMO':
				return box(label, el('h5', {}, text.heading || ''), text.body ? el('p', {}, text.body) : null,
					text.ctaLabel ? el('button', { type: 'button', disabled: 'disabled' }, text.ctaLabel) : null);
			default:
				return box(label, ...Object.entries(text).map(([k, v]) => el('div', { class: 'small' }, k + ': ' + v)),
					element.images.length ? el('div', { class: 'thumbs' }, element.images.slice(0, 4).map((image) => el('span', { class: 'thumb', style: imageStyle(image) }))) : null);
		}
	}

	function renderPage(page) {
		const nodes = [el('h3', {}, page.title)];
		if (page.summary) {
			nodes.push(el('p', { class: 'muted small' }, page.summary));
		}
		(page.elements || []).forEach((element) => nodes.push(renderElement(element)));
		return nodes;
	}

	// ---- wiring ---------------------------------------------------------------------------------------------

	async function tick() {
		try {
			await Promise.all([pollStatus(), pollPropagation(), pollPreviews()]);
			state.statusOk = true;
		}
		catch (e) {
			state.statusOk = false;
		}
		document.querySelector('.pulse').classList.toggle('stale', !state.statusOk);
	}

	function every(millis, task) {
		const run = async () => {
			try {
				await task();
			}
			finally {
				setTimeout(run, millis);
			}
		};
		run();
	}

	document.addEventListener('DOMContentLoaded', () => {
		try {
			const saved = JSON.parse(sessionStorage.getItem('marquee.dashboard.auth') || 'null');
			if (saved && saved.header) {
				state.auth = saved;
			}
		}
		catch (e) {
			sessionStorage.removeItem('marquee.dashboard.auth');
		}
		renderSession();
		loadSettings();
		$('login-form').addEventListener('submit', async (event) => {
			event.preventDefault();
			try {
				await signIn($('login-user').value.trim(), $('login-password').value);
				$('login-password').value = '';
				$('toggle-message').classList.remove('error');
				$('demo-error').hidden = true;
			}
			catch (e) {
				$('login-error').textContent = e.message;
				$('login-error').hidden = false;
			}
		});
		$('logout').addEventListener('click', signOut);
		PATHS.forEach((path) => $('toggle-' + path).addEventListener('click', () => switchPath(path)));
		$('demo-publish').addEventListener('click', publishDemo);
		$('latency-reset').addEventListener('click', resetLatencies);
		$('preview-slug').addEventListener('change', () => selectPreview($('preview-slug').value));
		every(5000, async () => {
			await loadPages();
			if (!$('preview-slug').value && state.pages.length > 0) {
				selectPreview(state.pages[0].slug);
			}
		});
		every(1000, tick);
	});
}());

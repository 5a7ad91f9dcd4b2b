// The upload page's enhancements. Without this script the form posts and the server answers with a page.
(function () {
  'use strict';

  function fill(template, value) { return template.replace('{0}', value); }

  function localTimes(lang) {
    document.querySelectorAll('time.local-time').forEach(function (el) {
      var when = new Date(el.getAttribute('datetime'));
      if (!isNaN(when)) {
        el.textContent = when.toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' });
      }
    });
  }

  function say(result, text, cls) {
    var p = document.createElement('p');
    p.textContent = text;
    if (cls) { p.className = cls; }
    result.appendChild(p);
    return p;
  }

  function showCheck(result, status) {
    var box = document.getElementById('check-result') || document.createElement('div');
    box.id = 'check-result';
    box.textContent = '';
    var summary = document.createElement('p');
    summary.id = 'check-summary';
    summary.textContent = status.summary;
    box.appendChild(summary);
    if (status.problems && status.problems.length) {
      var list = document.createElement('ul');
      list.id = 'check-problems';
      status.problems.forEach(function (problem) {
        var li = document.createElement('li');
        li.textContent = problem.text || problem.message;
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    box.setAttribute('data-state', status.state);
    result.appendChild(box);
  }

  // The uploads list as the server renders it now: the new upload appears at once, and its check once done.
  function refreshUploads(lang) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', window.location.href);
    xhr.setRequestHeader('Accept', 'text/html');
    xhr.responseType = 'document';
    xhr.onload = function () {
      var fresh = xhr.status === 200 && xhr.response && xhr.response.getElementById('your-uploads');
      var current = document.getElementById('your-uploads');
      if (fresh && current) {
        current.replaceWith(document.importNode(fresh, true));
        localTimes(lang);
      }
    };
    xhr.send();
  }

  function poll(result, url, lang) {
    var delay = 1000;
    function once() {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', url + '?lang=' + encodeURIComponent(lang));
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.onload = function () {
        if (xhr.status === 200) {
          var status = JSON.parse(xhr.responseText);
          showCheck(result, status);
          if (status.state !== 'checking') { refreshUploads(lang); return; }
        }
        delay = Math.min(delay * 1.5, 10000);
        setTimeout(once, delay);
      };
      xhr.onerror = function () { setTimeout(once, 10000); };
      xhr.send();
    }
    once();
  }

  function enhance(form) {
    var lang = form.getAttribute('data-lang');
    var input = document.getElementById('file');
    var zone = document.getElementById('drop-zone');
    var area = document.getElementById('progress-area');
    var bar = document.getElementById('progress');
    var text = document.getElementById('progress-text');
    var result = document.getElementById('result');
    var send = document.getElementById('send');

    ['dragenter', 'dragover'].forEach(function (name) {
      zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; }
    });

    var sender = resumable(form, lang, function (sent, total) {
      var percent = total ? Math.floor(sent * 100 / total) : 100;
      bar.value = percent;
      bar.textContent = percent + '%';
      text.textContent = form.getAttribute('data-bytes-sent').replace('{0}', size(sent, lang)).replace('{1}', size(total, lang));
    }, function () {
      text.textContent = form.getAttribute('data-retrying');
    });
    var pending = sender.pending();
    if (pending) { say(result, fill(form.getAttribute('data-resume-hint'), pending), 'notice').id = 'resume-hint'; }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!input.files.length) { input.focus(); return; }
      result.textContent = '';
      area.hidden = false;
      bar.value = 0;
      text.textContent = form.getAttribute('data-sending');
      send.disabled = true;
      sender.send(input.files[0]).then(function (answer) {
        send.disabled = false;
        var body = answer.body;
        if (answer.status === 202) {
          bar.value = 100;
          var when = new Date(body.receivedAt).toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' });
          var receipt = say(result, fill(form.getAttribute(body.late ? 'data-received-late' : 'data-received-on-time'), when), body.late ? 'notice late' : null);
          receipt.id = 'receipt';
          showCheck(result, { state: 'checking', summary: form.getAttribute('data-checking'), problems: [] });
          refreshUploads(lang);
          // On the page's own origin, whatever address the status URL names (the public one): the CSP allows only 'self'.
          poll(result, new URL(body.statusUrl, window.location.href).pathname, lang);
        } else {
          say(result, body.detail || form.getAttribute('data-error-network'), 'notice late').id = 'error';
        }
      });
    });
  }

  // A size as the browser writes it in the page's language: "12.3 MB", "12,3 Mo", "12,3 МБ".
  function size(bytes, lang) {
    var mb = bytes >= 1048576;
    return new Intl.NumberFormat(lang, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: mb ? 1 : 0 })
      .format(mb ? bytes / 1048576 : Math.ceil(bytes / 1024));
  }

  // The longest Retry-After the page waits out by itself (a busy server, the platform's throttling).
  var longestRetryWait = 120;

  // The server's Retry-After in seconds (it may send seconds or a date), or null when there is none.
  function retryAfter(xhr) {
    var after = xhr.getResponseHeader && xhr.getResponseHeader('Retry-After');
    if (!after) { return null; }
    var seconds = /^\d+$/.test(after) ? parseInt(after, 10) : (Date.parse(after) - Date.now()) / 1000;
    return seconds >= 0 ? seconds : null;
  }

  // How long to wait before trying a request again: the server's Retry-After, else a growing backoff.
  function retryDelay(xhr, attempt) {
    var seconds = retryAfter(xhr);
    return seconds !== null ? Math.min(seconds, longestRetryWait) * 1000 : Math.min(500 * Math.pow(2, attempt), 15000);
  }

  // A 429 that asks for a longer wait is the link's hourly limit, not a busy server: the coordinator is shown its
  // message, which says when to send again, instead of the page retrying silently for an hour.
  function refusedForNow(xhr) {
    var seconds = retryAfter(xhr);
    return xhr.status === 429 && seconds !== null && seconds > longestRetryWait;
  }

  // The file sent in blocks to the resumable routes. Each request is tried again after a network error, a 5xx, a 408 or
  // a 429 with a short wait (the connection dropped, the server busy): only the block in flight is sent again. The upload's id is kept
  // in localStorage under the file's name, size and date, so that a reload, once the same file is chosen again, asks
  // which blocks arrived and sends the rest; another file gets another id and never mixes with it.
  function resumable(form, lang, progress, retrying) {
    var blockSize = parseInt(form.getAttribute('data-block-size'), 10);
    var prefix = 'pac-upload:';
    var maxAttempts = 30;

    function keyFor(file) { return prefix + JSON.stringify([file.name, file.size, file.lastModified]); }

    function idFor(file) {
      var id = null;
      try { id = window.localStorage.getItem(keyFor(file)); } catch (ignored) { /* no storage: this page's id only */ }
      if (!id) {
        var random = new Uint8Array(16);
        window.crypto.getRandomValues(random);
        id = Array.prototype.map.call(random, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
        try { window.localStorage.setItem(keyFor(file), id); } catch (ignored) { /* as above */ }
      }
      return id;
    }

    // Stored: no upload of this browser is left to resume. Refused for good (the link, the window, the size, the
    // format): resuming would be refused again, so this file's next try starts afresh.
    function forget(file, all) {
      try {
        for (var i = window.localStorage.length - 1; i >= 0; i--) {
          var key = window.localStorage.key(i);
          if (key === keyFor(file) || (all && key && key.indexOf(prefix) === 0)) { window.localStorage.removeItem(key); }
        }
      } catch (ignored) { /* as above */ }
    }

    function request(method, url, body, onProgress) {
      return new Promise(function (resolve) {
        var attempt = 0;
        function once() {
          var xhr = new XMLHttpRequest();
          xhr.open(method, url);
          xhr.setRequestHeader('Accept', 'application/json');
          if (typeof body === 'string') { xhr.setRequestHeader('Content-Type', 'application/json'); }
          if (onProgress) { xhr.upload.onprogress = function (p) { onProgress(p.loaded); }; }
          function again() {
            attempt += 1;
            if (attempt >= maxAttempts) { resolve({ status: 0, body: {} }); return; }
            if (onProgress) { onProgress(0); }
            retrying();
            setTimeout(once, retryDelay(xhr, attempt));
          }
          xhr.onload = function () {
            if ((xhr.status >= 500 || xhr.status === 408 || xhr.status === 429) && !refusedForNow(xhr)) { again(); return; }
            var parsed = {};
            try { parsed = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON: the caller says it failed */ }
            resolve({ status: xhr.status, body: parsed });
          };
          xhr.onerror = again;
          xhr.ontimeout = again;
          xhr.send(body === undefined ? null : body);
        }
        once();
      });
    }

    function send(file) {
      var id = idFor(file);
      var listUrl = form.getAttribute('data-resumable-url').replace('%7Bid%7D', id);
      var count = Math.max(1, Math.ceil(file.size / blockSize));
      function lengthOf(i) { return Math.min(blockSize, file.size - i * blockSize); }

      return request('GET', listUrl).then(function (answer) {
        if (answer.status !== 200) { return answer; }
        var have = {};
        (answer.body.blocks || []).forEach(function (b) { if (b.bytes === lengthOf(b.index)) { have[b.index] = true; } });
        var sent = 0;
        for (var i = 0; i < count; i++) { if (have[i]) { sent += lengthOf(i); } }
        progress(sent, file.size);

        function next(i) {
          while (i < count && have[i]) { i++; }
          if (i >= count) {
            return request('POST', listUrl, JSON.stringify({ fileName: file.name, size: file.size }));
          }
          var blockUrl = form.getAttribute('data-block-url').replace('%7Bid%7D', id).replace('%7Bindex%7D', String(i));
          return request('PUT', blockUrl, file.slice(i * blockSize, i * blockSize + lengthOf(i)), function (loaded) {
            progress(sent + loaded, file.size);
          }).then(function (staged) {
            if (staged.status !== 200) { return staged; }
            sent += lengthOf(i);
            progress(sent, file.size);
            return next(i + 1);
          });
        }
        return next(0);
      }).then(function (answer) {
        // A 400 (a part missing, a body cut off) or no answer at all: the blocks received are kept for the next try.
        if (answer.status === 202 || (answer.status > 400 && answer.status < 500)) { forget(file, answer.status === 202); }
        return answer;
      });
    }

    // The file name of an upload this browser left unfinished, for the hint beside the form.
    function pending() {
      try {
        for (var i = 0; i < window.localStorage.length; i++) {
          var key = window.localStorage.key(i);
          if (key && key.indexOf(prefix) === 0) { return JSON.parse(key.slice(prefix.length))[0]; }
        }
      } catch (ignored) { /* no storage, or a key of another shape */ }
      return null;
    }

    return { send: send, pending: pending };
  }

  document.addEventListener('DOMContentLoaded', function () {
    localTimes(document.documentElement.lang);
    var form = document.getElementById('upload-form');
    if (form) { enhance(form); }
  });
})();

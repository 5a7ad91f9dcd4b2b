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

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!input.files.length) { input.focus(); return; }
      result.textContent = '';
      area.hidden = false;
      bar.value = 0;
      text.textContent = form.getAttribute('data-sending');
      send.disabled = true;
      var data = new FormData();
      data.append('file', input.files[0]);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('action'));
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = function (p) {
        if (p.lengthComputable) {
          var percent = Math.round(p.loaded * 100 / p.total);
          bar.value = percent;
          bar.textContent = percent + '%';
          text.textContent = percent + '%';
        }
      };
      xhr.onload = function () {
        send.disabled = false;
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON: say it failed */ }
        if (xhr.status === 202) {
          bar.value = 100;
          text.textContent = '100%';
          var when = new Date(body.receivedAt).toLocaleString(lang, { dateStyle: 'long', timeStyle: 'short' });
          var receipt = say(result, fill(form.getAttribute(body.late ? 'data-received-late' : 'data-received-on-time'), when), body.late ? 'notice late' : null);
          receipt.id = 'receipt';
          showCheck(result, { state: 'checking', summary: form.getAttribute('data-checking'), problems: [] });
          refreshUploads(lang);
          poll(result, body.statusUrl, lang);
        } else {
          say(result, body.detail || form.getAttribute('data-error-network'), 'notice late').id = 'error';
        }
      };
      xhr.onerror = function () {
        send.disabled = false;
        say(result, form.getAttribute('data-error-network'), 'notice late').id = 'error';
      };
      xhr.send(data);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    localTimes(document.documentElement.lang);
    var form = document.getElementById('upload-form');
    if (form) { enhance(form); }
  });
})();

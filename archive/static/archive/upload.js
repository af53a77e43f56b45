/* The admin upload page: one request per file, each with its own progress bar, then each
   file's fate. Without this script the form posts all files at once and a result page lists
   them. External file only: the Content-Security-Policy forbids inline scripts. */
"use strict";
(function () {
  const form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  const input = form.querySelector('input[type="file"]');
  const zone = document.getElementById("upload-drop");
  const list = document.getElementById("upload-list");
  const endpoint = form.dataset.endpoint;
  const token = form.querySelector('input[name="csrfmiddlewaretoken"]').value;
  const PARALLEL = Math.max(1, parseInt(form.dataset.parallel, 10) || 1);
  const queue = [];
  let running = 0;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function option(name) {
    const field = form.elements[name];
    return field ? field.value : "";
  }

  function link(href, text) {
    const anchor = element("a", "", text);
    anchor.href = href;
    return anchor;
  }

  function showResult(container, result, fileName) {
    const row = element("div", "upload-result upload-" + result.status);
    if (result.thumbnail_url) {
      const image = element("img", "upload-thumb");
      image.src = result.thumbnail_url;
      image.alt = "";
      row.appendChild(image);
    }
    const text = element("div", "upload-fate");
    if (result.filename && result.filename !== fileName) {
      text.appendChild(element("div", "upload-member", result.filename));  // a ZIP's member
    }
    const fate = element("div");
    if (result.status === "created") {
      fate.appendChild(document.createTextNode("created "));
      fate.appendChild(link(result.admin_url, "#" + result.asset_id));
      if (result.near_duplicate_of) {
        fate.appendChild(document.createTextNode(" (looks like #" + result.near_duplicate_of + ")"));
      }
    } else if (result.status === "duplicate") {
      fate.appendChild(document.createTextNode("duplicate of "));
      fate.appendChild(link(result.admin_url, "#" + result.asset_id));
    } else {
      fate.textContent = "refused: " + (result.reason || "unknown reason");
    }
    text.appendChild(fate);
    if (result.credit) {
      text.appendChild(element("div", "upload-credit", "Credit: " + result.credit));
    }
    (result.warnings || []).forEach(function (warning) {
      text.appendChild(element("div", "upload-warning", "warning: " + warning));
    });
    row.appendChild(text);
    container.appendChild(row);
  }

  function addItem(file) {
    const item = element("li", "upload-item");
    item.dataset.state = "waiting";
    item.appendChild(element("span", "upload-name", file.name));
    const bar = element("progress", "upload-progress");
    bar.max = 100;
    bar.value = 0;
    item.appendChild(bar);
    const results = element("div", "upload-results-of-file");
    item.appendChild(results);
    list.appendChild(item);
    return { item: item, bar: bar, results: results };
  }

  function finish(job, state, payload) {
    job.view.bar.value = 100;
    job.view.item.dataset.state = state;
    const results = Array.isArray(payload) ? payload : [payload];
    results.forEach(function (result) {
      showResult(job.view.results, result, job.file.name);
    });
    running -= 1;
    pump();
  }

  function send(job) {
    const data = new FormData();
    data.append("file", job.file);
    data.append("credit", option("credit"));
    data.append("kind", option("kind"));
    const request = new XMLHttpRequest();
    request.open("POST", endpoint);
    request.setRequestHeader("X-CSRFToken", token);
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    job.view.item.dataset.state = "uploading";
    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        job.view.bar.value = Math.round((100 * event.loaded) / event.total);
      }
    });
    request.addEventListener("load", function () {
      const payload = request.response;
      if (payload && (Array.isArray(payload) || payload.status)) {
        finish(job, "done", payload);
      } else {
        finish(job, "failed", { status: "rejected", reason: "the server answered " + request.status });
      }
    });
    request.addEventListener("error", function () {
      finish(job, "failed", { status: "rejected", reason: "the upload was interrupted (network error)" });
    });
    request.send(data);
  }

  function pump() {
    while (running < PARALLEL && queue.length) {
      running += 1;
      send(queue.shift());
    }
  }

  function start(files) {
    Array.prototype.forEach.call(files, function (file) {
      queue.push({ file: file, view: addItem(file) });
    });
    pump();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (input.files.length) {
      start(input.files);
      input.value = "";
    }
  });

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("upload-drop-active");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () {
      zone.classList.remove("upload-drop-active");
    });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      start(event.dataTransfer.files);
    }
  });
})();

/* The admin upload page: one request per file, each with its own progress bar, then each
   file's fate, then its background processing followed to "ready" (or "failed" and why) by
   polling the processing endpoint. Without this script the form posts all files at once and
   a result page lists them (polled the same way when scripts run). External file only: the
   Content-Security-Policy forbids inline scripts. */
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
  const processingEndpoint = form.dataset.processingEndpoint;
  const POLL_MS = 2000;
  const queue = [];
  const followed = new Map();  // asset id -> the rows showing it
  let running = 0;
  let polling = null;

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

  function showThumbnail(holder, url) {
    if (!url || holder.querySelector("img")) return;
    const image = element("img", "upload-thumb");
    image.src = url;
    image.alt = "";
    holder.appendChild(image);
  }

  function showProcessing(row, asset) {
    const state = row.querySelector(".processing-state");
    if (!state) return;
    state.className = "processing-state processing-" + asset.state;
    if (asset.state === "failed") {
      state.textContent = "processing failed" + (asset.error ? ": " + asset.error : "");
    } else {
      state.textContent = asset.state === "ready" ? "ready" : "processing…";
    }
    if (asset.state === "ready") {
      showThumbnail(row.querySelector(".processing-thumb"), asset.thumbnail_url);
      const fate = row.querySelector(".upload-fate");
      if (fate && asset.near_duplicate_of && !row.dataset.lookAlikeShown) {
        row.dataset.lookAlikeShown = "1";
        fate.appendChild(element("div", "", "looks like #" + asset.near_duplicate_of));
      }
      if (fate && asset.warning) {
        fate.appendChild(element("div", "upload-warning", "warning: " + asset.warning));
      }
    }
  }

  function poll() {
    if (!followed.size) {
      polling = null;
      return;
    }
    const ids = Array.from(followed.keys()).slice(0, 500);
    const request = new XMLHttpRequest();
    request.open("GET", processingEndpoint + "?ids=" + ids.join(","));
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "json";
    request.addEventListener("loadend", function () {
      const assets = (request.response && request.response.assets) || {};
      Object.keys(assets).forEach(function (id) {
        const asset = assets[id];
        (followed.get(id) || []).forEach(function (row) {
          showProcessing(row, asset);
        });
        if (asset.state !== "pending") followed.delete(id);
      });
      polling = window.setTimeout(poll, POLL_MS);
    });
    request.send();
  }

  function follow(row, assetId) {
    const id = String(assetId);
    if (!followed.has(id)) followed.set(id, []);
    followed.get(id).push(row);
    if (polling === null) polling = window.setTimeout(poll, POLL_MS);
  }

  function showResult(container, result, fileName) {
    const row = element("div", "upload-result upload-" + result.status);
    const thumb = element("div", "processing-thumb");
    row.appendChild(thumb);
    showThumbnail(thumb, result.thumbnail_url);
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
    if (result.asset_id) text.appendChild(element("div", "processing-state"));
    (result.warnings || []).forEach(function (warning) {
      text.appendChild(element("div", "upload-warning", "warning: " + warning));
    });
    row.appendChild(text);
    container.appendChild(row);
    if (result.asset_id) {
      showProcessing(row, { state: result.processing || "pending", error: result.processing_error });
      if (result.processing === "pending") follow(row, result.asset_id);
    }
  }

  // The result page of a post without scripts: follow its rows too.
  document.querySelectorAll("[data-processing-asset]").forEach(function (row) {
    follow(row, row.dataset.processingAsset);
  });

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

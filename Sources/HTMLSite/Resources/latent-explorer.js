// The latent explorer: decodes 2-D codes in the reader's browser with the trained decoder's
// weights, which a data script next to the page registers in window.courseLatentExplorers
// (see ExplorerData.swift: a script, not fetch(), so the site works from file://).
//
// Every element `.explorer-app[data-explorer]` not yet started is started: its plane shows the
// codes of test images, pointing at (or moving the arrow keys over) the plane decodes the code
// there, and its slider decodes the straight line between two images' codes. The decoder runs
// the layers the build described, in order, with float32 storage between layers as our Swift
// decoder has; each dot product is summed in double precision, which differs from BLAS's
// float32 sums by far less than one of the 255 grey levels drawn.
(function () {
  "use strict";

  // The little-endian float32 values whose bytes `text` holds in base64.
  function floats(text) {
    var binary = atob(text);
    var view = new DataView(new ArrayBuffer(binary.length));
    for (var i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
    var values = new Float32Array(binary.length / 4);
    for (var j = 0; j < values.length; j++) values[j] = view.getFloat32(4 * j, true);
    return values;
  }

  // A layer the build described, with its floats decoded once.
  function prepare(layer) {
    if (layer.kind !== "linear") return layer;
    return { kind: "linear", inputSize: layer.inputSize, outputSize: layer.outputSize,
             weights: floats(layer.weights), bias: floats(layer.bias) };
  }

  // y = x Wᵀ + b, W laid out [outputSize, inputSize].
  function linear(layer, x) {
    var y = new Float32Array(layer.outputSize), n = layer.inputSize, w = layer.weights;
    for (var o = 0; o < y.length; o++) {
      var sum = 0, row = o * n;
      for (var i = 0; i < n; i++) sum += w[row + i] * x[i];
      y[o] = layer.bias[o] + sum;
    }
    return y;
  }

  function elementwise(x, f) {
    var y = new Float32Array(x.length);
    for (var i = 0; i < x.length; i++) y[i] = f(x[i]);
    return y;
  }

  // The decoder's output (pixel intensities) for the code `z`.
  function decode(layers, z) {
    var x = Float32Array.from(z);
    layers.forEach(function (layer) {
      switch (layer.kind) {
        case "linear": x = linear(layer, x); break;
        case "relu": x = elementwise(x, function (v) { return v < 0 ? 0 : v; }); break;
        case "leakyReLU": x = elementwise(x, function (v) { return v < 0 ? layer.slope * v : v; }); break;
        case "sigmoid": x = elementwise(x, function (v) { return 1 / (1 + Math.exp(-v)); }); break;
        case "tanh": x = elementwise(x, Math.tanh); break;
        default: throw new Error("latent explorer: unknown layer kind " + layer.kind);
      }
    });
    return x;
  }

  // Draws intensities in [0, 1] as grey levels, as the site's PNG figures do (NaN is black).
  function drawImage(canvas, pixels, rows, columns) {
    canvas.width = columns;
    canvas.height = rows;
    var context = canvas.getContext("2d");
    var image = context.createImageData(columns, rows);
    for (var i = 0; i < rows * columns; i++) {
      var v = pixels[i];
      var level = v !== v ? 0 : Math.round(Math.min(Math.max(v, 0), 1) * 255);
      image.data[4 * i] = image.data[4 * i + 1] = image.data[4 * i + 2] = level;
      image.data[4 * i + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }

  function formatCode(z) {
    return "z = (" + z[0].toFixed(2) + ", " + z[1].toFixed(2) + ")";
  }

  function startExplorer(app) {
    var key = app.getAttribute("data-explorer");
    var data = (window.courseLatentExplorers || {})[key];
    if (!data) {
      console.error("latent explorer: its data script " + key + " did not load");
      return;
    }
    app.setAttribute("data-started", "true");
    var layers = data.layers.map(prepare);
    var codes = floats(data.codes), ends = data.ends, endImages = floats(data.endImages);
    var size = data.imageRows * data.imageColumns, plane = data.plane;
    var planeCanvas = app.querySelector(".explorer-plane");
    var decodedCanvas = app.querySelector(".explorer-decoded canvas");
    var codeText = app.querySelector(".explorer-decoded output");
    var slider = app.querySelector(".explorer-path input");
    var pathCanvas = app.querySelector(".explorer-path-image");
    var pathText = app.querySelector(".explorer-path output");
    var endCanvases = app.querySelectorAll(".explorer-end");
    var first = [codes[2 * ends[0]], codes[2 * ends[0] + 1]], last = [codes[2 * ends[1]], codes[2 * ends[1] + 1]];
    var pointed = [Math.fround((plane[0] + plane[1]) / 2), Math.fround((plane[2] + plane[3]) / 2)];
    var along = null;

    // Plane coordinates (0 to 1 across, 0 to 1 down) to a code, and back.
    function codeAt(u, v) {
      return [Math.fround(plane[0] + u * (plane[1] - plane[0])), Math.fround(plane[3] - v * (plane[3] - plane[2]))];
    }
    function placeOf(z) {
      return [(z[0] - plane[0]) / (plane[1] - plane[0]) * planeCanvas.width,
              (plane[3] - z[1]) / (plane[3] - plane[2]) * planeCanvas.height];
    }

    function drawPlane() {
      var context = planeCanvas.getContext("2d"), width = planeCanvas.width, height = planeCanvas.height;
      context.clearRect(0, 0, width, height);
      // The axes through the origin, when it is on the plane, to read codes against.
      var origin = placeOf([0, 0]);
      context.strokeStyle = "rgba(128, 128, 128, 0.5)";
      context.beginPath();
      if (origin[0] >= 0 && origin[0] <= width) { context.moveTo(origin[0], 0); context.lineTo(origin[0], height); }
      if (origin[1] >= 0 && origin[1] <= height) { context.moveTo(0, origin[1]); context.lineTo(width, origin[1]); }
      context.stroke();
      context.fillStyle = "#888";
      context.font = "12px sans-serif";
      context.fillText("z\u2081 \u2192", width - 34, height - 6);
      context.fillText("z\u2082 \u2191", 4, 14);
      context.globalAlpha = 0.55;
      for (var i = 0; i < data.classes.length; i++) {
        var p = placeOf([codes[2 * i], codes[2 * i + 1]]);
        context.fillStyle = data.colors[data.classes[i]];
        context.fillRect(p[0] - 1.5, p[1] - 1.5, 3, 3);
      }
      context.globalAlpha = 1;
      var a = placeOf(first), b = placeOf(last);
      // The line in the page's text color, so it shows on the light and the dark theme.
      context.strokeStyle = getComputedStyle(planeCanvas).color;
      context.lineWidth = 2;
      context.setLineDash([5, 3]);
      context.beginPath();
      context.moveTo(a[0], a[1]);
      context.lineTo(b[0], b[1]);
      context.stroke();
      context.setLineDash([]);
      context.lineWidth = 1;
      [a, b].forEach(function (end) { context.strokeRect(end[0] - 3, end[1] - 3, 6, 6); });
      if (along) {
        var q = placeOf(along);
        context.strokeStyle = "#888";
        context.strokeRect(q[0] - 4, q[1] - 4, 8, 8);
      }
      var c = placeOf(pointed);
      context.lineWidth = 2;
      context.strokeStyle = "#d33";
      context.beginPath();
      context.arc(c[0], c[1], 6, 0, 2 * Math.PI);
      context.stroke();
      context.lineWidth = 1;
    }

    function point(z) {
      pointed = z;
      drawImage(decodedCanvas, decode(layers, z), data.imageRows, data.imageColumns);
      codeText.textContent = formatCode(z);
      app.setAttribute("data-code", z[0] + " " + z[1]);
      drawPlane();
    }

    // The code at slider position t, as our Swift interpolation computes it in float32.
    function slide() {
      var t = Math.fround(Number(slider.value) / Number(slider.max));
      var s = Math.fround(1 - t);
      along = [0, 1].map(function (j) { return Math.fround(Math.fround(s * first[j]) + Math.fround(t * last[j])); });
      drawImage(pathCanvas, decode(layers, along), data.imageRows, data.imageColumns);
      pathText.textContent = formatCode(along);
      app.setAttribute("data-path-code", along[0] + " " + along[1]);
      drawPlane();
    }

    function pointer(event) {
      if (event.pointerType !== "mouse" && event.type === "pointermove" && event.buttons === 0) return;
      var box = planeCanvas.getBoundingClientRect();
      var u = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1);
      var v = Math.min(Math.max((event.clientY - box.top) / box.height, 0), 1);
      point(codeAt(u, v));
      event.preventDefault();
    }
    planeCanvas.addEventListener("pointermove", pointer);
    planeCanvas.addEventListener("pointerdown", pointer);
    planeCanvas.addEventListener("keydown", function (event) {
      var stepX = (plane[1] - plane[0]) / 50, stepY = (plane[3] - plane[2]) / 50;
      var moves = { ArrowLeft: [-stepX, 0], ArrowRight: [stepX, 0], ArrowUp: [0, stepY], ArrowDown: [0, -stepY] };
      var move = moves[event.key];
      if (!move) return;
      point([Math.fround(Math.min(Math.max(pointed[0] + move[0], plane[0]), plane[1])),
             Math.fround(Math.min(Math.max(pointed[1] + move[1], plane[2]), plane[3]))]);
      event.preventDefault();
    });
    slider.addEventListener("input", slide);

    // The legend: one swatch per class, in the points' colors.
    var legend = app.querySelector(".explorer-legend");
    data.classNames.forEach(function (name, index) {
      var item = document.createElement("li"), swatch = document.createElement("span");
      swatch.style.background = data.colors[index];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(name));
      legend.appendChild(item);
    });
    for (var k = 0; k < 2; k++) drawImage(endCanvases[k], endImages.subarray(k * size, (k + 1) * size), data.imageRows, data.imageColumns);
    app.hidden = false;
    slide();
    point(pointed);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".explorer-app[data-explorer]:not([data-started])"), startExplorer);
})();

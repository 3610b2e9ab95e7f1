// Search of the course site: a box in every page's header that searches the sections of
// `search-index.js` (written by `course build`) as the reader types. Plain JavaScript, nothing
// loaded from elsewhere, so it works from file:// too. Without JavaScript there is no box.
//
// "/" focuses the box; ↑ and ↓ move through the results, Enter follows one, Escape closes them.
(function () {
  "use strict";
  var sections = window.courseSearchIndex;
  var header = document.querySelector(".site-header-inner");
  if (!Array.isArray(sections) || !header) return;

  var maximumResults = 40;
  var snippetLength = 150;
  // Lowercased once, for matching as the reader types.
  var haystacks = sections.map(function (section) {
    return { heading: section.heading.toLowerCase(), text: section.text.toLowerCase(), lesson: section.lessonTitle.toLowerCase() };
  });

  var form = document.createElement("form");
  form.className = "search";
  form.setAttribute("role", "search");
  var input = document.createElement("input");
  input.type = "search";
  input.className = "search-input";
  input.placeholder = "Search  /";
  input.setAttribute("aria-label", "Search the course");
  input.setAttribute("autocomplete", "off");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", "search-results");
  input.setAttribute("aria-autocomplete", "list");
  var list = document.createElement("ul");
  list.className = "search-results";
  list.id = "search-results";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Search results");
  list.hidden = true;
  form.appendChild(input);
  form.appendChild(list);
  header.insertBefore(form, header.querySelector(".lesson-menu"));

  var active = -1;

  function words(query) {
    return query.toLowerCase().split(/\s+/).filter(function (word) { return word.length > 0; });
  }

  // Sections holding every word of the query, those with words in their heading first, then by
  // how often the words occur, then in course order.
  function search(query) {
    var terms = words(query);
    if (terms.length === 0) return [];
    var found = [];
    haystacks.forEach(function (haystack, position) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i];
        var inHeading = haystack.heading.indexOf(term) >= 0;
        var inText = haystack.text.indexOf(term) >= 0;
        if (!inHeading && !inText && haystack.lesson.indexOf(term) < 0) return;
        if (inHeading) score += 100;
        score += Math.min(haystack.text.split(term).length - 1, 20);
      }
      found.push({ position: position, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    return found.slice(0, maximumResults).map(function (result) { return sections[result.position]; });
  }

  // Appends `text` to `parent`, each occurrence of a query word inside <mark>.
  function appendMarked(parent, text, terms) {
    var lower = text.toLowerCase();
    var start = 0;
    while (start < text.length) {
      var next = -1, length = 0;
      terms.forEach(function (term) {
        var at = lower.indexOf(term, start);
        if (at >= 0 && (next < 0 || at < next)) { next = at; length = term.length; }
      });
      if (next < 0) break;
      parent.appendChild(document.createTextNode(text.slice(start, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      parent.appendChild(mark);
      start = next + length;
    }
    parent.appendChild(document.createTextNode(text.slice(start)));
  }

  // About `snippetLength` characters of the section's text around the first query word.
  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var at = -1;
    terms.forEach(function (term) {
      var found = lower.indexOf(term);
      if (found >= 0 && (at < 0 || found < at)) at = found;
    });
    var start = Math.max(0, at - snippetLength / 3);
    if (start > 0) start = text.indexOf(" ", start) + 1;
    var end = Math.min(text.length, start + snippetLength);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 1);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  function show() {
    var terms = words(input.value);
    var results = search(input.value);
    list.textContent = "";
    active = -1;
    results.forEach(function (section, index) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "search-result-" + index;
      var link = document.createElement("a");
      link.href = section.page + (section.anchor ? "#" + section.anchor : "");
      var where = document.createElement("span");
      where.className = "search-lesson";
      where.textContent = "Lesson " + section.lesson + " · " + section.lessonTitle;
      var heading = document.createElement("span");
      heading.className = "search-heading";
      appendMarked(heading, section.heading, terms);
      link.appendChild(where);
      link.appendChild(heading);
      if (section.text) {
        var text = document.createElement("span");
        text.className = "search-snippet";
        appendMarked(text, snippet(section.text, terms), terms);
        link.appendChild(text);
      }
      item.appendChild(link);
      list.appendChild(item);
    });
    if (terms.length > 0 && results.length === 0) {
      var none = document.createElement("li");
      none.className = "search-none";
      none.textContent = "Nothing found";
      list.appendChild(none);
    }
    list.hidden = terms.length === 0;
    input.setAttribute("aria-expanded", list.hidden ? "false" : "true");
    input.removeAttribute("aria-activedescendant");
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var items = list.querySelectorAll("li[role=option]");
    if (items.length === 0) return;
    active = (index + items.length) % items.length;
    items.forEach(function (item, position) { item.setAttribute("aria-selected", position === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", show);
  input.addEventListener("focus", function () { if (input.value) show(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
    else if (event.key === "Escape") { event.preventDefault(); input.value = ""; close(); input.blur(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var link = list.querySelector(active >= 0 ? "#search-result-" + active + " a" : "li[role=option] a");
    if (link) window.location.href = link.href;
  });
  // Following a result to another section of this page leaves the page in place: close them.
  list.addEventListener("click", close);
  // A click outside the box closes the results.
  document.addEventListener("click", function (event) { if (!form.contains(event.target)) close(); });
  // "/" focuses the box, unless the reader is typing in a field already.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();

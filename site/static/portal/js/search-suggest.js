/* Title suggestions for the search page's box: an ARIA combobox, progressive enhancement (the
   form works without it). Suggestions come from /search/suggest?q= as JSON. */
(function () {
    "use strict";

    var form = document.querySelector("form[data-suggest-url]");
    if (!form || !window.fetch) { return; }
    var input = form.querySelector("input[role=combobox]");
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var url = form.getAttribute("data-suggest-url");
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(status);

    var timer = null;
    var latest = 0;
    var options = [];
    var active = -1;

    function close() {
        list.hidden = true;
        list.innerHTML = "";
        options = [];
        active = -1;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
        options.forEach(function (option, i) {
            option.element.setAttribute("aria-selected", i === index ? "true" : "false");
        });
        active = index;
        if (index >= 0) {
            input.setAttribute("aria-activedescendant", options[index].element.id);
            options[index].element.scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function show(suggestions) {
        close();
        if (!suggestions.length) { status.textContent = ""; return; }
        suggestions.forEach(function (suggestion, i) {
            var item = document.createElement("li");
            item.id = "search-suggestion-" + i;
            item.setAttribute("role", "option");
            item.setAttribute("aria-selected", "false");
            item.textContent = suggestion.title;
            item.addEventListener("mousedown", function (event) {
                event.preventDefault();
                window.location.href = suggestion.url;
            });
            list.appendChild(item);
            options.push({ element: item, url: suggestion.url });
        });
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = "有 " + suggestions.length + " 条建议，按上下方向键选择。";
    }

    function fetchSuggestions() {
        var query = input.value.trim();
        if (!query) { close(); return; }
        var request = ++latest;
        fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
            .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
            .then(function (data) { if (request === latest) { show(data.suggestions || []); } })
            .catch(function () { if (request === latest) { close(); } });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(fetchSuggestions, 200);
    });

    input.addEventListener("keydown", function (event) {
        if (list.hidden || !options.length) { return; }
        if (event.key === "ArrowDown") {
            event.preventDefault();
            highlight((active + 1) % options.length);
        } else if (event.key === "ArrowUp") {
            event.preventDefault();
            highlight(active <= 0 ? options.length - 1 : active - 1);
        } else if (event.key === "Enter" && active >= 0) {
            event.preventDefault();
            window.location.href = options[active].url;
        } else if (event.key === "Escape") {
            close();
        }
    });

    input.addEventListener("blur", close);
}());

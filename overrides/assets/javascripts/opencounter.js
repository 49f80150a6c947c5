/* The home page's search button opens the theme's search box. Without JavaScript the
   button stays hidden and the A to Z link is there instead. */
document$.subscribe(function () {
  /* The theme opens its menu and search with labels, which the keyboard cannot reach. Put a real
     button in place of each, working the same checkbox the theme watches. */
  var words = JSON.parse((document.getElementById("oc-words") || {}).textContent || "{}");
  [["__drawer", words.menu || "Open the menu"], ["__search", words.search || "Search this site"]].forEach(function (pair) {
    document.querySelectorAll('label.md-header__button[for="' + pair[0] + '"]').forEach(function (label) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className + " oc-header-button";
      button.setAttribute("data-oc-toggle", pair[0]);
      button.setAttribute("aria-label", pair[1]);
      button.innerHTML = label.innerHTML;
      button.addEventListener("click", function () {
        var toggle = document.getElementById(pair[0]);
        toggle.checked = !toggle.checked;
        toggle.dispatchEvent(new Event("change"));
        if (pair[0] === "__search" && toggle.checked) {
          document.querySelector(".md-search__input").focus();
        }
      });
      label.replaceWith(button);
    });
  });
  document.querySelectorAll("[data-oc-open-search]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var toggle = document.getElementById("__search");
      var input = document.querySelector(".md-search__input");
      if (toggle && input) {
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
        input.focus();
      }
    });
  });
});

/* Open now and reply by (hooks/opencounter/opennow.py writes the data; the words come from the
   catalogue's language). An empty, hidden <p data-oc-open-now="key"> next to an office's or a
   line's hours becomes "Open now, until 5pm"; a <p data-oc-reply-by="working 2 contact"> under a
   standard becomes "If you contact us today, we will reply by Monday 7 December". Worked out from
   the clock in the UK's time zone, whatever the device's, and again each minute, so a page left
   open does not go stale. Without JavaScript, or if anything is missing, they stay hidden and the
   weekly hours and closures say it all. The text changes quietly (no live region): it is read
   where it stands, like the rest of the page. */
var ocOpenNow = (function () {
  var DAY = 1440;  // minutes
  var script = document.currentScript;
  var scriptUrl = script && script.src;  // .../assets/javascripts/opencounter.js, so the site's root is ../../
  var loaded = {};
  var timer = null;

  function siteRoot() {
    if (scriptUrl) return new URL("../../", scriptUrl).href;
    var config = document.getElementById("__config");  // the theme's, with the way back to the root
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href).href;
  }

  function load(path) {
    if (!loaded[path]) {
      loaded[path] = fetch(new URL(path, siteRoot()).href).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(prepare);
    }
    return loaded[path];
  }

  function dayOf(iso) {  // "2026-12-25" as a count of days since 1 January 1970
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 864e5;
  }

  function weekday(day) { return (day + 3) % 7; }  // Monday 0: 1 January 1970 was a Thursday

  function prepare(data) {
    data.first = dayOf(data.from);
    data.last = dayOf(data.to);
    data.holidayOn = {};
    Object.keys(data.holidays).forEach(function (iso) { data.holidayOn[dayOf(iso)] = data.holidays[iso]; });
    Object.keys(data.entries).forEach(function (key) {
      data.entries[key].closures = data.entries[key].closures.map(function (c) {
        return {first: dayOf(c[0]), last: dayOf(c[1]), reason: c[2]};
      });
    });
    return data;
  }

  var ukClock = null;
  function ukNow(date) {  // today's day count and the minute of the day, in Europe/London
    ukClock = ukClock || new Intl.DateTimeFormat("en-GB", {timeZone: "Europe/London", year: "numeric",
      month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23"});
    var parts = {};
    ukClock.formatToParts(date).forEach(function (part) { parts[part.type] = part.value; });
    return {day: Date.UTC(+parts.year, +parts.month - 1, +parts.day) / 864e5,
            minute: (+parts.hour % 24) * 60 + +parts.minute};
  }

  function fill(text, values) {
    return text.replace(/\{([a-z_]+)\}/g, function (all, name) { return values[name]; });
  }

  function dateText(data, day, today, form) {  // "Monday 4 January" (the year too if it is months away)
    var date = new Date(day * 864e5);
    return fill(data.words[day - today >= 180 ? "open_now.date_year" : "open_now.date"], {
      day: data.days[form][weekday(day)], number: date.getUTCDate(),
      month: data.months[date.getUTCMonth()], year: date.getUTCFullYear()});
  }

  function when(data, kind, day, minute, today) {  // "tomorrow at 9am", "5pm on Friday" ...
    var diff = day - today;
    var which = diff === 0 ? "today" : diff === 1 ? "tomorrow" : diff < 7 ? "day" : "date";
    return fill(data.words["open_now." + kind + "." + which], {
      time: data.times[minute], day: data.days.on[weekday(day)], date: dateText(data, day, today, "on")});
  }

  function closureOn(entry, day) {
    for (var i = 0; i < entry.closures.length; i++) {
      var closure = entry.closures[i];
      if (closure.first <= day && day <= closure.last) return closure;
    }
    return null;
  }

  function hoursOn(data, entry, day) {  // a list of [start, end], or "by-appointment"
    if (closureOn(entry, day)) return [];
    if (data.holidayOn[day] !== undefined && entry.bank !== "as-usual") return entry.bank;
    return entry.week[weekday(day)];
  }

  function openSpans(data, entry, first, last) {  // [start, end) in minutes from 1970, touching ones joined
    var spans = [];
    for (var day = first; day <= last; day++) {
      var hours = hoursOn(data, entry, day);
      if (typeof hours === "string") continue;
      hours.forEach(function (range) {
        var start = day * DAY + range[0];
        var end = day * DAY + range[1] + (range[1] <= range[0] ? DAY : 0);  // "5pm to 9am the next day"
        var previous = spans[spans.length - 1];
        if (previous && start <= previous[1]) previous[1] = Math.max(previous[1], end);
        else spans.push([start, end]);
      });
    }
    return spans;
  }

  function closedFor(data, entry, day) {  // why a day that is usually open is closed, or ""
    var closure = closureOn(entry, day);
    if (closure) return {reason: closure.reason, closure: true};
    var usual = entry.week[weekday(day)];
    if (data.holidayOn[day] !== undefined && entry.bank !== "as-usual" && usual.length && !entry.bank.length) {
      return {reason: data.holidayOn[day], closure: false};  // named as pages name it: "Christmas Day, bank holiday"
    }
    return null;
  }

  function openNow(data, entry, now) {
    var w = data.words, today = now.day, moment = today * DAY + now.minute;
    var spans = openSpans(data, entry, today - 1, data.last);
    var current = null, next = null;
    for (var i = 0; i < spans.length && !next; i++) {
      if (spans[i][0] <= moment && moment < spans[i][1]) current = spans[i];
      else if (spans[i][0] > moment) next = spans[i];
    }
    if (current) {
      if (current[1] - moment > 7 * DAY) return w["open_now.open_all_day"];
      var endDay = Math.floor(current[1] / DAY), endMinute = current[1] % DAY;
      if (endMinute === 0) { endDay -= 1; endMinute = DAY; }  // midnight at the end of a day
      return fill(w["open_now.open"], {until: when(data, "until", endDay, endMinute, today)});
    }
    var nextDay = next && Math.floor(next[0] / DAY);
    var opens = next && when(data, "next", nextDay, next[0] % DAY, today);
    var closed = closedFor(data, entry, today);
    if (closed) {
      if (closed.closure && next && nextDay > today + 1) {
        return fill(w[closed.reason ? "open_now.closed_until_reason" : "open_now.closed_until"],
                    {date: dateText(data, nextDay, today, "on"), reason: closed.reason});
      }
      var key = "open_now.closed_today" + (closed.reason ? "_reason" : "") + (next ? "_opens" : "");
      return fill(w[key], {reason: closed.reason, next: opens});
    }
    if (hoursOn(data, entry, today) === "by-appointment") return w["open_now.appointment_today"];
    return next ? fill(w["open_now.closed"], {next: opens}) : w["open_now.closed_now"];
  }

  function isWorkingDay(data, day) { return weekday(day) < 5 && data.holidayOn[day] === undefined; }

  function replyBy(data, spec, today) {  // "working 2 contact": 2 working days, said the "contact" way
    var parts = spec.split(" "), count = +parts[1], day = today;
    if (parts[0] === "days") {
      day += count;
    } else {
      while (!isWorkingDay(data, day)) day++;  // sent on a weekend or bank holiday: counted from the next working day
      for (var counted = 0; counted < count;) {
        day++;
        if (isWorkingDay(data, day)) counted++;
      }
    }
    if (day > data.last) return "";
    return fill(data.words["reply_by." + parts[2]], {date: dateText(data, day, today, "by")});
  }

  function textFor(element, data, now) {
    if (now.day < data.first || now.day > data.last) return "";  // out of the data's days: say nothing
    var key = element.getAttribute("data-oc-open-now");
    if (key !== null) return data.entries[key] ? openNow(data, data.entries[key], now) : "";
    return replyBy(data, element.getAttribute("data-oc-reply-by"), now.day);
  }

  function update(elements) {
    var now;
    try { now = ukNow(new Date()); } catch (error) { return; }  // no time zones in this browser: keep quiet
    elements.forEach(function (element) {
      load(element.getAttribute("data-oc-data")).then(function (data) {
        var text = textFor(element, data, now);
        if (element.textContent !== text) element.textContent = text;
        element.hidden = !text;
      }).catch(function () { element.hidden = true; });
    });
  }

  function start() {
    var elements = Array.prototype.slice.call(document.querySelectorAll("[data-oc-open-now], [data-oc-reply-by]"));
    clearTimeout(timer);
    if (!elements.length) return;
    var tick = function () {
      update(elements);
      timer = setTimeout(tick, 60000 - Date.now() % 60000 + 20);  // just after the next minute starts
    };
    tick();
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") start();  // a phone may have paused the timer
  });
  return {start: start};
})();
if (window.document$) document$.subscribe(ocOpenNow.start); else ocOpenNow.start();

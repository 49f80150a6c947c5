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

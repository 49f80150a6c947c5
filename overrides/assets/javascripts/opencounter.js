/* The home page's search button opens the theme's search box. Without JavaScript the
   button stays hidden and the A to Z link is there instead. */
document$.subscribe(function () {
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

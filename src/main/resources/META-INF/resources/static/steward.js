// Progressive enhancement only: every page works without this file.
// 1. Filter forms marked data-autosubmit submit when a select changes.
// 2. Buttons marked data-confirm ask before submitting (revoking a token, disabling a user).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form[data-autosubmit] select').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });
  document.querySelectorAll('[data-confirm]').forEach(function (b) {
    b.addEventListener('click', function (e) {
      if (!window.confirm(b.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
});

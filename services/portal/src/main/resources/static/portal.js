// htmx requests carry the CSRF token of the page (forms carry it as a hidden field)
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// a form sent once is not sent twice by a double click (the server is safe either way: Idempotency-Key)
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.dataset.submitted === 'true') {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = 'true';
  setTimeout(function () { form.dataset.submitted = 'false'; }, 5000);
});

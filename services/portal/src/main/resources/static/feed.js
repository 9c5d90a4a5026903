// The live feed (/regional/feed): the portal relays the person's stream on this origin (the browser holds no token).
// EventSource reconnects by itself with Last-Event-ID when the stream ends (it does at the token's expiry), so
// nothing is missed or repeated; each event is added at the top of the list, an aria-live region (polite).
(function () {
  var list = document.getElementById('feed-events');
  var status = document.getElementById('feed-status');
  if (!list || !status || !window.EventSource) {
    return;
  }
  var texts = list.dataset;
  var none = document.getElementById('feed-none');
  var shown = 200;
  var source = new EventSource(texts.stream);

  function say(message, kind) {
    status.textContent = message;
    status.className = 'notice ' + kind;
  }

  // "対象：" needs no space after it; "Subject:" does
  function labelled(label, value) {
    return /：$/.test(label) ? label + value : label + ' ' + value;
  }

  function part(tag, className, text) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = text;
    return element;
  }

  source.onopen = function () {
    say(texts.connected, 'ok');
  };
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) {
      say(texts.closed, 'error');
    } else {
      say(texts.reconnecting, 'warn');
    }
  };
  source.addEventListener('feed', function (message) {
    var event = JSON.parse(message.data);
    var item = document.createElement('li');
    item.dataset.type = event.type || '';
    var time = part('time', 'at', event.time);
    if (event.at) {
      time.setAttribute('datetime', event.at);
    }
    item.appendChild(time);
    item.appendChild(part('strong', 'type', event.typeLabel));
    if (event.subject) {
      item.appendChild(part('span', 'subject', labelled(texts.subject, event.subject)));
    }
    var region = [event.bureau, event.prefecture, event.cluster].filter(function (value) { return value; });
    if (region.length) {
      item.appendChild(part('span', 'region', labelled(texts.region, region.join('、'))));
    }
    list.insertBefore(item, list.firstChild);
    if (none) {
      none.hidden = true;
    }
    while (list.children.length > shown) {
      list.removeChild(list.lastChild);
    }
  });
  source.addEventListener('problem', function (message) {
    source.close();
    var reason = JSON.parse(message.data).reason;
    if (reason === 'sign-in') {
      say(texts.signIn + ' ', 'error');
      var link = document.createElement('a');
      link.href = texts.signInHref;
      link.textContent = texts.signInLink;
      status.appendChild(link);
    } else if (reason === 'bad-cursor') {
      say(texts.badCursor, 'error');
    } else {
      say(texts.notAllowed, 'error');
    }
  });
}());

// Real-time metrics "Agents" table, fed live by the stand-in's EventSource
// (/real-time-metrics/events). ASSUMPTION: columns modelled on Connect's RTM Agents table; the
// feed is ours.
(function () {
    'use strict';
    var rows = [];
    var tbody = document.getElementById('agents');
    var live = document.getElementById('live');

    function duration(sinceIso) {
        var seconds = Math.max(0, Math.floor((Date.now() - Date.parse(sinceIso)) / 1000));
        var h = Math.floor(seconds / 3600);
        var m = Math.floor((seconds % 3600) / 60);
        var s = seconds % 60;
        return [h, m, s]
            .map(function (n) {
                return String(n).padStart(2, '0');
            })
            .join(':');
    }

    function activity(agent) {
        if (!agent.contact) return '';
        return { incoming: 'Incoming', connected: 'On contact', acw: 'After contact work' }[
            agent.contact.phase
        ];
    }

    function cell(text, className) {
        var td = document.createElement('td');
        td.textContent = text;
        if (className) td.className = className;
        return td;
    }

    function render() {
        tbody.textContent = '';
        rows.forEach(function (agent) {
            var tr = document.createElement('tr');
            tr.dataset.agent = agent.username;
            tr.appendChild(cell(agent.username));
            tr.appendChild(cell(agent.name));
            tr.appendChild(cell(agent.status, agent.statusType));
            tr.appendChild(cell(duration(agent.statusSince)));
            tr.appendChild(cell(activity(agent)));
            tr.appendChild(cell(agent.routingProfile));
            tr.appendChild(cell(agent.nextState || ''));
            tbody.appendChild(tr);
        });
    }

    var source = new EventSource('/real-time-metrics/events');
    source.onmessage = function (event) {
        rows = JSON.parse(event.data).agents;
        live.textContent = 'Live · updated ' + new Date().toLocaleTimeString();
        render();
    };
    source.onerror = function () {
        live.textContent = 'Disconnected; retrying…';
    };
    setInterval(render, 1000);
})();

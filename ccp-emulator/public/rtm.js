// Real-time metrics "Agents" table and a timeline of recent status changes, fed live by the
// stand-in's EventSource (/real-time-metrics/events); "Send test contact" offers a contact as a
// queue would (POST /control/contact). ASSUMPTION: columns modelled on Connect's RTM Agents table;
// the feed, the timeline and the button are ours.
(function () {
    'use strict';
    var data = { agents: [], history: [] };
    var tbody = document.getElementById('agents');
    var timeline = document.getElementById('timeline');
    var live = document.getElementById('live');
    var sendButton = document.getElementById('send-contact');
    var contactResult = document.getElementById('contact-result');

    /** Connect's RTM shows Streams' error state MissedCallAgent as "Missed". */
    var STATUS_LABELS = { MissedCallAgent: 'Missed' };
    /** The history's `source`, as a supervisor would say it. */
    var SOURCE_LABELS = {
        agent: 'Agent in the CCP',
        ccp: 'Guard (softphone, through Streams)',
        nextState: 'Queued next status',
        control: 'Control API',
        backstop: 'Backstop',
        missed: 'Contact rang out (missed)',
        rejected: 'Contact rejected'
    };

    function statusLabel(name) {
        return STATUS_LABELS[name] || name;
    }

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

    function renderAgents() {
        tbody.textContent = '';
        data.agents.forEach(function (agent) {
            var tr = document.createElement('tr');
            tr.dataset.agent = agent.username;
            tr.appendChild(cell(agent.username));
            tr.appendChild(cell(agent.name));
            tr.appendChild(cell(statusLabel(agent.status), agent.statusType));
            tr.appendChild(cell(duration(agent.statusSince)));
            tr.appendChild(cell(activity(agent)));
            tr.appendChild(cell(agent.routingProfile));
            tr.appendChild(cell(agent.nextState || ''));
            tr.appendChild(cell(String(agent.missedContacts || 0)));
            tbody.appendChild(tr);
        });
    }

    function renderTimeline() {
        timeline.textContent = '';
        data.history
            .slice()
            .reverse()
            .forEach(function (change) {
                var tr = document.createElement('tr');
                tr.appendChild(cell(new Date(change.at).toLocaleTimeString()));
                tr.appendChild(cell(change.agent));
                tr.appendChild(cell(statusLabel(change.from)));
                tr.appendChild(cell(statusLabel(change.to), change.toType));
                tr.appendChild(cell(SOURCE_LABELS[change.source] || change.source));
                tr.dataset.source = change.source;
                timeline.appendChild(tr);
            });
    }

    sendButton.addEventListener('click', function () {
        sendButton.disabled = true;
        contactResult.textContent = 'Offering a contact…';
        fetch('/control/contact', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ action: 'incoming' })
        })
            .then(function (response) {
                return response.json().then(function (answer) {
                    var ring = data.config ? data.config.ringTimeoutSeconds : null;
                    contactResult.textContent = response.ok
                        ? 'A contact is ringing for the agent' +
                          (ring ? ' (rings for ' + ring + ' s)' : '') +
                          '.'
                        : // The API's "(force: true to override)" hint is for scripts, not supervisors.
                          'No contact offered: ' +
                          String(answer.error).replace(/ \(force: true to override\)$/, '') +
                          '.';
                });
            })
            .catch(function (error) {
                contactResult.textContent = 'The stand-in did not answer: ' + error.message;
            })
            .finally(function () {
                sendButton.disabled = false;
            });
    });

    var source = new EventSource('/real-time-metrics/events');
    source.onmessage = function (event) {
        data = JSON.parse(event.data);
        live.textContent = 'Live · updated ' + new Date().toLocaleTimeString();
        renderAgents();
        renderTimeline();
    };
    source.onerror = function () {
        live.textContent = 'Disconnected; retrying…';
    };
    setInterval(renderAgents, 1000);
})();

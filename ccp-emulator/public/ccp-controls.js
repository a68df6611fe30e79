// The emulated CCP's controls: the status menu, an incoming contact's Accept / Reject, Hang up,
// Close contact and Sign out. They read the same `agent::update` the host's Streams reads and send
// their requests up the same worker port (window.__ccpBridge, ccp.js), so every change reaches the
// stand-in's API, and the softphone sees it through Streams, exactly as a change made in Connect's
// CCP would. `viewOf` decides what to show (pure); `render` and the handlers act.
(function () {
    'use strict';

    var bridge = window.__ccpBridge;
    if (!bridge) return; // the dead fault: no bridge, no controls

    /** What the CCP shows for Streams' system and error states (connect.AgentAvailStates & co). */
    var STATE_LABELS = {
        PendingBusy: 'Incoming call',
        Busy: 'On call',
        AfterCallWork: 'After call work',
        MissedCallAgent: 'Missed call'
    };
    var CHOOSABLE_TYPES = { routable: true, not_routable: true, offline: true };

    var agent = null;
    var signedOut = false;
    var busy = false; // a request of this page is on its way
    var el = {
        state: document.getElementById('state'),
        menu: document.getElementById('status-menu'),
        hint: document.getElementById('status-hint'),
        panel: document.getElementById('contact-panel'),
        contact: document.getElementById('contact'),
        detail: document.getElementById('contact-detail'),
        accept: document.getElementById('accept'),
        reject: document.getElementById('reject'),
        hangUp: document.getElementById('hang-up'),
        closeContact: document.getElementById('close-contact'),
        message: document.getElementById('ccp-message'),
        signOut: document.getElementById('sign-out')
    };

    /**
     * What the CCP shows for one agent update.
     * @returns {{ stateText, statuses, selected, placeholder, hint, contact, canSignOut }}
     */
    function viewOf(update) {
        var snapshot = update.snapshot;
        var configuration = update.configuration;
        var state = snapshot.state;
        var next = snapshot.nextState;
        var contact = snapshot.contacts[0] || null;
        var missed = state.type === 'error';
        var statuses = (configuration.agentStates || []).filter(function (s) {
            return CHOOSABLE_TYPES[s.type];
        });
        var chosen = snapshot.agentAvailabilityState ? snapshot.agentAvailabilityState.state : '';
        var selected = next ? next.name : missed ? '' : contact ? chosen : state.name;
        return {
            // Kept as `<state>[ → next: <next>]`: the e2e suite reads it (waitForCcpToShow).
            stateText:
                (STATE_LABELS[state.name] || state.name) + (next ? ' → next: ' + next.name : ''),
            statuses: statuses,
            selected: selected,
            placeholder: missed ? 'Missed call: choose a status' : null,
            hint: missed
                ? 'A contact rang out unanswered. Connect routes nothing to you until you choose a status.'
                : contact
                  ? 'A status chosen now applies after the contact.'
                  : '',
            contact: contact ? contactView(contact) : null,
            canSignOut: !contact
        };
    }

    function contactView(contact) {
        var agentConnection = contact.connections.filter(function (c) {
            return c.type === 'agent';
        })[0];
        var customer = contact.connections.filter(function (c) {
            return c.type === 'inbound';
        })[0];
        var from = customer && customer.endpoint ? customer.endpoint.phoneNumber : 'a customer';
        var phase = { connecting: 'incoming', connected: 'connected', ended: 'acw' }[
            contact.state.type
        ];
        return {
            contactId: contact.contactId,
            connectionId: agentConnection ? agentConnection.connectionId : null,
            phase: phase,
            title: {
                incoming: 'Incoming call',
                connected: 'On call',
                acw: 'After call work'
            }[phase],
            detail: { incoming: 'From ', connected: 'With ', acw: 'Call ended with ' }[phase] + from
        };
    }

    function renderMenu(view) {
        var names = view.statuses.map(function (s) {
            return s.name;
        });
        var current = [].map.call(el.menu.options, function (option) {
            return option.value;
        });
        var wanted = (view.placeholder ? [''] : []).concat(names);
        if (current.join('\n') !== wanted.join('\n')) {
            el.menu.textContent = '';
            if (view.placeholder) el.menu.appendChild(option('', view.placeholder, true));
            names.forEach(function (name) {
                el.menu.appendChild(option(name, name, false));
            });
        }
        el.menu.value = view.selected;
        el.menu.disabled = signedOut || busy;
    }

    function option(value, text, disabled) {
        var o = document.createElement('option');
        o.value = value;
        o.textContent = text;
        o.disabled = disabled;
        return o;
    }

    function show(button, visible) {
        button.hidden = !visible;
        button.disabled = busy || signedOut;
    }

    function render() {
        if (!agent || !agent.snapshot || !agent.configuration) return;
        var view = viewOf(agent);
        el.state.textContent = signedOut ? 'Signed out' : view.stateText;
        renderMenu(view);
        el.hint.textContent = view.hint;
        var contact = view.contact;
        el.panel.hidden = !contact;
        el.contact.textContent = contact ? contact.title : '';
        el.detail.textContent = contact ? contact.detail : '';
        show(el.accept, contact && contact.phase === 'incoming');
        show(el.reject, contact && contact.phase === 'incoming');
        show(el.hangUp, contact && contact.phase === 'connected');
        show(el.closeContact, contact && contact.phase === 'acw');
        el.signOut.disabled = signedOut || busy || !view.canSignOut;
    }

    function say(text) {
        el.message.textContent = text;
    }

    /** How long a control waits for its answer before it gives the controls back. */
    var ANSWER_TIMEOUT_MS = 10000;

    /** One request through the worker; `err` is AWSClient's JSON error text; `then` on success. */
    function send(method, params, what, then) {
        busy = true;
        render();
        var answered = false;
        // A refused token gets auth_fail and no answer at all (handleAPIRequest): never hang.
        var timer = setTimeout(function () {
            if (answered) return;
            answered = true;
            busy = false;
            say(what + ' got no answer from Amazon Connect.');
            render();
        }, ANSWER_TIMEOUT_MS);
        bridge.request(method, params, function (response) {
            if (answered) return;
            answered = true;
            clearTimeout(timer);
            busy = false;
            if (response.err) {
                var error = {};
                try {
                    error = JSON.parse(response.err);
                } catch {
                    error = { message: String(response.err) };
                }
                say(what + ' failed: ' + (error.message || error.type || 'unknown error'));
            } else {
                say('');
                if (then) then();
            }
            render();
        });
    }

    function currentContact() {
        return agent ? viewOf(agent).contact : null;
    }

    el.menu.addEventListener('change', function () {
        var name = el.menu.value;
        var state = agent.configuration.agentStates.filter(function (s) {
            return s.name === name;
        })[0];
        if (!state) return;
        // Streams' Agent.prototype.setState params; during a contact the choice is queued.
        send(
            'putAgentState',
            { state: state, enqueueNextState: Boolean(currentContact()) },
            'Changing the status to ' + name
        );
    });

    el.accept.addEventListener('click', function () {
        send('acceptContact', { contactId: currentContact().contactId }, 'Accept');
    });
    el.reject.addEventListener('click', function () {
        send('rejectContact', { contactId: currentContact().contactId }, 'Reject');
    });
    el.hangUp.addEventListener('click', function () {
        var contact = currentContact();
        send(
            'destroyConnection',
            { contactId: contact.contactId, connectionId: contact.connectionId },
            'Hang up'
        );
    });
    el.closeContact.addEventListener('click', function () {
        send('clearContact', { contactId: currentContact().contactId }, 'Close contact');
    });

    // The CCP's own Logout: the agent goes Offline first (Streams issue #872), then the session
    // ends (/logout never changes the status, #493), then the CCP terminates: the worker tells
    // every port, the host's Streams included, `terminated`, and this page reloads into the
    // sign-in page. ASSUMPTION: the real CCP's logout ends its worker the same way.
    el.signOut.addEventListener('click', function () {
        var offline = agent.configuration.agentStates.filter(function (s) {
            return s.type === 'offline';
        })[0];
        send('putAgentState', { state: offline, enqueueNextState: false }, 'Sign out', function () {
            busy = true;
            fetch('/logout', { credentials: 'include' }).then(function () {
                signedOut = true;
                busy = false;
                say('Signed out of Amazon Connect.');
                render();
                bridge.terminate();
            });
        });
    });

    bridge.subscribe(function (message) {
        if (message.event === 'agent::update') {
            agent = message.data;
            render();
        } else if (message.event === 'auth_fail' && !signedOut) {
            say('Not signed in to Amazon Connect: sign in from the softphone.');
        }
    });
})();

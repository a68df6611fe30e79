// The Connect stand-in's agent model under every order of events a preview user can cause: status
// choices (the CCP's menu, the softphone, control), test contacts offered, accepted, rejected,
// rung out, hung up and closed. Model-based (fast-check): a small reference model says what
// Connect would do; the checks are what a supervisor reads on the metrics page.
//   node --test ccp-emulator/__tests__/
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ConnectModel, MISSED_STATE, validateConfig } from '../agent-model.mjs';

const STATUSES = ['Available', 'Offline', 'Lunch', '退席中'];
const ROUTABLE = new Set(['Available']);

function agentOf(model) {
    return model.publicState().agents[0];
}

function stateFor(model, name) {
    return model.agentStates().find((state) => state.name === name);
}

/** What Connect would show: status, contact phase, next status, missed count. */
function referenceStart() {
    return { status: 'Offline', phase: null, next: null, missed: 0 };
}

const commands = [
    fc.constantFrom(...STATUSES).chain((name) =>
        fc.boolean().map((enqueue) => ({
            label: `putAgentState ${name}${enqueue ? ' (enqueue)' : ''}`,
            run(model, ref) {
                const result = model.putAgentState(
                    { state: stateFor(model, name), enqueueNextState: enqueue, source: 'agent' },
                    Date.now()
                );
                if (ref.phase) {
                    assert.equal(result.outcome, enqueue ? 'enqueued' : 'refused');
                    if (enqueue) ref.next = name;
                } else {
                    assert.equal(
                        result.outcome,
                        ref.status === name ? 'unchanged' : 'applied',
                        'a status chosen with no contact applies, Missed included'
                    );
                    ref.status = name;
                }
            }
        }))
    ),
    fc.constantFrom(...STATUSES).map((name) => ({
        label: `control ${name}`,
        run(model, ref) {
            const result = model.setStatusByControl(name);
            assert.equal(result.ok, !ref.phase);
            if (!ref.phase) ref.status = name;
        }
    })),
    fc.constant({
        label: 'test contact offered',
        run(model, ref) {
            const result = model.contactAction('incoming');
            const offered = !ref.phase && ROUTABLE.has(ref.status);
            assert.equal(result.ok, offered, `offered to ${ref.status} with ${ref.phase}`);
            if (offered) ref.phase = 'incoming';
        }
    }),
    ...['connected', 'acw', 'end', 'reject', 'miss'].map((action) =>
        fc.constant({
            label: action,
            run(model, ref) {
                const result = model.contactAction(action);
                const order = ['incoming', 'connected', 'acw'];
                const allowed =
                    ref.phase !== null &&
                    (action === 'end' ||
                        (action === 'reject' || action === 'miss'
                            ? ref.phase === 'incoming'
                            : order.indexOf(action) > order.indexOf(ref.phase)));
                assert.equal(result.ok, allowed, `${action} while ${ref.phase}`);
                if (!allowed) return;
                if (action === 'connected' || action === 'acw') {
                    ref.phase = action;
                    return;
                }
                ref.phase = null;
                if (action !== 'end') {
                    ref.missed += 1;
                    ref.status = MISSED_STATE.name;
                }
                if (ref.next) {
                    ref.status = ref.next;
                    ref.next = null;
                }
            }
        })
    )
];

describe('Connect stand-in agent model', () => {
    it('follows Connect for any order of status choices and contact events', () => {
        fc.assert(
            fc.property(fc.array(fc.oneof(...commands), { maxLength: 40 }), (steps) => {
                const model = new ConnectModel();
                const ref = referenceStart();
                try {
                    for (const step of steps) {
                        step.run(model, ref);
                        const agent = agentOf(model);
                        assert.equal(agent.status, ref.status, `status after ${step.label}`);
                        assert.equal(agent.contact?.phase ?? null, ref.phase);
                        assert.equal(agent.nextState, ref.next);
                        assert.equal(agent.missedContacts, ref.missed);
                        // The metrics timeline is a chain: each change starts where the last ended.
                        model.history.forEach((change, index) => {
                            const before = index === 0 ? 'Offline' : model.history[index - 1].to;
                            assert.equal(change.from, before, 'history is a chain');
                        });
                        assert.equal(
                            model.history.filter((c) => ['missed', 'rejected'].includes(c.source))
                                .length,
                            ref.missed,
                            'one timeline entry per lost contact'
                        );
                        // What Streams reads: an error state while Missed, a system state in a call.
                        const visible = model.visibleState(model.currentAgent());
                        if (ref.phase === null && ref.status === MISSED_STATE.name) {
                            assert.deepEqual(
                                { name: visible.name, type: visible.type },
                                MISSED_STATE
                            );
                            assert.equal(visible.agentStateARN, null);
                        }
                    }
                } finally {
                    model.reset(); // stops a ringing contact's timer
                }
            }),
            { numRuns: 300 }
        );
    });

    it('misses a contact nobody accepts within the ring time, and counts it', async () => {
        const model = new ConnectModel();
        model.setConfig({ ...model.config, ringTimeoutSeconds: 0.05 });
        model.setStatusByControl('Available');
        const offeredAt = Date.now();
        assert.equal(model.contactAction('incoming').ok, true);
        const deadline = offeredAt + 5000;
        while (agentOf(model).contact && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 10));
        }
        const agent = agentOf(model);
        assert.equal(agent.contact, null, 'the contact rang out');
        assert.equal(agent.status, 'MissedCallAgent');
        assert.equal(agent.missedContacts, 1);
        const change = model.history.at(-1);
        assert.equal(change.source, 'missed');
        assert.ok(Date.parse(change.at) - offeredAt >= 45, 'not before the ring time');
        assert.equal(model.contactAction('incoming').ok, false, 'Missed is not routable');
    });

    it('stops the ring timer when the contact is accepted', async () => {
        const model = new ConnectModel();
        model.setConfig({ ...model.config, ringTimeoutSeconds: 0.05 });
        model.setStatusByControl('Available');
        model.contactAction('incoming');
        model.contactAction('connected');
        await new Promise((resolve) => setTimeout(resolve, 150));
        assert.equal(agentOf(model).contact.phase, 'connected');
        assert.equal(agentOf(model).missedContacts, 0);
        model.reset();
    });

    it('keeps Missed across a configuration change, and refuses a bad ring time', () => {
        const model = new ConnectModel();
        model.setStatusByControl('Available');
        model.contactAction('incoming');
        model.contactAction('reject');
        model.setConfig({ ...model.config, name: 'Renamed' });
        assert.equal(agentOf(model).status, 'MissedCallAgent');
        assert.match(
            validateConfig({ ...model.config, ringTimeoutSeconds: 0 }),
            /ringTimeoutSeconds must be a number of seconds/
        );
    });
});

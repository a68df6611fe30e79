// The Connect stand-in's public REST API, driven by the real @aws-sdk/client-connect through an
// endpoint override: the shapes the backstop reads, next-status behind a contact, the limits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    ConnectClient,
    DescribeUserCommand,
    GetCurrentUserDataCommand,
    ListAgentStatusesCommand,
    ListUsersCommand,
    PutUserStatusCommand,
    SearchUsersCommand
} from '@aws-sdk/client-connect';
import { startConnectStandIn } from '../../ccp-emulator/server.mjs';

let standIn;
let client;
let instanceId;

before(async () => {
    standIn = await startConnectStandIn({ host: '127.0.0.2' });
    instanceId = standIn.connectApi.instanceId;
    client = new ConnectClient({
        region: 'us-east-1',
        endpoint: standIn.url,
        credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
        maxAttempts: 1
    });
});

after(async () => {
    client?.destroy();
    await standIn?.close();
});

const userIdOf = (username) => standIn.state.ensureAgent(username).agentARN.split('/').pop();

async function statusIds() {
    const answer = await client.send(new ListAgentStatusesCommand({ InstanceId: instanceId }));
    return Object.fromEntries(answer.AgentStatusSummaryList.map((s) => [s.Name, s]));
}

test('ListAgentStatuses lists the instance statuses with Connect types, filtered by type', async () => {
    const all = await statusIds();
    assert.equal(all.Available.Type, 'ROUTABLE');
    assert.equal(all.Offline.Type, 'OFFLINE');
    assert.equal(all.Lunch.Type, 'CUSTOM');
    assert.ok(all.Offline.Arn.endsWith(`/agent-state/${all.Offline.Id}`));
    const offline = await client.send(
        new ListAgentStatusesCommand({ InstanceId: instanceId, AgentStatusTypes: ['OFFLINE'] })
    );
    assert.deepEqual(
        offline.AgentStatusSummaryList.map((s) => s.Name),
        ['Offline']
    );
});

test('users are found by ListUsers, SearchUsers and DescribeUser', async () => {
    standIn.state.ensureAgent('api-user');
    const listed = await client.send(new ListUsersCommand({ InstanceId: instanceId }));
    assert.ok(
        listed.UserSummaryList.some(
            (u) => u.Username === 'api-user' && u.Id === userIdOf('api-user')
        )
    );
    const found = await client.send(
        new SearchUsersCommand({
            InstanceId: instanceId,
            SearchCriteria: {
                StringCondition: {
                    FieldName: 'Username',
                    Value: 'api-user',
                    ComparisonType: 'EXACT'
                }
            }
        })
    );
    assert.equal(found.Users[0].Id, userIdOf('api-user'));
    const described = await client.send(
        new DescribeUserCommand({ InstanceId: instanceId, UserId: userIdOf('api-user') })
    );
    assert.equal(described.User.Username, 'api-user');
});

test('PutUserStatus changes the status with history source backstop; GetCurrentUserData reads it back', async () => {
    const ids = await statusIds();
    const userId = userIdOf('api-put');
    await client.send(
        new PutUserStatusCommand({
            InstanceId: instanceId,
            UserId: userId,
            AgentStatusId: ids.Available.Id
        })
    );
    await client.send(
        new PutUserStatusCommand({
            InstanceId: instanceId,
            UserId: userId,
            AgentStatusId: ids.Offline.Id
        })
    );
    const change = standIn.state.history.filter((h) => h.agent === 'api-put').at(-1);
    assert.deepEqual([change.from, change.to, change.source], ['Available', 'Offline', 'backstop']);
    const data = await client.send(
        new GetCurrentUserDataCommand({ InstanceId: instanceId, Filters: { Agents: [userId] } })
    );
    const [user] = data.UserDataList;
    assert.equal(user.User.Id, userId);
    assert.equal(user.Status.StatusName, 'Offline');
    assert.ok(user.Status.StatusStartTimestamp instanceof Date);
    assert.deepEqual(user.Contacts, []);
});

test('behind a contact PutUserStatus sets the next status, applied when the contact ends', async () => {
    const ids = await statusIds();
    const userId = userIdOf('api-contact');
    await client.send(
        new PutUserStatusCommand({
            InstanceId: instanceId,
            UserId: userId,
            AgentStatusId: ids.Available.Id
        })
    );
    const agent = standIn.state.ensureAgent('api-contact');
    agent.contact = {
        contactId: 'c-9',
        phase: 'connected',
        phaseSince: Date.now(),
        queueSince: Date.now()
    };
    await client.send(
        new PutUserStatusCommand({
            InstanceId: instanceId,
            UserId: userId,
            AgentStatusId: ids.Offline.Id
        })
    );
    const data = await client.send(
        new GetCurrentUserDataCommand({ InstanceId: instanceId, Filters: { Agents: [userId] } })
    );
    const [user] = data.UserDataList;
    assert.equal(user.Status.StatusName, 'Available');
    assert.equal(user.NextStatus, 'Offline');
    assert.equal(user.Contacts[0].AgentContactState, 'CONNECTED');
    agent.contact = null;
    standIn.state.applyNextState(agent);
    assert.equal(agent.status.name, 'Offline');
});

test('errors as Connect names them: unknown ids 404, over 100 agents 400, throttled 429', async () => {
    const ids = await statusIds();
    await assert.rejects(
        client.send(
            new PutUserStatusCommand({
                InstanceId: instanceId,
                UserId: 'nobody',
                AgentStatusId: ids.Offline.Id
            })
        ),
        { name: 'ResourceNotFoundException' }
    );
    await assert.rejects(
        client.send(
            new ListAgentStatusesCommand({ InstanceId: '00000000-0000-4000-8000-000000000000' })
        ),
        { name: 'ResourceNotFoundException' }
    );
    const many = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    await assert.rejects(
        client.send(
            new GetCurrentUserDataCommand({ InstanceId: instanceId, Filters: { Agents: many } })
        ),
        { name: 'InvalidParameterException' }
    );
    standIn.faults.connectApiRatePerSecond = 1;
    try {
        const answers = await Promise.allSettled(
            [1, 2, 3].map(() =>
                client.send(new ListAgentStatusesCommand({ InstanceId: instanceId }))
            )
        );
        const throttled = answers.filter((a) => a.status === 'rejected');
        assert.ok(throttled.length >= 1);
        assert.equal(throttled[0].reason.name, 'ThrottlingException');
        assert.equal(throttled[0].reason.$metadata.httpStatusCode, 429);
    } finally {
        delete standIn.faults.connectApiRatePerSecond;
    }
});

test("the dropAgentState fault answers the CCP's putAgentState but never applies it", async () => {
    standIn.session.validTokens.add('tok-test');
    const agent = standIn.state.currentAgent();
    const before = agent.status.name;
    const target = before === 'Offline' ? 'Available' : 'Offline';
    const put = () =>
        fetch(`${standIn.url}/connect/agent-state`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-amz-bearer': 'tok-test' },
            body: JSON.stringify({
                agentARN: agent.agentARN,
                state: { name: target },
                requestId: 'r-1'
            })
        });
    await fetch(`${standIn.url}/control/faults`, {
        method: 'POST',
        body: JSON.stringify({ dropAgentState: true })
    });
    const dropped = await put();
    assert.equal(dropped.status, 200);
    assert.equal(agent.status.name, before, 'the change never reached the agent model');
    const state = await (await fetch(`${standIn.url}/connect/state`)).json();
    assert.deepEqual(
        state.droppedAgentStates.map((d) => d.requested),
        [target]
    );
    await fetch(`${standIn.url}/control/faults`, { method: 'POST', body: JSON.stringify({}) });
    assert.equal((await put()).status, 200);
    assert.equal(agent.status.name, target, 'without the fault the change applies');
});

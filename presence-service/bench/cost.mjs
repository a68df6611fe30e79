// Monthly AWS cost of the presence backstop, from the soak's measured counts.
//
// PRICES: AWS list prices for us-east-1 as published on the services' pricing pages (on-demand,
// no free tier counted), written down here by hand: this machine cannot reach AWS, so they were
// not fetched and must be re-checked before a budget rests on them. Other regions cost more
// (e.g. ap-northeast-1 is roughly 10–30 % higher for these services).
export const PRICES = {
    region: 'us-east-1',
    httpApiPerMillionRequests: 1.0,
    lambdaPerMillionRequests: 0.2,
    lambdaArmPerGbSecond: 0.0000133334,
    dynamoPerMillionWriteUnits: 0.625,
    dynamoPerMillionReadUnits: 0.125,
    logsIngestionPerGb: 0.5,
    alarmPerMonth: 0.1,
    schedulerPerMillionInvocations: 1.0
};

/** ASSUMPTIONS, besides the measured counts. */
export const ASSUMPTIONS = {
    /** A full-time seat: 8 h a day, 22 days a month. */
    hoursPerAgentMonth: 176,
    hoursPerMonth: 730,
    lambdaMemoryGb: 0.25,
    /** Billed duration of one heartbeat invocation: DynamoDB in-region, not dynalite on loopback. */
    heartbeatBilledMs: 20,
    /** The sweeper runs its passes for 55 s of every minute (its time budget). */
    sweeperBilledSecondsPerMinute: 55,
    /** Lambda's own START/END/REPORT lines per invocation. */
    lambdaLogBytesPerInvocation: 350,
    alarms: 4
};

export function monthlyCost(soak, prices = PRICES, assumptions = ASSUMPTIONS) {
    const c = soak.counts;
    const agentHours = c.agentSimulatedMinutes / 60;
    const heartbeatsPerAgentHour = c.heartbeats / agentHours;
    const readUnitsPerHeartbeat = c.api.readUnits / (c.heartbeats + c.leaves);
    const writeUnitsPerHeartbeat = c.api.writeUnits / (c.heartbeats + c.leaves);
    const logBytesPerHeartbeat =
        c.heartbeatLogBytes / c.heartbeatLogLines + assumptions.lambdaLogBytesPerInvocation;
    const scanReadUnitsPerAgentPass = c.sweeper.readUnits / c.sweepPasses / soak.agents;
    const passesPerMonth = (assumptions.hoursPerMonth * 3600) / soak.sweepEverySeconds;

    function perThousand(hoursPerAgent) {
        const heartbeats = 1000 * hoursPerAgent * heartbeatsPerAgentHour;
        const parts = {
            'HTTP API': (heartbeats / 1e6) * prices.httpApiPerMillionRequests,
            'Lambda (heartbeats)':
                (heartbeats / 1e6) * prices.lambdaPerMillionRequests +
                heartbeats *
                    (assumptions.heartbeatBilledMs / 1000) *
                    assumptions.lambdaMemoryGb *
                    prices.lambdaArmPerGbSecond,
            'DynamoDB (heartbeats)':
                ((heartbeats * writeUnitsPerHeartbeat) / 1e6) * prices.dynamoPerMillionWriteUnits +
                ((heartbeats * readUnitsPerHeartbeat) / 1e6) * prices.dynamoPerMillionReadUnits,
            // The sweeper scans every stored agent each pass, logged in or not (items expire 14 days after the last sign of life).
            'DynamoDB (sweeper scans)':
                ((passesPerMonth * 1000 * scanReadUnitsPerAgentPass) / 1e6) *
                prices.dynamoPerMillionReadUnits,
            'CloudWatch Logs':
                ((heartbeats * logBytesPerHeartbeat) / 1e9) * prices.logsIngestionPerGb
        };
        return { parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
    }

    const invocations = assumptions.hoursPerMonth * 60;
    const fixedParts = {
        'sweeper Lambda':
            (invocations / 1e6) * prices.lambdaPerMillionRequests +
            invocations *
                assumptions.sweeperBilledSecondsPerMinute *
                assumptions.lambdaMemoryGb *
                prices.lambdaArmPerGbSecond,
        'EventBridge Scheduler': (invocations / 1e6) * prices.schedulerPerMillionInvocations,
        'CloudWatch alarms': assumptions.alarms * prices.alarmPerMonth
    };
    return {
        region: prices.region,
        hoursPerAgentMonth: assumptions.hoursPerAgentMonth,
        measured: {
            heartbeatsPerAgentHour: Math.round(heartbeatsPerAgentHour * 10) / 10,
            readUnitsPerHeartbeat: Math.round(readUnitsPerHeartbeat * 100) / 100,
            writeUnitsPerHeartbeat: Math.round(writeUnitsPerHeartbeat * 100) / 100,
            logBytesPerHeartbeat: Math.round(logBytesPerHeartbeat),
            scanReadUnitsPerAgentPass,
            handlerMs: soak.handlerMs
        },
        perThousandAgents: perThousand(assumptions.hoursPerAgentMonth),
        perThousandAgents247: perThousand(assumptions.hoursPerMonth),
        fixed: { parts: fixedParts, total: Object.values(fixedParts).reduce((a, b) => a + b, 0) },
        assumptions,
        prices
    };
}

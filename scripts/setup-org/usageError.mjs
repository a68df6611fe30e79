/** A refusal caused by the command line: printed as is, exit code 2, nothing written. */
export class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}

// A small evaluator for the subset of Salesforce formula syntax the adapter's validation rules use,
// so that a Node test can run the rule's own formula text (from its -meta.xml) over the URL
// policy's table of cases. Semantics follow the formula function reference: text functions treat a
// blank field as "", FIND and MID count from 1, REGEX matches the whole text (Java regex; the
// patterns used here are the subset that JavaScript reads the same way, with (?i) as the i flag).

const FUNCTIONS = {
    AND: { lazy: true, call: (args, ev) => args.every((arg) => ev(arg) === true) },
    OR: { lazy: true, call: (args, ev) => args.some((arg) => ev(arg) === true) },
    IF: { lazy: true, call: (args, ev) => (ev(args[0]) === true ? ev(args[1]) : ev(args[2])) },
    NOT: { call: ([value]) => value !== true },
    ISBLANK: { call: ([value]) => value === null || value === undefined || value === '' },
    TRIM: { call: ([text]) => text_(text).replace(/^[ \t]+|[ \t]+$/g, '') },
    LOWER: { call: ([text]) => text_(text).toLowerCase() },
    LEN: { call: ([text]) => text_(text).length },
    CONTAINS: { call: ([text, compare]) => text_(text).includes(text_(compare)) },
    SUBSTITUTE: {
        call: ([text, old, replacement]) => text_(text).split(text_(old)).join(text_(replacement))
    },
    LEFT: { call: ([text, count]) => text_(text).slice(0, Math.max(0, count)) },
    MID: {
        call: ([text, start, count]) =>
            count <= 0 || start < 1 ? '' : text_(text).slice(start - 1, start - 1 + count)
    },
    FIND: {
        call: ([search, text, start = 1]) => {
            if (start < 1) return 0;
            return text_(text).indexOf(text_(search), start - 1) + 1;
        }
    },
    REGEX: { call: ([text, pattern]) => javaRegex(text_(pattern)).test(text_(text)) }
};

function text_(value) {
    return value === null || value === undefined ? '' : String(value);
}

/** A Java pattern as a full-match JavaScript RegExp: only a leading (?i) is translated. */
export function javaRegex(pattern) {
    const caseInsensitive = pattern.startsWith('(?i)');
    const body = caseInsensitive ? pattern.slice(4) : pattern;
    if (/\(\?[a-z]|\\[pPQEGZz]|\+\+|\*\+|\?\+|\(\?<[=!]/.test(body)) {
        throw new Error(`pattern uses Java syntax this evaluator does not read: ${pattern}`);
    }
    return new RegExp(`^(?:${body})$`, caseInsensitive ? 'iu' : 'u');
}

function tokenize(source) {
    const tokens = [];
    const pattern =
        /\s+|("(?:[^"\\]|\\.)*")|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<>|!=|<=|>=|&&|\|\||[&+\-*/=<>(),])/gy;
    let match;
    while (pattern.lastIndex < source.length) {
        const at = pattern.lastIndex;
        match = pattern.exec(source);
        if (!match) throw new Error(`unexpected character at ${at}: ${source.slice(at, at + 20)}`);
        if (match[1]) tokens.push({ kind: 'string', value: unescape(match[1].slice(1, -1)) });
        else if (match[2]) tokens.push({ kind: 'number', value: Number(match[2]) });
        else if (match[3]) tokens.push({ kind: 'name', value: match[3] });
        else if (match[4]) tokens.push({ kind: 'op', value: match[4] });
    }
    return tokens;
}

/** Formula string escapes: \\ is a backslash, \" a quote (Salesforce help, REGEX tips). */
function unescape(body) {
    return body.replace(/\\(.)/g, (_, char) => ({ n: '\n', t: '\t', r: '\r' })[char] ?? char);
}

const BINARY = [
    ['||'],
    ['&&'],
    ['=', '<>', '!='],
    ['<', '>', '<=', '>='],
    ['+', '-', '&'],
    ['*', '/']
];

function parse(tokens) {
    let index = 0;
    const peek = () => tokens[index];
    const take = (value) => {
        const token = tokens[index++];
        if (value !== undefined && token?.value !== value) {
            throw new Error(`expected ${value}, found ${token?.value ?? 'the end'}`);
        }
        return token;
    };
    const binary = (level) => {
        if (level === BINARY.length) return unary();
        let left = binary(level + 1);
        while (peek()?.kind === 'op' && BINARY[level].includes(peek().value)) {
            const op = take().value;
            left = { kind: 'binary', op, left, right: binary(level + 1) };
        }
        return left;
    };
    const unary = () => {
        if (peek()?.kind === 'op' && peek().value === '-') {
            take();
            return { kind: 'binary', op: '-', left: { kind: 'number', value: 0 }, right: unary() };
        }
        return primary();
    };
    const primary = () => {
        const token = take();
        if (!token) throw new Error('unexpected end of formula');
        if (token.kind === 'string' || token.kind === 'number') return token;
        if (token.kind === 'op' && token.value === '(') {
            const inner = binary(0);
            take(')');
            return inner;
        }
        if (token.kind === 'name' && peek()?.value === '(') {
            take('(');
            const args = [];
            if (peek()?.value !== ')') {
                do args.push(binary(0));
                while (peek()?.value === ',' && take(','));
            }
            take(')');
            return { kind: 'call', name: token.value.toUpperCase(), args };
        }
        if (token.kind === 'name') {
            if (/^(TRUE|FALSE)$/i.test(token.value)) {
                return { kind: 'boolean', value: token.value.toUpperCase() === 'TRUE' };
            }
            return { kind: 'field', name: token.value };
        }
        throw new Error(`unexpected ${token.value}`);
    };
    const tree = binary(0);
    if (index !== tokens.length) throw new Error(`unexpected ${tokens[index].value}`);
    return tree;
}

/**
 * @param {string} formula the formula text (XML entities already decoded)
 * @returns {(record: Record<string, unknown>) => unknown} evaluates it for one record
 */
export function compileFormula(formula) {
    const tree = parse(tokenize(formula));
    return (record) => {
        const ev = (node) => {
            switch (node.kind) {
                case 'string':
                case 'number':
                case 'boolean':
                    return node.value;
                case 'field':
                    if (!Object.hasOwn(record, node.name)) {
                        throw new Error(`the record has no field ${node.name}`);
                    }
                    return record[node.name];
                case 'call': {
                    const fn = FUNCTIONS[node.name];
                    if (!fn) throw new Error(`function ${node.name} is not supported here`);
                    return fn.lazy ? fn.call(node.args, ev) : fn.call(node.args.map(ev));
                }
                case 'binary':
                    return binaryOp(node.op, ev(node.left), ev(node.right));
                default:
                    throw new Error(`unknown node ${node.kind}`);
            }
        };
        return ev(tree);
    };
}

function binaryOp(op, left, right) {
    switch (op) {
        case '&':
            return text_(left) + text_(right);
        case '+':
            return left + right;
        case '-':
            return left - right;
        case '*':
            return left * right;
        case '/':
            return left / right;
        case '=':
            return left === right;
        case '<>':
        case '!=':
            return left !== right;
        case '<':
            return left < right;
        case '>':
            return left > right;
        case '<=':
            return left <= right;
        case '>=':
            return left >= right;
        case '&&':
            return left === true && right === true;
        case '||':
            return left === true || right === true;
        default:
            throw new Error(`unknown operator ${op}`);
    }
}

/**
 * A small IAM evaluator for identity policies, written for the tests from AWS's documented
 * evaluation logic (IAM User Guide, "Policy evaluation logic" and "Condition operators"),
 * independent of the code under test: an explicit Deny wins, then any Allow, else an implicit
 * deny. A statement applies when its Action/NotAction, Resource/NotResource and every
 * condition match. An operator it does not know throws, so a test can never pass by accident.
 */

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface Request {
  action: string;
  resource: string;
  /** Request context; a key absent here is absent from the request. */
  context?: Record<string, string | string[]>;
}

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

interface Policy {
  Statement: Statement | Statement[];
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** `*` matches any run of characters, `?` one character (actions: case-insensitive). */
function wildcard(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, caseInsensitive ? 'is' : 's').test(value);
}

const STRING_OPERATORS: Record<string, (policy: string, request: string) => boolean> = {
  StringEquals: (p, r) => p === r,
  StringEqualsIgnoreCase: (p, r) => p.toLowerCase() === r.toLowerCase(),
  StringLike: (p, r) => wildcard(p, r, false),
  ArnEquals: (p, r) => p === r,
  ArnLike: (p, r) => wildcard(p, r, false),
};
const NEGATED: Record<string, string> = { StringNotEquals: 'StringEquals', StringNotLike: 'StringLike', ArnNotEquals: 'ArnEquals', ArnNotLike: 'ArnLike' };

function conditionHolds(operatorName: string, key: string, policyValues: string[], context: Record<string, string | string[]>): boolean {
  let operator = operatorName;
  let set: 'any' | 'all' | undefined;
  if (operator.startsWith('ForAnyValue:')) [set, operator] = ['any', operator.slice('ForAnyValue:'.length)];
  else if (operator.startsWith('ForAllValues:')) [set, operator] = ['all', operator.slice('ForAllValues:'.length)];
  const ifExists = operator.endsWith('IfExists');
  if (ifExists) operator = operator.slice(0, -'IfExists'.length);
  const present = key in context;
  const requestValues = list(context[key]);
  if (operator === 'Null') return policyValues.some((v) => String(v) === String(!present));
  if (operator === 'Bool') return present && requestValues.some((r) => policyValues.some((p) => String(p).toLowerCase() === r.toLowerCase()));
  const negated = NEGATED[operator];
  const match = STRING_OPERATORS[negated ?? operator];
  if (!match) throw new Error(`iam-evaluator: unknown condition operator ${operatorName}`);
  if (!present) {
    if (ifExists) return true;
    if (set === 'all') return true;
    // A missing key matches no value: a negated operator then holds, a positive one does not.
    return Boolean(negated) && set !== 'any';
  }
  const one = (r: string) => {
    const any = policyValues.some((p) => match(String(p), r));
    return negated ? !any : any;
  };
  if (set === 'all') return requestValues.every(one);
  return requestValues.some(one);
}

function applies(statement: Statement, request: Request): boolean {
  const context = request.context ?? {};
  const actionMatch = statement.Action !== undefined
    ? list(statement.Action).some((a) => wildcard(a, request.action, true))
    : !list(statement.NotAction).some((a) => wildcard(a, request.action, true));
  if (!actionMatch) return false;
  const resourceMatch = statement.Resource !== undefined
    ? list(statement.Resource).some((r) => wildcard(r, request.resource, false))
    : !list(statement.NotResource).some((r) => wildcard(r, request.resource, false));
  if (!resourceMatch) return false;
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      if (!conditionHolds(operator, key, list(values as string | string[]).map(String), context)) return false;
    }
  }
  return true;
}

export function evaluate(policy: Policy, request: Request): Decision {
  const statements = list(policy.Statement).filter((s) => applies(s, request));
  if (statements.some((s) => s.Effect === 'Deny')) return 'explicitDeny';
  return statements.some((s) => s.Effect === 'Allow') ? 'allowed' : 'implicitDeny';
}

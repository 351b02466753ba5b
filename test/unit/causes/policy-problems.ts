/** What makes a printed policy wrong: actions IAM does not have, or an Allow against an explicit deny. */
const NOT_ACTIONS = /^(?:bedrock:Converse(?:Stream)?|bedrock-runtime:.*)$/i;

/** Causes that are explicit denies whatever their text says: only changing the denying policy helps. */
const EXPLICIT_DENY_CAUSES = new Set(['scp-deny', 'rcp-deny', 'iam-explicit-deny', 'vpce-policy-deny']);

export function policyProblems(policy: unknown, context: string, cause: string | null = null): string[] {
  if (policy === undefined || policy === null) return [];
  const statements = (policy as { Statement?: { Effect?: string; Action?: string | string[] }[] }).Statement ?? [];
  const explicit = /explicit deny/i.test(context) || (cause !== null && EXPLICIT_DENY_CAUSES.has(cause));
  const problems: string[] = [];
  for (const statement of statements) {
    const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action ?? ''];
    for (const action of actions) if (NOT_ACTIONS.test(action)) problems.push(`no such IAM action: ${action}`);
    if (statement.Effect === 'Allow' && explicit) problems.push(`an Allow (${actions.join(', ')}) answers an explicit deny`);
  }
  return problems;
}

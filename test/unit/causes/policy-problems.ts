/** What makes a printed policy wrong: actions IAM does not have, or an Allow against an explicit deny. */
const NOT_ACTIONS = /^(?:bedrock:Converse(?:Stream)?|bedrock-runtime:.*)$/i;

export function policyProblems(policy: unknown, context: string): string[] {
  if (policy === undefined || policy === null) return [];
  const statements = (policy as { Statement?: { Effect?: string; Action?: string | string[] }[] }).Statement ?? [];
  const problems: string[] = [];
  for (const statement of statements) {
    const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action ?? ''];
    for (const action of actions) if (NOT_ACTIONS.test(action)) problems.push(`no such IAM action: ${action}`);
    if (statement.Effect === 'Allow' && /explicit deny/i.test(context)) problems.push(`an Allow (${actions.join(', ')}) answers an explicit deny`);
  }
  return problems;
}

/** The help each command prints after its options: examples, exit codes, the environment it reads. */

/** check's exit codes; demo runs check, without a config file or --fail-on. */
function checkExitCodes(demo: boolean): string {
  return `Exit codes:
  0    ready: no gate failed (warnings allowed unless --strict)
  1    not ready: a gate failed${demo ? '' : ', or has a status named by --fail-on'} (--strict: warn)
  2    usage error or bad input${demo ? ' (an unknown scenario)' : ', the config file included'}
  3    not proven: nothing failed, but a gate is inconclusive or pending; retry later
  130  interrupted (Ctrl-C), 143 terminated (SIGTERM): the report known so far`;
}

export const CHECK_HELP = `
Examples:
  $ bedrock-doctor check --region us-east-1 --model anthropic.claude-3-haiku-20240307-v1:0
  $ bedrock-doctor check -r us-east-1 -r us-west-2 -m amazon.nova-lite-v1:0 -m us.anthropic.claude-sonnet-4-20250514-v1:0
  $ bedrock-doctor check -m amazon.nova-lite-v1:0 --output json > report.json
  $ bedrock-doctor check -m amazon.nova-lite-v1:0 --format markdown --redact --output ticket.md
  $ bedrock-doctor check --from claude-code
  $ bedrock-doctor check --from litellm:./config.yaml --no-invoke
  $ bedrock-doctor check -m amazon.nova-lite-v1:0 --wait 15m --fail-on inconclusive
  $ bedrock-doctor check -m amazon.nova-lite-v1:0 --only iam

${checkExitCodes(false)}

Environment:
  AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE,
  AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_BEARER_TOKEN_BEDROCK,
  AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>, HTTPS_PROXY/HTTP_PROXY/NO_PROXY,
  AWS_CA_BUNDLE, NODE_EXTRA_CA_CERTS (a TLS-intercepting proxy's CA),
  COLUMNS (width when not a terminal), NO_COLOR, FORCE_COLOR, CI (no spinner),
  GITHUB_ACTIONS, GITHUB_STEP_SUMMARY (annotations and the job summary)
`;

export const EXPLAIN_HELP = `
Examples:
  $ bedrock-doctor explain "ExpiredTokenException: The security token included in the request is expired"
  $ bedrock-doctor explain app.log          (a file: every distinct error in it, in order)
  $ kubectl logs my-app | bedrock-doctor explain --format json

Exit codes:
  0    the text was read (each error's diagnosis, gate "unknown" when none is recognised)
  2    usage error, or no error text given

Environment:
  NO_COLOR, FORCE_COLOR, COLUMNS
`;

export const POLICY_HELP = `
Examples:
  $ bedrock-doctor policy --model us.anthropic.claude-sonnet-4-20250514-v1:0 --region us-east-1 > policy.json
  $ aws iam create-policy --policy-name bedrock-invoke --policy-document file://policy.json
  $ bedrock-doctor policy --model amazon.nova-lite-v1:0 --region eu-west-1 --stream --format terraform
  $ bedrock-doctor policy --model global.anthropic.claude-sonnet-4-20250514-v1:0 --region us-east-1 --account 111122223333 --offline --format cdk
  $ bedrock-doctor policy --model amazon.nova-lite-v1:0 --region us-east-1 --doctor --principal arn:aws:iam::111122223333:role/app
  $ bedrock-doctor policy lint policy.json --stream

Exit codes:
  0    the policy was printed (notes on stderr)
  2    usage error, or a policy that cannot work as asked (the reason on stderr)
  3    the destinations could not be found (an application profile offline, a look-up that failed)

Environment:
  AWS_REGION, AWS_DEFAULT_REGION (the Region when no --region is given), AWS_PROFILE and the
  credential variables (with credentials at hand, profiles are looked up read-only)
`;

export const LINT_HELP = `
Examples:
  $ bedrock-doctor policy lint policy.json
  $ bedrock-doctor policy --model us.amazon.nova-lite-v1:0 --region us-east-1 | bedrock-doctor policy lint -
  $ bedrock-doctor policy lint iam.tf --stream --format json

Exit codes:
  0    no error (warnings allowed)
  1    an error: the policy does not allow what the call needs, or allows what it must not
  2    usage error, or a file that is not a policy document
`;

export const MODELS_HELP = `
Examples:
  $ bedrock-doctor models --region us-east-1
  $ bedrock-doctor models --region us-east-1 --region eu-west-1 --json | jq '.[] | select(.availability.agreement != "AVAILABLE")'

Exit codes:
  0    the model list was read (a partial answer says so)
  1    the model list was refused
  2    usage error or bad input
  3    the model list could not be read (timeouts, throttling)

Environment:
  AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION and the credential variables
`;

export const DEMO_HELP = `
Examples:
  $ bedrock-doctor demo --list
  $ bedrock-doctor demo inference-profile-required
  $ bedrock-doctor demo scp-deny --format markdown

Runs the real check against a local AWS emulator on 127.0.0.1; nothing is sent to AWS.

${checkExitCodes(true)}

Environment:
  NO_COLOR, FORCE_COLOR, COLUMNS, CI (the demo ignores your AWS variables)
`;

export const CLIENTS_HELP = `
Examples:
  $ bedrock-doctor clients
  $ bedrock-doctor check --from claude-code

Exit codes:
  0    the list was printed
  2    usage error
`;

export const COMPLETION_HELP = `
Examples:
  $ source <(bedrock-doctor completion bash)      (in ~/.bashrc)
  $ source <(bedrock-doctor completion zsh)       (in ~/.zshrc)

Exit codes:
  0    the script was printed
  2    usage error (a shell other than bash or zsh)
`;

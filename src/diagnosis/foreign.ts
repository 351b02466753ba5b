/**
 * Texts that are not about Amazon Bedrock: another AWS service's operation, permission, host or
 * error; another AI provider; a database, package manager, container tool, git or a language
 * runtime. Pasted into `explain`, they must not be read as a Bedrock access problem. Anything
 * that names Bedrock (a model id, an operation, an endpoint, an error only Bedrock returns)
 * wins: then the rules decide.
 */

/** What names Bedrock (or the STS/IAM/SSO calls that get its credentials). */
const BEDROCK_SIGNAL = new RegExp(
  [
    String.raw`bedrock`,
    String.raw`\b(?:anthropic|amazon|meta|mistral|cohere|ai21|stability|deepseek|qwen|writer|twelvelabs|luma)\.[a-z][a-z0-9.-]*[-\d][a-z0-9.:-]*`,
    String.raw`\b(?:InvokeModel\w*|Converse(?:Stream)?|ApplyGuardrail|CountTokens|\w*FoundationModel\w*|\w*InferenceProfile\w*|\w*UseCaseForModelAccess)\b`,
    String.raw`\b(?:FTUFormNotFilled|MPAgreementBeingCreated|ModelNotReadyException|ModelTimeoutException|ModelErrorException|ModelStreamErrorException|BadCScoreException)\b`,
    String.raw`on-demand throughput|inference profile|model identifier|Model use case details|AWS Marketplace|The model returned the following errors`,
  ].join('|'),
  'i',
);

/** IAM service prefixes on the way to a Bedrock call. */
const BEDROCK_PATH_SERVICES = new Set(['bedrock', 'bedrock-runtime', 'bedrock-mantle', 'aws-marketplace', 'sts', 'iam', 'sso', 'sso-oauth', 'organizations']);

const SERVICE_NAMES: Record<string, string> = {
  s3: 'Amazon S3',
  dynamodb: 'Amazon DynamoDB',
  ec2: 'Amazon EC2',
  lambda: 'AWS Lambda',
  sqs: 'Amazon SQS',
  sns: 'Amazon SNS',
  secretsmanager: 'AWS Secrets Manager',
  logs: 'CloudWatch Logs',
  cloudwatch: 'Amazon CloudWatch',
  monitoring: 'Amazon CloudWatch',
  kms: 'AWS KMS',
  ssm: 'AWS Systems Manager',
  ecr: 'Amazon ECR',
  ecs: 'Amazon ECS',
  rds: 'Amazon RDS',
};

const serviceName = (prefix: string) => SERVICE_NAMES[prefix.toLowerCase()] ?? `the AWS ${prefix} service`;

/** Operations on the way to a Bedrock call: credentials (STS, SSO) and the doctor's own IAM reads. */
const BEDROCK_PATH_OPERATION =
  /^(?:GetCallerIdentity|AssumeRole\w*|GetSessionToken|GetFederationToken|GetRoleCredentials|CreateToken|ListAccounts|ListAccountRoles|GetRole|SimulatePrincipalPolicy|InvokeAgent|InvokeInlineAgent|InvokeFlow|Retrieve\w*|StartAsyncInvoke|GetAsyncInvoke|ListAsyncInvokes|\w*(?:Model|Guardrail|Agreement|Agent|KnowledgeBase|Prompt|Evaluation)\w*)$/;

/** Each a pattern and what the text then is, strongest first. */
const SIGNS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  // A denial of another service's action: "not authorized to perform: s3:GetObject".
  [/not authorized to perform:? ?([a-z0-9-]{2,30}):([A-Za-z0-9*]{2,80})/i, (m) => `${article(serviceName(m[1]!))} permission error (${m[1]}:${m[2]})`],
  // Java and .NET SDKs: "(Service: Amazon S3; Status Code: 404; …)".
  [/\(Service: ?(?!(?:Bedrock|AmazonBedrock|BedrockRuntime|Sts|AWSSecurityTokenService|Iam|AmazonIdentityManagement|Sso)\b)([A-Za-z0-9 ]{2,40})[;,]/, (m) => `an error from ${m[1]!.trim()}`],
  // Go SDK v2: "operation error DynamoDB: PutItem".
  [/operation error (?!Bedrock|STS|SSO|IAM)([A-Za-z0-9 ]{2,30}): (\w{2,80})/, (m) => `an error from ${m[1]} (${m[2]})`],
  [/\b(?:NoSuchBucket|NoSuchKey|The specified (?:bucket|key) does not exist)\b|<HostId>|\bhost id: |\bs3err\b/, () => 'an Amazon S3 error'],
  [/\bProvisionedThroughputExceeded|Requested resource not found\b/, () => 'an Amazon DynamoDB error'],
  [/\b(?:RequestLimitExceeded|UnauthorizedOperation)\b/, () => 'an Amazon EC2 error'],
  [/NonExistentQueue|The specified queue does not exist|SimpleQueueService/, () => 'an Amazon SQS error'],
  [/Secrets Manager can.t find/i, () => 'an AWS Secrets Manager error'],
  [/cloudwatch|PutLogEvents|PutMetricData/i, () => 'an Amazon CloudWatch error'],
  [/\bAWSLambda\b|\bLambda\.\w*Exception|TooManyRequestsException:? Rate Exceeded/, () => 'an AWS Lambda error'],
  // Other AI providers, called directly.
  [/api\.openai\.com|platform\.openai\.com|insufficient_quota|Incorrect API key provided: sk-|\bopenai\.\w*Error|organization org-\w/i, () => 'an OpenAI API error'],
  [/api\.anthropic\.com|console\.anthropic\.com|to access the Anthropic API|rate limit for your organization/i, () => "an error from Anthropic's own API (the client is not calling Bedrock: for Claude Code, set CLAUDE_CODE_USE_BEDROCK=1)"],
  [/Azure OpenAI|\bMicrosoft\.[A-Z]\w+\/|\bAuthorizationFailed\b|\bazure\b/i, () => 'a Microsoft Azure error'],
  [/googleapis\.com|ai\.google\.dev|\bgcloud\b|PERMISSION_DENIED|RESOURCE_EXHAUSTED|Vertex AI/i, () => 'a Google Cloud error'],
  // Tools.
  [/postgres|\bpsql\b|pg_hba|Sequelize|:5432\b/i, () => 'a PostgreSQL connection error'],
  [/\bioredis\b|\bredis\b|:6379\b/i, () => 'a Redis connection error'],
  [/MongoError|mongodb|:27017\b/i, () => 'a MongoDB connection error'],
  [/\bmysql\b|:3306\b/i, () => 'a MySQL connection error'],
  [/npm ERR!|registry\.npmjs\.org/, () => 'an npm error'],
  [/docker daemon|docker\.sock|pull access denied|docker login/i, () => 'a Docker error'],
  [/Error from server \(Forbidden\)|\bkubectl\b|system:serviceaccount|cannot list resource/, () => 'a Kubernetes permission error'],
  [/Permission denied \(publickey\)|fatal: (?:repository|Could not read from remote)|remote: Repository not found/, () => 'a git error'],
  [/ModuleNotFoundError|No module named|\bKeyError\b|NullPointerException|Cannot read propert(?:y|ies) of (?:undefined|null)|is not a function\b|\bNameError: name/, () => 'a program error (a bug or a missing module in the code that ran)'],
];

function article(words: string): string {
  return `${/^[AEIOU]/i.test(words) ? 'an' : 'a'} ${words}`;
}

/** A connection error from Node's fetch (undici), which the AWS SDK does not use, in a text that names nothing of AWS. */
const NON_AWS_CONNECTION = /\bundici\b/i;
const AWS_SIGNAL = /amazonaws|\baws\b|botocore|boto3|smithy|@aws-sdk|aws-sdk|\bsts\b|\bsso\b/i;

/**
 * What the text is, when it is plainly not about Bedrock: "an Amazon S3 permission error
 * (s3:GetObject)", "an OpenAI API error"… Null when it names Bedrock, or names nothing else.
 */
export function notBedrock(text: string, host: string | undefined): string | null {
  if (BEDROCK_SIGNAL.test(text)) return null;
  const operation = /when calling the (\w{2,80}) operation/.exec(text)?.[1];
  for (const [pattern, describe] of SIGNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    // A denial of an action on the way to Bedrock (sts:AssumeRole…) is for the rules.
    if (pattern === SIGNS[0]![0] && BEDROCK_PATH_SERVICES.has(m[1]!.toLowerCase())) continue;
    return describe(m);
  }
  if (operation && !BEDROCK_PATH_OPERATION.test(operation)) return `an error from the ${operation} operation of another AWS service`;
  if (host && !/^(?:bedrock|sts|iam|portal\.sso|oidc|sso)/.test(host)) return `an error from ${host}, not a Bedrock endpoint`;
  if (NON_AWS_CONNECTION.test(text) && !AWS_SIGNAL.test(text)) return "a connection error from Node's fetch (undici), which the AWS SDK does not use";
  return null;
}

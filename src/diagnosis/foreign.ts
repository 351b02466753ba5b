/**
 * Texts that are not about Amazon Bedrock: another AWS service's operation, permission, host or
 * error; another AI provider; a database, package manager, container tool, git or a language
 * runtime. Pasted into `explain`, they must not be read as a Bedrock access problem. Anything
 * that names Bedrock (a model id, an operation, an endpoint, an error only Bedrock returns)
 * wins: then the rules decide.
 */

/** What names Bedrock: its hosts and ids, its operations, and errors only Bedrock returns. */
const BEDROCK_SIGNAL = new RegExp(
  [
    String.raw`bedrock`,
    String.raw`\b(?:anthropic|amazon|meta|mistral|cohere|ai21|stability|deepseek|qwen|writer|twelvelabs|luma)\.[a-z][a-z0-9.-]*[-\d][a-z0-9.:-]*`,
    String.raw`\b(?:InvokeModel\w*|Converse(?:Stream)?|ApplyGuardrail|CountTokens|\w*FoundationModel\w*|\w*InferenceProfile\w*|\w*UseCaseForModelAccess)\b`,
    String.raw`\b(?:FTUFormNotFilled|MPAgreementBeingCreated|ModelNotReadyException|ModelTimeoutException|ModelErrorException|ModelStreamErrorException|BadCScoreException)\b`,
    String.raw`on-demand throughput|inference profile|model identifier|Model use case details|AWS Marketplace|The model returned the following errors`,
    String.raw`Too many (?:tokens|requests)(?: per day)?, please wait|don.t have access to the model|Malformed input request|Model access is denied`,
  ].join('|'),
  'i',
);

/** IAM service prefixes on the way to a Bedrock call (credentials, the doctor's reads, subscriptions). */
const BEDROCK_PATH_SERVICES = new Set(['bedrock', 'bedrock-runtime', 'bedrock-mantle', 'aws-marketplace', 'sts', 'iam', 'sso', 'sso-oauth', 'organizations', 'cognito-identity']);

/** Operations on the way to a Bedrock call: credentials (STS, SSO, Cognito, API keys) and Bedrock's own. */
const BEDROCK_PATH_OPERATION =
  /^(?:GetCallerIdentity|AssumeRole\w*|GetSessionToken|GetFederationToken|DecodeAuthorizationMessage|GetRoleCredentials|CreateToken|RegisterClient|StartDeviceAuthorization|ListAccounts|ListAccountRoles|GetId|GetCredentialsForIdentity|GetOpenIdToken\w*|\w*ServiceSpecificCredential\w*|GetRole|SimulatePrincipalPolicy|InvokeAgent|InvokeInlineAgent|InvokeFlow|Retrieve\w*|StartAsyncInvoke|GetAsyncInvoke|ListAsyncInvokes|\w*(?:Model|Guardrail|Agreement|Agent|KnowledgeBase|Prompt|Evaluation)\w*)$/;

/** AWS hosts on the way to a Bedrock call. */
const BEDROCK_PATH_HOST = /(?:^|\.)(?:bedrock[\w-]*|sts|sso|oidc|portal\.sso|cognito-identity)\./;

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
  kms: 'AWS KMS',
  ssm: 'AWS Systems Manager',
  ecr: 'Amazon ECR',
  ecs: 'Amazon ECS',
  rds: 'Amazon RDS',
};

const serviceName = (prefix: string) => SERVICE_NAMES[prefix.toLowerCase()] ?? `the AWS ${prefix} service`;

const article = (words: string) => `${/^[AEIOU]/i.test(words) ? 'an' : 'a'} ${words}`;

/**
 * How sure a sign is. A strong one names another service's operation, permission, error code,
 * provider or tool outright; a weak one (a program error, a product named in passing) yields to
 * any rule that recognised a Bedrock message.
 */
type Strength = 'strong' | 'weak';

interface Sign {
  pattern: RegExp;
  strength: Strength;
  what: (m: RegExpExecArray) => string;
}

const SIGNS: readonly Sign[] = [
  // Java and .NET SDKs: "(Service: Amazon S3; Status Code: 404; …)".
  {
    pattern: /\(Service: ?(?!(?:Bedrock\w*|AmazonBedrock\w*|Sts|AWSSecurityTokenService|Iam|AmazonIdentityManagement|Sso\w*|CognitoIdentity\w*|AmazonCognitoIdentity)\b)([A-Za-z0-9 ]{2,40})[;,]/,
    strength: 'strong',
    what: (m) => `an error from ${m[1]!.trim()}`,
  },
  // Go SDK v2: "operation error DynamoDB: PutItem".
  { pattern: /operation error (?!Bedrock|STS|SSO|IAM|Cognito)([A-Za-z0-9 ]{2,30}): (\w{2,80})/, strength: 'strong', what: (m) => `an error from ${m[1]} (${m[2]})` },
  { pattern: /\b(?:NoSuchBucket|NoSuchKey|The specified (?:bucket|key) does not exist)\b|<HostId>|\bhost id: |\bs3err\b/, strength: 'strong', what: () => 'an Amazon S3 error' },
  { pattern: /\bProvisionedThroughputExceeded|Requested resource not found\b/, strength: 'strong', what: () => 'an Amazon DynamoDB error' },
  { pattern: /\b(?:RequestLimitExceeded|UnauthorizedOperation)\b/, strength: 'strong', what: () => 'an Amazon EC2 error' },
  { pattern: /NonExistentQueue|The specified queue does not exist|SimpleQueueService/, strength: 'strong', what: () => 'an Amazon SQS error' },
  { pattern: /Secrets Manager can.t find/i, strength: 'strong', what: () => 'an AWS Secrets Manager error' },
  { pattern: /PutLogEvents|PutMetricData|AmazonCloudWatch/, strength: 'strong', what: () => 'an Amazon CloudWatch error' },
  { pattern: /cloudwatch/i, strength: 'weak', what: () => 'an Amazon CloudWatch error' },
  { pattern: /\bAWSLambda\b|\bLambda\.\w*Exception|TooManyRequestsException:? Rate Exceeded/, strength: 'strong', what: () => 'an AWS Lambda error' },
  // Other AI providers, called directly.
  { pattern: /api\.openai\.com|platform\.openai\.com|insufficient_quota|Incorrect API key provided: sk-|\bopenai\.\w*Error|organization org-\w/i, strength: 'strong', what: () => 'an OpenAI API error' },
  { pattern: /console\.anthropic\.com|to access the Anthropic API|rate limit for your organization/i, strength: 'strong', what: () => "an error from Anthropic's own API (not Bedrock's)" },
  { pattern: /Azure OpenAI|\bMicrosoft\.[A-Z]\w+\/|\bAuthorizationFailed\b/, strength: 'strong', what: () => 'a Microsoft Azure error' },
  { pattern: /googleapis\.com|ai\.google\.dev|\bgcloud\b|PERMISSION_DENIED|RESOURCE_EXHAUSTED|Vertex AI/, strength: 'strong', what: () => 'a Google Cloud error' },
  // Tools: a database's own port or client is strong; its name in passing is weak.
  { pattern: /\bpsql\b|pg_hba|Sequelize|:5432\b/i, strength: 'strong', what: () => 'a PostgreSQL error' },
  { pattern: /postgres/i, strength: 'weak', what: () => 'a PostgreSQL error' },
  { pattern: /\bioredis\b|:6379\b/i, strength: 'strong', what: () => 'a Redis connection error' },
  { pattern: /\bredis\b/i, strength: 'weak', what: () => 'a Redis connection error' },
  { pattern: /MongoError|:27017\b/, strength: 'strong', what: () => 'a MongoDB connection error' },
  { pattern: /:3306\b/, strength: 'strong', what: () => 'a MySQL connection error' },
  { pattern: /npm ERR!|registry\.npmjs\.org/, strength: 'strong', what: () => 'an npm error' },
  { pattern: /docker daemon|docker\.sock|pull access denied|docker login/i, strength: 'strong', what: () => 'a Docker error' },
  { pattern: /Error from server \(Forbidden\)|\bkubectl\b|system:serviceaccount|cannot list resource/, strength: 'strong', what: () => 'a Kubernetes permission error' },
  { pattern: /Permission denied \(publickey\)|fatal: (?:repository|Could not read from remote)|remote: Repository not found/, strength: 'strong', what: () => 'a git error' },
  {
    pattern: /ModuleNotFoundError|No module named|\bKeyError\b|NullPointerException|Cannot read propert(?:y|ies) of (?:undefined|null)|is not a function\b|\bNameError: name/,
    strength: 'weak',
    what: () => 'a program error (a bug or a missing module in the code that ran)',
  },
];

/**
 * What the text is, when it is plainly not about Bedrock ("an Amazon S3 permission error
 * (s3:GetObject)", "an OpenAI API error"), and how sure that is. Null when it names Bedrock,
 * a step on the way to Bedrock, or nothing else.
 */
export function notBedrock(text: string, host: string | undefined): { what: string; strength: Strength } | null {
  if (BEDROCK_SIGNAL.test(text)) return null;
  const operation = /when calling the (\w{2,80}) operation/.exec(text)?.[1];
  if (operation && BEDROCK_PATH_OPERATION.test(operation)) return null;
  // A denial of another service's action: "not authorized to perform: s3:GetObject".
  const denied = /not authorized to perform:? ?([a-z0-9-]{2,30}):([A-Za-z0-9*]{2,80})/i.exec(text);
  if (denied) {
    if (BEDROCK_PATH_SERVICES.has(denied[1]!.toLowerCase())) return null;
    return { what: `${article(serviceName(denied[1]!))} permission error (${denied[1]}:${denied[2]})`, strength: 'strong' };
  }
  if (operation) return { what: `an error from the ${operation} operation of another AWS service`, strength: 'strong' };
  for (const sign of SIGNS) {
    const m = sign.pattern.exec(text);
    if (m) return { what: sign.what(m), strength: sign.strength };
  }
  if (host && !BEDROCK_PATH_HOST.test(host)) return { what: `an error from ${host}, not a Bedrock endpoint`, strength: 'strong' };
  return null;
}

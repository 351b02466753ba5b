import type {
  FoundationModelDetails,
  FoundationModelSummary,
  GetFoundationModelAvailabilityResponse,
  GetInferenceProfileResponse,
  InferenceProfileSummary,
  ListFoundationModelAgreementOffersResponse,
} from '@aws-sdk/client-bedrock';
import type { EvaluationResult, Role, Tag } from '@aws-sdk/client-iam';
import { loadBedrock, loadIam, loadSts } from './sdk.js';

type BedrockSdk = typeof import('./sdk/bedrock.js');
type IamSdk = typeof import('./sdk/iam.js');
import type { AwsClients } from './clients.js';
import { callAws, classifier, diagnose, notAnAnswer, type CallOutcome, type CallSettings, type Failed } from './call.js';
import type { Operation } from '../vocabulary/iam-actions.js';
import { principalOf } from '../vocabulary/principal.js';
import { credentialSource, type AuthSetup } from './credentials.js';
import type { Evidence } from '../types.js';
import type { ContextEntry } from '../vocabulary/request-context.js';

export interface Identity {
  account: string;
  arn: string;
  userId: string;
  credentialSource: string;
}

/**
 * The IAM entity whose policies govern the caller, as the policy simulator wants it: a user
 * ARN as is; an assumed role (SSO included) resolved with iam:GetRole, because the STS ARN
 * lacks the role's path. The rest say why there is none.
 */
type PolicySubject =
  | { kind: 'entity'; arn: string; callerArn: string; account: string }
  | { kind: 'no-identity'; failure: Failed }
  | { kind: 'role-unresolved'; roleName: string; roleArnPattern: string; callerArn: string; failure?: Failed }
  | { kind: 'root' | 'not-simulable'; callerArn: string };

interface SimulationRequest {
  policySourceArn: string;
  actions: string[];
  resources: string[];
  context: ContextEntry[];
}

/**
 * Every read the gates share, memoized for the run: one credentials resolution and one
 * identity lookup serve every target; per Region one model list and one profile list serve
 * every model. Gates ask; the first ask sends, later asks share the same promise.
 */
export class Lookups {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly simulationBatches = new Map<string, { resources: Set<string>; sent: Promise<CallOutcome<EvaluationResult[]>> }>();

  constructor(
    private readonly clients: AwsClients,
    private readonly auth: AuthSetup,
    private readonly settings: CallSettings,
    /** The Region STS and IAM are asked in: the first target Region that hosts Bedrock. */
    private readonly homeRegion: string,
  ) {}

  /** One control-plane read in a Region, named by its operation (which also names its IAM action). */
  private async bedrockRead<T>(region: string, operation: Operation, command: (sdk: BedrockSdk) => object): Promise<CallOutcome<T>> {
    const [client, sdk] = await Promise.all([this.clients.bedrock(region), loadBedrock()]);
    return callAws<T>(client, command(sdk), { service: 'bedrock', operation }, this.settings);
  }

  /** One IAM call, in the partition's IAM Region. */
  private async iamCall<T>(operation: Operation, command: (sdk: IamSdk) => object): Promise<CallOutcome<T>> {
    const [client, sdk] = await Promise.all([this.clients.iam(this.homeRegion), loadIam()]);
    return callAws<T>(client, command(sdk), { service: 'iam', operation }, this.settings);
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let promise = this.memo.get(key) as Promise<T> | undefined;
    if (!promise) {
      promise = make();
      this.memo.set(key, promise);
    }
    return promise;
  }

  identity(): Promise<CallOutcome<Identity>> {
    return this.once('identity', async () => {
      const started = performance.now();
      let source: string;
      try {
        source = credentialSource(await this.auth.provider());
      } catch (error) {
        const cutOff = this.settings.signal.aborted;
        const read = await diagnose(error, { service: 'sts', operation: 'ResolveCredentials' }, this.settings);
        // Cut off by the deadline while resolving: the source hangs; no endpoint was involved yet.
        const diagnosis = cutOff && read.gate === 'network' ? (await classifier()).diagnosisOf('credential-source-timeout', 0.9) : read;
        const evidence: Evidence = {
          service: 'credential-provider-chain',
          operation: 'ResolveCredentials',
          errorName: (error as Error)?.name ?? null,
          message: this.settings.scrub(String((error as Error)?.message ?? error)).slice(0, 2000),
        };
        return { ok: false, error, diagnosis, evidence, durationMs: Math.round(performance.now() - started) };
      }
      const [client, sdk] = await Promise.all([this.clients.sts(this.homeRegion), loadSts()]);
      const outcome = await callAws<{ Account?: string; Arn?: string; UserId?: string }>(
        client,
        new sdk.GetCallerIdentityCommand({}),
        { service: 'sts', operation: 'GetCallerIdentity' },
        this.settings,
      );
      if (!outcome.ok) return outcome;
      const { Account = '', Arn = '', UserId = '' } = outcome.value;
      // The XML parser reads an HTML page (a captive portal, a proxy) as an empty answer.
      if (!Account || !Arn) return notAnAnswer(outcome, 'GetCallerIdentity', 'Account and Arn', this.settings);
      return { ...outcome, value: { account: Account, arn: Arn, userId: UserId, credentialSource: source } };
    });
  }

  /** The caller's policy subject, once per run: the report and the gates share it. */
  policySubject(): Promise<PolicySubject> {
    return this.once('policy-subject', async (): Promise<PolicySubject> => {
      const identity = await this.identity();
      if (!identity.ok) return { kind: 'no-identity', failure: identity };
      const { arn: callerArn, account } = identity.value;
      const principal = principalOf(callerArn);
      switch (principal.kind) {
        case 'user':
          return { kind: 'entity', arn: principal.arn, callerArn, account };
        case 'assumed-role': {
          const role = await this.role(principal.roleName);
          if (role.ok && role.value.Arn) return { kind: 'entity', arn: role.value.Arn, callerArn, account };
          const roleArnPattern = `arn:${principal.partition}:iam::${account}:role/*${principal.roleName}`;
          return { kind: 'role-unresolved', roleName: principal.roleName, roleArnPattern, callerArn, failure: role.ok ? undefined : role };
        }
        case 'root':
          return { kind: 'root', callerArn };
        case 'federated-user':
        case 'other':
          return { kind: 'not-simulable', callerArn };
      }
    });
  }

  private role(roleName: string): Promise<CallOutcome<Role>> {
    return this.once(`role:${roleName}`, async () => {
      const outcome = await this.iamCall<{ Role?: Role }>('GetRole', (sdk) => new sdk.GetRoleCommand({ RoleName: roleName }));
      return outcome.ok ? { ...outcome, value: outcome.value.Role ?? {} as Role } : outcome;
    });
  }

  /** The condition keys the entity's own policies test (iam:GetContextKeysForPrincipalPolicy; SCP keys are not listed). */
  contextKeys(policySourceArn: string): Promise<CallOutcome<string[]>> {
    return this.once(`context-keys:${policySourceArn}`, async () => {
      const outcome = await this.iamCall<{ ContextKeyNames?: string[] }>('GetContextKeysForPrincipalPolicy', (sdk) =>
        new sdk.GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: policySourceArn }),
      );
      // An empty list is an empty XML element, which the SDK may read as no member at all.
      return outcome.ok ? { ...outcome, value: outcome.value?.ContextKeyNames ?? [] } : outcome;
    });
  }

  /** The tags of an IAM user or role (iam:ListUserTags / iam:ListRoleTags, all pages), by its ARN. */
  principalTags(entityArn: string): Promise<CallOutcome<Record<string, string>>> {
    return this.once(`tags:${entityArn}`, async () => {
      const [, kind = '', name = ''] = /:(user|role)\/(?:.*\/)?([^/]+)$/.exec(entityArn) ?? [];
      const tags: Record<string, string> = {};
      let marker: string | undefined;
      for (let page = 0; page < 10; page++) {
        const outcome =
          kind === 'user'
            ? await this.iamCall<{ Tags?: Tag[]; IsTruncated?: boolean; Marker?: string }>('ListUserTags', (sdk) => new sdk.ListUserTagsCommand({ UserName: name, Marker: marker }))
            : await this.iamCall<{ Tags?: Tag[]; IsTruncated?: boolean; Marker?: string }>('ListRoleTags', (sdk) => new sdk.ListRoleTagsCommand({ RoleName: name, Marker: marker }));
        if (!outcome.ok) return outcome;
        for (const tag of outcome.value?.Tags ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
        marker = outcome.value?.IsTruncated ? outcome.value.Marker : undefined;
        if (!marker) return { ...outcome, value: tags };
      }
      return { ok: true, value: tags, evidence: { service: 'iam', operation: kind === 'user' ? 'ListUserTags' : 'ListRoleTags' }, durationMs: 0 };
    });
  }

  models(region: string): Promise<CallOutcome<FoundationModelSummary[]>> {
    return this.once(`models:${region}`, async () => {
      const outcome = await this.bedrockRead<{ modelSummaries?: FoundationModelSummary[] }>(region, 'ListFoundationModels', (sdk) => new sdk.ListFoundationModelsCommand({}));
      if (outcome.ok && !Array.isArray(outcome.value.modelSummaries)) return notAnAnswer(outcome, 'ListFoundationModels', 'modelSummaries', this.settings);
      return outcome.ok ? { ...outcome, value: outcome.value.modelSummaries! } : outcome;
    });
  }

  /** All inference profiles of a Region, following nextToken (bounded, in case of a loop). */
  profiles(region: string): Promise<CallOutcome<InferenceProfileSummary[]>> {
    return this.once(`profiles:${region}`, async () => {
      const all: InferenceProfileSummary[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < 20; page++) {
        const outcome = await this.bedrockRead<{ inferenceProfileSummaries?: InferenceProfileSummary[]; nextToken?: string }>(region, 'ListInferenceProfiles', (sdk) => new sdk.ListInferenceProfilesCommand({ maxResults: 1000, nextToken }));
        if (!outcome.ok) return outcome;
        all.push(...(outcome.value.inferenceProfileSummaries ?? []));
        nextToken = outcome.value.nextToken;
        if (!nextToken) return { ...outcome, value: all };
      }
      return { ok: true, value: all, evidence: { service: 'bedrock', operation: 'ListInferenceProfiles' }, durationMs: 0 };
    });
  }

  foundationModel(region: string, modelId: string): Promise<CallOutcome<FoundationModelDetails | undefined>> {
    return this.once(`model:${region}:${modelId}`, async () => {
      const outcome = await this.bedrockRead<{ modelDetails?: FoundationModelDetails }>(region, 'GetFoundationModel', (sdk) => new sdk.GetFoundationModelCommand({ modelIdentifier: modelId }));
      if (outcome.ok && !outcome.value.modelDetails) return notAnAnswer(outcome, 'GetFoundationModel', 'modelDetails', this.settings);
      return outcome.ok ? { ...outcome, value: outcome.value.modelDetails } : outcome;
    });
  }

  inferenceProfile(region: string, idOrArn: string): Promise<CallOutcome<GetInferenceProfileResponse>> {
    return this.once(`profile:${region}:${idOrArn}`, () =>
      this.bedrockRead<GetInferenceProfileResponse>(region, 'GetInferenceProfile', (sdk) => new sdk.GetInferenceProfileCommand({ inferenceProfileIdentifier: idOrArn })),
    );
  }

  availability(region: string, baseId: string): Promise<CallOutcome<GetFoundationModelAvailabilityResponse>> {
    return this.once(`availability:${region}:${baseId}`, () =>
      this.bedrockRead<GetFoundationModelAvailabilityResponse>(region, 'GetFoundationModelAvailability', (sdk) => new sdk.GetFoundationModelAvailabilityCommand({ modelId: baseId })),
    );
  }

  offers(region: string, baseId: string): Promise<CallOutcome<ListFoundationModelAgreementOffersResponse>> {
    return this.once(`offers:${region}:${baseId}`, () =>
      this.bedrockRead<ListFoundationModelAgreementOffersResponse>(region, 'ListFoundationModelAgreementOffers', (sdk) => new sdk.ListFoundationModelAgreementOffersCommand({ modelId: baseId })),
    );
  }

  useCase(region: string): Promise<CallOutcome<{ formData?: Uint8Array }>> {
    return this.once(`use-case:${region}`, () =>
      this.bedrockRead<{ formData?: Uint8Array }>(region, 'GetUseCaseForModelAccess', (sdk) => new sdk.GetUseCaseForModelAccessCommand({})),
    );
  }

  /**
   * Simulations that differ only in their resources (the same caller, actions and context, e.g.
   * every model of a matrix in one Region) are merged into one call when asked in the same turn
   * of the event loop: IAM's request rate is low, and a matrix would otherwise throttle it.
   * Each asker gets back the results for its own resources.
   */
  simulate(request: SimulationRequest): Promise<CallOutcome<EvaluationResult[]>> {
    const { resources, ...shape } = request;
    const key = JSON.stringify(shape);
    let batch = this.simulationBatches.get(key);
    if (!batch) {
      const merged = new Set<string>();
      const sent = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.simulationBatches.delete(key);
        return this.simulateOnce({ ...shape, resources: [...merged] });
      });
      batch = { resources: merged, sent };
      this.simulationBatches.set(key, batch);
    }
    for (const resource of resources) batch.resources.add(resource);
    const all = batch.resources;
    return batch.sent.then((outcome) => {
      if (!outcome.ok) return outcome;
      const mine = new Set(resources);
      // Keep what names one of this asker's resources, and anything that names none of the batch's.
      const keep = (name: string | undefined) => name === undefined || mine.has(name) || !all.has(name);
      const value = outcome.value.filter((r) =>
        r.ResourceSpecificResults?.length ? r.ResourceSpecificResults.some((x) => keep(x.EvalResourceName)) : keep(r.EvalResourceName),
      );
      return { ...outcome, value };
    });
  }

  /** One SimulatePrincipalPolicy call (all pages); aws:RequestedRegion applies to the whole call. */
  private simulateOnce(request: SimulationRequest): Promise<CallOutcome<EvaluationResult[]>> {
    return this.once(`simulate:${JSON.stringify(request)}`, async () => {
      const results: EvaluationResult[] = [];
      let marker: string | undefined;
      for (let page = 0; page < 20; page++) {
        const outcome = await this.iamCall<{ EvaluationResults?: EvaluationResult[]; IsTruncated?: boolean; Marker?: string }>('SimulatePrincipalPolicy', (sdk) =>
          new sdk.SimulatePrincipalPolicyCommand({
            PolicySourceArn: request.policySourceArn,
            ActionNames: request.actions,
            ResourceArns: request.resources,
            ContextEntries: request.context.map((entry) => ({
              ContextKeyName: entry.key,
              ContextKeyValues: entry.values,
              ContextKeyType: entry.type,
            })),
            Marker: marker,
          }),
        );
        if (!outcome.ok) return outcome;
        results.push(...(outcome.value.EvaluationResults ?? []));
        marker = outcome.value.IsTruncated ? outcome.value.Marker : undefined;
        if (!marker) return { ...outcome, value: results };
      }
      return { ok: true, value: results, evidence: { service: 'iam', operation: 'SimulatePrincipalPolicy' }, durationMs: 0 };
    });
  }
}

import pLimit from 'p-limit';
import type { Diagnosis } from '../diagnosis/index.js';
import type { Lookups } from './lookups.js';

/** One foundation model of a Region, as this identity sees it: the table the console no longer shows. */
export interface ModelRow {
  region: string;
  modelId: string;
  modelName: string;
  provider: string;
  /** ACTIVE or LEGACY, as ListFoundationModels says. */
  lifecycle: string;
  /** ON_DEMAND, PROVISIONED, and the undocumented INFERENCE_PROFILE for profile-only models. */
  inferenceTypes: string[];
  /** The inference profiles of the Region that route to it; null when they could not be listed. */
  profiles: string[] | null;
  /** GetFoundationModelAvailability for this account; `unknown` with the reason when it could not be read. */
  availability: {
    authorization: string;
    agreement: string;
    region: string;
    note?: string;
  };
}

export interface ModelOverview {
  rows: ModelRow[];
  /** Regions whose model list could not be read, with why. */
  unreadable: { region: string; diagnosis: Diagnosis }[];
  /** Look-ups that failed while the list was read: the answer is partial. */
  partial: string[];
}

/** Availability look-ups at once per run: enough to be quick, few enough not to be throttled. */
const CONCURRENCY = 6;

/**
 * Every foundation model of each Region, read-only: one ListFoundationModels and one
 * ListInferenceProfiles per Region, then GetFoundationModelAvailability per model with bounded
 * concurrency. What could not be read is `unknown` and said, never guessed.
 */
export async function modelOverview(lookups: Lookups, regions: string[]): Promise<ModelOverview> {
  const limit = pLimit(CONCURRENCY);
  const unreadable: ModelOverview['unreadable'] = [];
  const partial = new Set<string>();
  const perRegion = await Promise.all(
    regions.map(async (region) => {
      const [models, profiles] = await Promise.all([lookups.models(region), lookups.profiles(region)]);
      if (!models.ok) {
        unreadable.push({ region, diagnosis: models.diagnosis });
        return [];
      }
      if (!profiles.ok) partial.add(`ListInferenceProfiles in ${region}: ${profiles.evidence.errorName ?? profiles.diagnosis.cause}`);
      return Promise.all(
        models.value.map((model) =>
          limit(async (): Promise<ModelRow> => {
            const modelId = model.modelId ?? '';
            const availability = await lookups.availability(region, modelId);
            if (!availability.ok) partial.add(`GetFoundationModelAvailability in ${region}: ${availability.evidence.errorName ?? availability.diagnosis.cause}`);
            return {
              region,
              modelId,
              modelName: model.modelName ?? '',
              provider: model.providerName ?? '',
              lifecycle: model.modelLifecycle?.status ?? 'unknown',
              inferenceTypes: [...((model.inferenceTypesSupported ?? []) as string[])],
              profiles: profiles.ok
                ? profiles.value.filter((p) => (p.models ?? []).some((m) => m.modelArn?.endsWith(`/${modelId}`))).map((p) => p.inferenceProfileId ?? '').filter(Boolean).sort()
                : null,
              availability: availability.ok
                ? {
                    authorization: availability.value.authorizationStatus ?? 'unknown',
                    agreement: availability.value.agreementAvailability?.status ?? 'unknown',
                    region: availability.value.regionAvailability ?? 'unknown',
                  }
                : { authorization: 'unknown', agreement: 'unknown', region: 'unknown', note: `${availability.evidence.errorName ?? 'error'}: ${availability.evidence.message ?? availability.diagnosis.summary}`.slice(0, 300) },
            };
          }),
        ),
      );
    }),
  );
  return { rows: perRegion.flat(), unreadable, partial: [...partial] };
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialFileSecrets } from '../../../src/aws/credential-files.js';
import { learnSecret, secretScrubber } from '../../../src/secrets.js';

let home: string | undefined;
afterEach(async () => {
  if (home) await rm(home, { recursive: true, force: true });
  home = undefined;
});

describe('secrets from credential files', () => {
  it('reads every profile of both files and the SSO token cache, and nothing else', async () => {
    home = await mkdtemp(join(tmpdir(), 'bd-files-'));
    await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    await writeFile(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = secretFromCredentials01\n[old]\naws_session_token = tokenFromCredentials0001\n');
    await writeFile(join(home, '.aws', 'config'), '[profile x]\nregion = us-east-1\naws_secret_access_key = secretFromConfig00001\n');
    await writeFile(join(home, '.aws', 'sso', 'cache', 'a.json'), JSON.stringify({ accessToken: 'ssoAccessToken000001', refreshToken: 'ssoRefreshToken00001', region: 'us-east-1' }));
    await writeFile(join(home, '.aws', 'sso', 'cache', 'broken.json'), '{not json');
    const secrets = await credentialFileSecrets({ HOME: home });
    expect(secrets.sort()).toEqual(['secretFromConfig00001', 'secretFromCredentials01', 'ssoAccessToken000001', 'ssoRefreshToken00001', 'tokenFromCredentials0001']);
  });

  it('honours AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE; missing files hold nothing', async () => {
    home = await mkdtemp(join(tmpdir(), 'bd-files-'));
    const file = join(home, 'elsewhere');
    await writeFile(file, '[default]\naws_secret_access_key = secretElsewhere00001\n');
    expect(await credentialFileSecrets({ HOME: join(home, 'nowhere'), AWS_SHARED_CREDENTIALS_FILE: file, AWS_CONFIG_FILE: join(home, 'none') })).toEqual(['secretElsewhere00001']);
  });

  it('a learned secret is scrubbed by scrubbers made before and after, URL-encoded too', () => {
    const before = secretScrubber({});
    learnSecret('learned/Secret+Value=0001');
    expect(before('x learned/Secret+Value=0001 y')).toBe('x [secret] y');
    expect(secretScrubber({})(`u=${encodeURIComponent('learned/Secret+Value=0001')}`)).toBe('u=[secret]');
    learnSecret('short');
    expect(secretScrubber({})('short')).toBe('short');
  });
});

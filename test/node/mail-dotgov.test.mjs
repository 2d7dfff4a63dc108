// The verification hint from CISA's .gov list (server/mail/dotgov.mjs): which email domains
// are marked "official" for a city, and the sentence staff read for each.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadDotgov, normalizePlace } from '../../server/mail/dotgov.mjs';

describe('verifyDomain', () => {
  let verifyDomain;
  let size;
  before(() => ({ verifyDomain, size } = loadDotgov()));

  it('indexes every domain of the list', () => assert.equal(size, 16_539));

  it("marks the city's own domain official, and names who registered it and the list", () => {
    assert.deepEqual(verifyDomain({ email: 'mayor@bisbeeaz.gov', city: 'Bisbee', state: 'AZ' }), {
      verification: 'official',
      reason: 'bisbeeaz.gov is registered to the City of Bisbee, AZ (CISA .gov list, 2026-08-22).',
    });
  });

  it('reads a subdomain as its registered parent, and ignores case and a state written out', () => {
    const r = verifyDomain({ email: 'Clerk@Mail.BisbeeAZ.gov', city: 'BISBEE', state: 'Arizona' });
    assert.equal(r.verification, 'official');
    assert.match(r.reason, /^bisbeeaz\.gov is registered to the City of Bisbee/);
  });

  it('leaves a domain that is not .gov unverified', () => {
    assert.deepEqual(verifyDomain({ email: 'mayor.bisbee@gmail.com', city: 'Bisbee', state: 'AZ' }), {
      verification: 'unverified',
      reason: 'gmail.com is not a .gov domain.',
    });
  });

  it('leaves a .gov domain the list does not hold unverified', () => {
    const r = verifyDomain({ email: 'a@bisbee-not-registered.gov', city: 'Bisbee', state: 'AZ' });
    assert.equal(r.verification, 'unverified');
    assert.equal(r.reason, 'bisbee-not-registered.gov is not a registered .gov domain (CISA .gov list, 2026-08-22).');
  });

  it("leaves another city's domain unverified and says whose it is", () => {
    const r = verifyDomain({ email: 'mayor@tucsonaz.gov', city: 'Bisbee', state: 'AZ' });
    assert.equal(r.verification, 'unverified');
    assert.equal(r.reason, 'tucsonaz.gov is registered to the City of Tucson, AZ, not to Bisbee (CISA .gov list, 2026-08-22).');
  });

  it('leaves the right city in the wrong state unverified', () => {
    const r = verifyDomain({ email: 'mayor@tucsonaz.gov', city: 'Tucson', state: 'NM' });
    assert.equal(r.verification, 'unverified');
    assert.match(r.reason, /in AZ, not in NM/);
  });

  it('goes by the name of the organization, not its mailing address', () => {
    // The City of Charlack, MO is listed with the city column "Saint Louis".
    assert.equal(verifyDomain({ email: 'a@cityofcharlack.gov', city: 'Charlack', state: 'MO' }).verification, 'official');
    const stl = verifyDomain({ email: 'a@cityofcharlack.gov', city: 'St. Louis', state: 'MO' });
    assert.equal(stl.verification, 'unverified');
    assert.match(stl.reason, /City of Charlack, MO, not to St\. Louis/);
  });

  it('reads "St." as "Saint" and ignores punctuation', () => {
    assert.equal(verifyDomain({ email: 'a@cityofpsl.gov', city: 'Port St. Lucie', state: 'FL' }).verification, 'official');
    assert.equal(normalizePlace('City of St. Mary’s'), normalizePlace('saint marys'));
    assert.equal(normalizePlace('Coeur d’Alene'), 'coeur dalene');
    assert.notEqual(normalizePlace('Kansas City'), normalizePlace('Kansas'));
  });

  it("marks a county's domain in the same state official and says it is a county's", () => {
    const r = verifyDomain({ email: 'a@cochise.gov', city: 'Bisbee', state: 'AZ' });
    assert.equal(r.verification, 'official');
    assert.match(r.reason, /^cochise\.gov is a county's domain: it is registered to Cochise County, AZ/);
    assert.equal(verifyDomain({ email: 'a@cochise.gov', city: 'Phoenix', state: 'NM' }).verification, 'unverified');
  });

  it('leaves federal domains and bodies that are not a city government unverified', () => {
    const federal = verifyDomain({ email: 'a@udall.gov', city: 'Tucson', state: 'AZ' });
    assert.equal(federal.verification, 'unverified');
    assert.match(federal.reason, /type "Federal - Executive", not a city's or a county's/);
    const fire = verifyDomain({ email: 'a@grfdaz.gov', city: 'Tucson', state: 'AZ' });
    assert.equal(fire.verification, 'unverified');
    assert.match(fire.reason, /Golder Ranch Fire District \(Tucson, AZ\), which is not the city's government/);
  });

  it('handles an address without a domain', () => {
    assert.equal(verifyDomain({ email: 'nobody', city: 'Bisbee', state: 'AZ' }).verification, 'unverified');
  });
});

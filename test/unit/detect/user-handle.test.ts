import { describe, expect, it } from 'vitest';
import data from '../../../shared/detect/data/gazetteers.generated.json';
import { createGazetteer } from '../../../shared/detect/gazetteer';
import { createUserHandleDetector } from '../../../shared/detect/detectors/user-handle';
import { createDefaultRegistry } from '../../../shared/detect/default-detectors';

const userHandleDetector = createUserHandleDetector(createGazetteer(data));

const detect = (text: string) => userHandleDetector.detect(text, { field: 'body', defaultRegion: 'US' });
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
const patterns = (text: string) => detect(text).map((f) => f.explanation.pattern);

describe('USERNAME: @-mentions', () => {
  it('takes handles after white space, a line start or a bracket, with the @', () => {
    expect(found('cc @jsmith please review')).toEqual(['jsmith']);
    expect(found('RT @JaneDoe99 : great news')).toEqual(['JaneDoe99']);
    expect(found('thanks @jane.doe! and (@ops_team)')).toEqual(['jane.doe', 'ops_team']);
    expect(found('@_mistercory hi')).toEqual(['_mistercory']);
    const f = detect('ping @jsmith');
    expect(f[0]).toMatchObject({ type: 'USERNAME', detector: 'user-handle', score: 0.65 });
    expect(f[0]!.explanation.pattern).toBe('at-mention');
  });
  it('leaves e-mail addresses, domains, package scopes, calls, times and the @-words of code and chat tools', () => {
    expect(found('mail john@example.com or jane.doe@corp.example')).toEqual([]);
    expect(found('all @gmail.com addresses bounce')).toEqual([]);
    expect(found('npm i @types/node @vitejs/plugin-react')).toEqual([]);
    expect(found("@app.route('/x')")).toEqual([]);
    expect(found('see you @3pm or @ 4')).toEqual([]);
    expect(found('@echo off\n@rem build')).toEqual([]);
    expect(found('@Override public void run() {} /** @param x @returns y */')).toEqual([]);
    expect(found('@media print { } @import url(a.css);')).toEqual([]);
    expect(found('@here @channel the build is red')).toEqual([]);
    expect(found('icon@2x.png and a@b')).toEqual([]);
  });
});

describe('USERNAME: account labels and phrases', () => {
  it('takes the value after a messaging or login label', () => {
    expect(found('login: jsmith')).toEqual(['jsmith']);
    expect(found('Skype: jane.doe.42.')).toEqual(['jane.doe.42']);
    expect(found('Discord = jd_1234')).toEqual(['jd_1234']);
    expect(found('Skype ID: live:jane_1')).toEqual(['live:jane_1']);
    expect(found('Skype: live: none')).toEqual([]);
    expect(patterns('login: jsmith')).toEqual(['account-label']);
    expect(detect('login: jsmith')[0]!.explanation.context).toEqual([{ word: 'login', effect: 0.45 }]);
  });
  it('takes the value of "my username is …", "my Skype is …"', () => {
    expect(found('my username is jsmith')).toEqual(['jsmith']);
    expect(found('my Skype is jane.doe.42')).toEqual(['jane.doe.42']);
    expect(found('his login was jd01.')).toEqual(['jd01']);
    expect(patterns('my username is jsmith')).toEqual(['account-phrase']);
  });
  it('leaves prose and built-in accounts', () => {
    expect(found('my login is not working')).toEqual([]);
    expect(found('my handle is broken')).toEqual([]);
    expect(found('the handle is loose')).toEqual([]);
    expect(found('login: admin')).toEqual([]);
    expect(found('Skype: none')).toEqual([]);
    expect(found('please login: the portal is up')).toEqual([]);
  });
  it('takes a login after a ticket role, not a name, a queue or a word', () => {
    expect(found('Assigned to: kwilliams')).toEqual(['kwilliams']);
    expect(found('Reporter: j.doe, Closed by: mlopez2')).toEqual(['j.doe', 'mlopez2']);
    expect(patterns('Assigned to: kwilliams')).toEqual(['role-label']);
    expect(detect('Owner: kwilliams')[0]).toMatchObject({ score: 0.75, explanation: { context: [{ word: 'owner', effect: 0.4 }] } });
    expect(found('Requester: Zhang Wei')).toEqual([]);
    expect(found('Assigned to: support. Owner: tier2. Caller: nobody')).toEqual([]);
    expect(found('Closed by: system, Assigned to: network')).toEqual([]);
    expect(found('Updated by: the customer')).toEqual([]);
  });
  it('takes a login with a digit, dot or underscore after an account word', () => {
    expect(found('password reset for user kwilliams2 requested')).toEqual(['kwilliams2']);
    expect(found('please unlock user a.jones')).toEqual(['a.jones']);
    expect(found('login mmueller_1 gesperrt, username jdoe42 is locked')).toEqual(['mmueller_1', 'jdoe42']);
    expect(detect('USER jdoe2')[0]).toMatchObject({ score: 0.7, explanation: { pattern: 'user-word', context: [{ word: 'user', effect: 0.35 }] } });
    expect(found('the user interface, user kevin, user v2.1, user settings.json, user j.smith@contoso.com')).toEqual([]);
    expect(found('myuser abc1, /home/user/jdoe2')).toEqual([]);
  });
  it('"Telegram: @jdoe": the registry keeps one finding', () => {
    const text = 'Telegram: @jdoe';
    const f = createDefaultRegistry().detect(text, { field: 'body', defaultRegion: 'US' });
    expect(f.map((x) => [x.type, text.slice(x.start, x.end)])).toEqual([['USERNAME', 'jdoe']]);
  });
});

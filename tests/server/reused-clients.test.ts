import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
} from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { createReusedClients } from '../../src/server/reused-clients.js';

const claimsOf = (appId: string) =>
  new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

/** botbuilder's factory as the adapter gets it: a new client on every call, unless it fails. */
class CountingFactory extends ConnectorFactory {
  made = 0;
  failNext = false;
  create(serviceUrl: string): Promise<ConnectorClient> {
    this.made += 1;
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('The credentials could not be made.'));
    }
    return Promise.resolve(
      new ConnectorClient(new MicrosoftAppCredentials('app', 'secret'), { baseUri: serviceUrl }),
    );
  }
}

const TEAMS_EMEA = 'https://smba.trafficmanager.net/emea/';
const TEAMS_AMER = 'https://smba.trafficmanager.net/amer/';

describe('Connector clients kept between turns', () => {
  it('gives every turn of one app and service URL the same client, and each URL its own', async () => {
    const clients = createReusedClients();
    const inner = new CountingFactory();
    const first = await clients.connectorFactory(claimsOf('app'), inner).create(TEAMS_EMEA);
    const again = await clients
      .connectorFactory(claimsOf('app'), new CountingFactory())
      .create(TEAMS_EMEA);
    const elsewhere = await clients.connectorFactory(claimsOf('app'), inner).create(TEAMS_AMER);

    expect(again).toBe(first);
    expect(elsewhere).not.toBe(first);
    expect(inner.made).toBe(2);
  });

  it('keeps the clients of two bot apps apart', async () => {
    const clients = createReusedClients();
    const inner = new CountingFactory();
    const one = await clients.connectorFactory(claimsOf('app-1'), inner).create(TEAMS_EMEA);
    const two = await clients.connectorFactory(claimsOf('app-2'), inner).create(TEAMS_EMEA);
    expect(two).not.toBe(one);
  });

  it('asks again after a client could not be made, rather than keeping the failure', async () => {
    const clients = createReusedClients();
    const inner = new CountingFactory();
    inner.failNext = true;
    const factory = clients.connectorFactory(claimsOf('app'), inner);
    await expect(factory.create(TEAMS_EMEA)).rejects.toThrow('could not be made');
    await expect(factory.create(TEAMS_EMEA)).resolves.toBeInstanceOf(ConnectorClient);
    expect(inner.made).toBe(2);
  });

  it('keeps a bounded number, forgetting the oldest first', async () => {
    const clients = createReusedClients(2);
    const inner = new CountingFactory();
    const factory = clients.connectorFactory(claimsOf('app'), inner);
    const first = await factory.create('https://one.example/');
    await factory.create('https://two.example/');
    await factory.create('https://three.example/');
    expect(clients.size).toBe(2);
    expect(await factory.create('https://one.example/')).not.toBe(first);
    expect(inner.made).toBe(4);
  });
});

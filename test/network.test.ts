import { createActor, fromTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { EntityMessage, Envelope } from '../src/core/entities/messages';
import { post } from '../src/core/entities/messages';
import { networkLogic } from '../src/core/entities/networkMachine';
import { Simulation } from '../src/core/engine/run';
import { exampleScenario } from './support/fixtures';

/** The network with one stand-in receiver registered as `primary-cms`, which records what it is handed. */
function networkWithReceiver() {
  const network = createActor(networkLogic);
  const received: EntityMessage[] = [];
  const receiver = createActor(
    fromTransition((seen: number, event: EntityMessage) => {
      received.push(event);
      return seen + 1;
    }, 0),
    { systemId: 'primary-cms', parent: network },
  );
  network.start();
  receiver.start();
  return { network, received };
}

const request: EntityMessage = {
  type: 'profile.request',
  from: 'cmc',
  request: { serviceId: 'x', purpose: 'own', partnerSystemId: null },
};
const envelope = (sameStep = false): Envelope => ({
  from: 'cmc',
  to: 'primary-cms',
  message: request,
  sameStep,
});

describe('the network actor', () => {
  it('keeps what is posted (for the scheduler to take in flight) and hands over the message it is told to', () => {
    const { network, received } = networkWithReceiver();
    network.send(post(envelope()));
    network.send(post(envelope()));
    expect(received).toHaveLength(0);
    expect(network.getSnapshot().context.queue).toHaveLength(2);
    network.send({ type: 'net.deliver', envelope: envelope() });
    expect(received).toEqual([request]);
    // a delivery starts a new step: what was posted before it has been taken in flight
    expect(network.getSnapshot().context.queue).toHaveLength(0);
    expect(network.getSnapshot().context.delivered).toEqual([envelope()]);
  });

  it('hands a message posted sameStep over at once, within the delivery that caused it', () => {
    const { network, received } = networkWithReceiver();
    network.send(post(envelope(true)));
    expect(received).toEqual([request]);
    expect(network.getSnapshot().context.queue).toHaveLength(0);
  });

  it('records an event it does not know (Simulation.step refuses to go on after one)', () => {
    const { network } = networkWithReceiver();
    network.send({ type: 'xstate.error.actor.cmc' });
    expect(network.getSnapshot().context.unexpected).toBe('xstate.error.actor.cmc');
  });

  it('roots one actor system in which each entity is registered by its id, the network its parent', () => {
    const simulation = new Simulation(exampleScenario(), '10.1.4.3.2');
    simulation.step();
    const first = simulation.steps[0];
    expect(first?.from).toBe('cmc');
    expect(first?.to).toBe('primary-cms');
    expect(simulation.entities()['primary-cms'].state).not.toBe('idle');
  });
});

import { activityContract } from '@clientfees/contracts';
import { bindActivities } from '../service-descriptor';
import { activitiesOf } from './temporal-worker-host';

interface Greetings {
  greet(name: string): Promise<string>;
}
const GREETINGS = activityContract<Greetings>()('Greetings', ['greet']);

class Greeter implements Greetings {
  constructor(private readonly salutation: string) {}

  async greet(name: string): Promise<string> {
    return `${this.salutation}, ${this.spell(name)}`;
  }

  /** A helper: public, but no activity of the contract. */
  spell(name: string): string {
    return name.toUpperCase();
  }
}

describe('activityContract', () => {
  it('names every method of its interface (a list that forgets one does not compile)', () => {
    interface Two {
      first(): Promise<void>;
      second(): Promise<void>;
    }
    // @ts-expect-error `second` is missing: tsc refuses the contract.
    activityContract<Two>()('Two', ['first']);
    expect(activityContract<Two>()('Two', ['first', 'second']).methods).toEqual(['first', 'second']);
  });
});

describe('activitiesOf', () => {
  it('registers exactly the contract’s methods, bound to the instance', async () => {
    const activities = activitiesOf([{ binding: bindActivities(GREETINGS, Greeter), instance: new Greeter('Hei') }]);
    expect(Object.keys(activities)).toEqual(['greet']);
    await expect((activities.greet as (name: string) => Promise<string>)('aino')).resolves.toBe('Hei, AINO');
  });

  it('stops a service whose provider lacks a method of its contract, naming it', () => {
    class Mute {}
    expect(() => activitiesOf([{ binding: bindActivities(GREETINGS, Mute as never), instance: new Mute() }])).toThrow('Mute does not implement Greetings.greet');
  });

  it('refuses two providers registering the same activity', () => {
    const binding = bindActivities(GREETINGS, Greeter);
    expect(() => activitiesOf([{ binding, instance: new Greeter('Hei') }, { binding, instance: new Greeter('Hej') }])).toThrow('Activity greet is bound twice');
  });
});

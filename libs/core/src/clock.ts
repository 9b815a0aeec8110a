import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time, as one injectable: rules that depend on it (incident deadlines and escalation) read it here, so a test
 * moves the clock of a running API or worker instead of waiting (`app.get(Clock).now = () => later`).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}

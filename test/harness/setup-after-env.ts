// Starting Nest apps and joining Kafka consumer groups takes seconds, not milliseconds.
jest.setTimeout(120_000);

// The services under test log their lifecycle; tests show only what went wrong.
import { Logger } from '@nestjs/common';
Logger.overrideLogger(['error', 'warn']);

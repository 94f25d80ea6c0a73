import { AccessDeniedError, Actor, AuthenticationError } from '@app/auth';
import { Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { AccessGuard } from './access.guard';
import { Policy, Public } from './policy';

class CasesTestController {
  @Policy('case.write')
  amend(): void {}

  @Public()
  health(): void {}

  forgotten(): void {}
}

// Class-level policy: the method's own declaration wins, otherwise the class's applies.
@Policy('case.write')
class WritesByDefaultController {
  @Public()
  probe(): void {}

  write(): void {}
}

const investigator: Actor = { id: 'u-1', role: 'investigator', directorate: 'novo-mesto' };
const supervisor: Actor = { id: 'u-2', role: 'supervisor', directorate: null };
const auditor: Actor = { id: 'u-3', role: 'auditor', directorate: null };
const liaison: Actor = { id: 'u-4', role: 'prosecutor-liaison', directorate: null };

function contextFor<T extends object>(
  controller: new () => T,
  method: keyof T & string,
  actor?: Actor,
): ExecutionContextHost {
  const handler = controller.prototype[method] as (...args: unknown[]) => unknown;
  const context = new ExecutionContextHost([{ actor }, {}, () => undefined], controller, handler);
  context.setType('http');
  return context;
}

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected the guard to refuse');
}

describe('AccessGuard', () => {
  const guard = new AccessGuard(new Reflector());
  let loggedErrors: jest.SpyInstance;

  beforeEach(() => {
    loggedErrors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => loggedErrors.mockRestore());

  it.each([
    ['a supervisor', supervisor],
    ['an anonymous caller', undefined],
  ])('refuses a route without a policy, even to %s', (_, actor) => {
    const error = thrownBy(() =>
      guard.canActivate(contextFor(CasesTestController, 'forgotten', actor)),
    );
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error).toMatchObject({ code: 'AUTH.NO_POLICY' });
  });

  // A forgotten decorator is a developer's mistake: the log must name the route to fix.
  it('logs which route has no policy', () => {
    thrownBy(() => guard.canActivate(contextFor(CasesTestController, 'forgotten', supervisor)));
    expect(loggedErrors).toHaveBeenCalledWith('CasesTestController.forgotten has no policy');
  });

  it('lets anyone through a public route, without a token', () => {
    expect(guard.canActivate(contextFor(CasesTestController, 'health'))).toBe(true);
  });

  it('asks for a token on a route with a policy', () => {
    const error = thrownBy(() => guard.canActivate(contextFor(CasesTestController, 'amend')));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'AUTH.TOKEN_MISSING' });
  });

  it.each([
    ['an auditor', auditor],
    ['a prosecutor liaison', liaison],
  ])('forbids %s a case.write route', (_, actor) => {
    const error = thrownBy(() =>
      guard.canActivate(contextFor(CasesTestController, 'amend', actor)),
    );
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error).toMatchObject({
      code: 'AUTH.FORBIDDEN',
      message: `The role ${actor.role} does not have the permission case.write.`,
    });
  });

  it.each([
    ['an investigator', investigator],
    ['a supervisor', supervisor],
  ])('lets %s through a case.write route', (_, actor) => {
    expect(guard.canActivate(contextFor(CasesTestController, 'amend', actor))).toBe(true);
  });

  it('applies a class policy to a method that declares none', () => {
    expect(guard.canActivate(contextFor(WritesByDefaultController, 'write', investigator))).toBe(
      true,
    );
    const error = thrownBy(() =>
      guard.canActivate(contextFor(WritesByDefaultController, 'write', auditor)),
    );
    expect(error).toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });

  it("lets a method's own declaration override the class policy", () => {
    expect(guard.canActivate(contextFor(WritesByDefaultController, 'probe'))).toBe(true);
  });
});

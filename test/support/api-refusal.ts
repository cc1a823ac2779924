// Awaits an API call that must be refused: fails the test unless it rejects with an ApiError of `code`; returns it.
import { expect } from 'vitest';
import { ApiError } from '../../shared/api/index';

export async function refusal(promise: Promise<unknown>, code: string): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  return error as ApiError;
}
